/// `Entscheider: Jane Doe` — a labelled field that records a decision.
public struct DecisionField: Sendable, Equatable {
    public let label: String
    public let value: String
    public let line: Int
    public let column: Int
    /// The whole line as written (rendered), for messages.
    public let text: String

    /// Empty, or only underscores and dots as in a paper form.
    public var isBlank: Bool { DecisionField.isBlank(value) }

    static func isBlank<S: StringProtocol>(_ value: S) -> Bool {
        value.allSatisfy { $0 == "_" || $0 == "." || $0 == "…" || $0.isWhitespace }
    }

    /// The label and value of a field line, `fields` lower-cased as `Configuration.decisionFieldKeys` holds them.
    static func parse<S: StringProtocol>(_ line: S, fields: Set<String>) -> (label: String, value: String)? {
        // By bytes: this runs on every paragraph line with a colon.
        guard let colon = line.utf8.firstIndex(of: 0x3A) else { return nil }
        let label = line[..<colon].trimmedSpaces
        guard label.utf8.count <= 160, label.count <= 40, fields.contains(label.lowercased()) else { return nil }
        return (String(label), String(line[line.utf8.index(after: colon)...].trimmedSpaces))
    }

    /// Every decision field of a document's paragraphs, one per line.
    static func fields(in document: Document, _ configuration: Configuration) -> [DecisionField] {
        let keys = configuration.decisionFieldKeys
        var result: [DecisionField] = []
        for block in document.blocks where block.kind == .paragraph && block.text.containsASCII(":") {
            block.text.forEachLine { line, offset in
                guard let field = parse(line, fields: keys) else { return }
                let lineNumber = block.line + offset
                let indent = document.source.line(lineNumber).prefix { $0 == " " || $0 == "\t" || $0 == ">" }.unicodeScalars.count
                result.append(DecisionField(label: field.label, value: field.value, line: lineNumber, column: indent + 1, text: String(line)))
            }
        }
        return result
    }
}
