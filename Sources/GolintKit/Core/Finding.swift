/// One problem in one document.
///
/// Its fields live in one shared object: findings are copied on their way from a rule through the
/// filters, sorting and every reporter, and a run can hold tens of thousands; copying a reference
/// costs one retain where copying ten strings cost ten.
public struct Finding: Sendable, Equatable, Hashable {
    private final class Fields: Sendable {
        let rule: String
        let severity: Severity
        let path: String
        let line: Int
        let column: Int
        let message: String
        let excerpt: String?
        let deadline: String?
        let deadlineSource: DeadlineSource?
        let owner: String?
        let sourceLine: String

        init(rule: String, severity: Severity, path: String, line: Int, column: Int, message: String, excerpt: String?,
             deadline: String?, deadlineSource: DeadlineSource?, owner: String?, sourceLine: String) {
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
    }

    private let fields: Fields

    public var rule: String { fields.rule }
    public var severity: Severity { fields.severity }
    public var path: String { fields.path }
    public var line: Int { fields.line }
    public var column: Int { fields.column }
    /// Where the finding's text ends: the line, and the column after its excerpt's last character
    /// (as SARIF's `endColumn`), or after the column itself when there is no excerpt.
    public var endLine: Int { line }
    public var endColumn: Int { column + max(1, excerpt.map { $0.firstLine.scalarCount } ?? 1) }
    public var message: String { fields.message }
    public var excerpt: String? { fields.excerpt }
    /// The deadline an overdue finding is about, ISO 8601 in the deadline's zone.
    public var deadline: String? { fields.deadline }
    /// Where that deadline was written (JSON `deadlineSource`).
    public var deadlineSource: DeadlineSource? { fields.deadlineSource }
    /// Who owns the deliverable, when the document says.
    public var owner: String? { fields.owner }
    /// The finding's source line, trimmed: what baselines and waivers match, so that edits
    /// elsewhere in the document do not invalidate them.
    public var sourceLine: String { fields.sourceLine }

    public init(rule: String, severity: Severity, path: String, line: Int, column: Int, message: String,
                excerpt: String? = nil, deadline: String? = nil, deadlineSource: DeadlineSource? = nil, owner: String? = nil,
                sourceLine: String = "") {
        fields = Fields(rule: rule, severity: severity, path: path, line: line, column: column, message: message, excerpt: excerpt,
                        deadline: deadline, deadlineSource: deadlineSource, owner: owner, sourceLine: sourceLine)
    }

    public static func == (lhs: Finding, rhs: Finding) -> Bool {
        lhs.fields === rhs.fields || (lhs.rule == rhs.rule && lhs.severity == rhs.severity && lhs.path == rhs.path && lhs.line == rhs.line
            && lhs.column == rhs.column && lhs.message == rhs.message && lhs.excerpt == rhs.excerpt && lhs.deadline == rhs.deadline
            && lhs.deadlineSource == rhs.deadlineSource && lhs.owner == rhs.owner && lhs.sourceLine == rhs.sourceLine)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(rule)
        hasher.combine(path)
        hasher.combine(line)
        hasher.combine(column)
        hasher.combine(message)
    }

    /// Path, then position, then rule: the order every reporter prints in.
    public static func ordered(_ lhs: Finding, _ rhs: Finding) -> Bool {
        if lhs.fields.path != rhs.fields.path { return lhs.fields.path < rhs.fields.path }
        if lhs.fields.line != rhs.fields.line { return lhs.fields.line < rhs.fields.line }
        if lhs.fields.column != rhs.fields.column { return lhs.fields.column < rhs.fields.column }
        return lhs.fields.rule < rhs.fields.rule
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
