/// Output formats. `check` takes the first five; `history`, `diff` and `blame` also markdown and csv.
public enum OutputFormat: String, CaseIterable, Sendable {
    case text, json, sarif, github, junit, markdown, csv
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
