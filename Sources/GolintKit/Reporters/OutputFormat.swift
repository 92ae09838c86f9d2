/// `check`'s formats. Each command has its own list, and each reporter handles every format of its
/// list: no format falls back to another.
public enum CheckFormat: String, CaseIterable, Sendable {
    case text, json, sarif, github, junit, codequality, markdown
}

/// The formats of `history`, `diff` and `blame`.
public enum AuditFormat: String, CaseIterable, Sendable {
    case text, json, markdown, csv
}

/// The formats of `status`.
public enum StatusFormat: String, CaseIterable, Sendable {
    case text, json, markdown
}

/// How text output looks.
public struct TextStyle: Sendable {
    public var color: Bool
    public var quiet: Bool

    public init(color: Bool = false, quiet: Bool = false) {
        self.color = color
        self.quiet = quiet
    }

    func paint(_ text: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
}

/// The output formats of `golint agenda`.
public enum AgendaFormat: String, CaseIterable, Sendable {
    case text, markdown, json, slack, ics
}
