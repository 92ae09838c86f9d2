/// One problem in one document.
public struct Finding: Sendable, Equatable, Hashable {
    public let rule: String
    public let severity: Severity
    public let path: String
    public let line: Int
    public let column: Int
    public let message: String
    public let excerpt: String?
    /// The deadline an overdue finding is about, ISO 8601 in the deadline's zone.
    public let deadline: String?
    /// The finding's source line, trimmed: what baselines and waivers match, so that edits
    /// elsewhere in the document do not invalidate them.
    public let sourceLine: String

    public init(rule: String, severity: Severity, path: String, line: Int, column: Int, message: String,
                excerpt: String? = nil, deadline: String? = nil, sourceLine: String = "") {
        self.rule = rule
        self.severity = severity
        self.path = path
        self.line = line
        self.column = column
        self.message = message
        self.excerpt = excerpt
        self.deadline = deadline
        self.sourceLine = sourceLine
    }

    /// Path, then position, then rule: the order every reporter prints in.
    public static func ordered(_ lhs: Finding, _ rhs: Finding) -> Bool {
        (lhs.path, lhs.line, lhs.column, lhs.rule) < (rhs.path, rhs.line, rhs.column, rhs.rule)
    }
}
