/// One problem in one document.
public struct Finding: Sendable, Equatable, Hashable {
    public let rule: String
    public let severity: Severity
    public let path: String
    public let line: Int
    public let column: Int
    /// Where the finding's text ends: the line, and the column after its excerpt's last character
    /// (as SARIF's `endColumn`), or after the column itself when there is no excerpt.
    public var endLine: Int { line }
    public var endColumn: Int { column + max(1, excerpt.map { $0.firstLine.unicodeScalars.count } ?? 1) }
    public let message: String
    public let excerpt: String?
    /// The deadline an overdue finding is about, ISO 8601 in the deadline's zone.
    public let deadline: String?
    /// Where that deadline was written (JSON `deadlineSource`).
    public let deadlineSource: DeadlineSource?
    /// Who owns the deliverable, when the document says.
    public let owner: String?
    /// The finding's source line, trimmed: what baselines and waivers match, so that edits
    /// elsewhere in the document do not invalidate them.
    public let sourceLine: String

    public init(rule: String, severity: Severity, path: String, line: Int, column: Int, message: String,
                excerpt: String? = nil, deadline: String? = nil, deadlineSource: DeadlineSource? = nil, owner: String? = nil,
                sourceLine: String = "") {
        self.rule = rule
        self.severity = severity
        self.path = path
        self.line = line
        self.column = column
        self.message = message
        self.excerpt = excerpt
        self.deadline = deadline
        self.deadlineSource = deadlineSource
        self.owner = owner
        self.sourceLine = sourceLine
    }

    /// Path, then position, then rule: the order every reporter prints in.
    public static func ordered(_ lhs: Finding, _ rhs: Finding) -> Bool {
        (lhs.path, lhs.line, lhs.column, lhs.rule) < (rhs.path, rhs.line, rhs.column, rhs.rule)
    }
}

/// Where a finding's deadline was written: its kind (item, table, section, heading, relative,
/// document, title), line and text, and for a relative one the T-0 anchor's line.
public struct DeadlineSource: Sendable, Equatable, Hashable {
    public let kind: String
    public let line: Int
    public let text: String
    public let anchorLine: Int?

    public init(kind: String, line: Int, text: String, anchorLine: Int?) {
        self.kind = kind
        self.line = line
        self.text = text
        self.anchorLine = anchorLine
    }

    init(_ deadline: Deadline) {
        self.init(kind: deadline.origin.rawValue, line: deadline.line, text: deadline.written, anchorLine: deadline.anchorLine)
    }
}

/// A finding that an inline comment, a waiver or a baseline entry accepts.
public struct SuppressedFinding: Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// A `golint-disable` comment in the document.
        case inSource
        /// A waiver in the configuration, or a baseline entry.
        case external
    }

    public let finding: Finding
    public let kind: Kind
    /// The waiver's reason and owner, or which baseline.
    public let justification: String?
}
