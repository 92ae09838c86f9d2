/// `Entscheider: Jane Doe`, `Go / No-Go: [x] GO [ ] NO-GO` — a labelled field that records a decision.
public struct DecisionField: Sendable, Equatable {
    public let label: String
    public let value: String
    public let line: Int
    public let column: Int
    /// The whole line as written (rendered), for messages.
    public let text: String
    /// The options the field offers (`[ ] GO [ ] NO-GO`, `☐ Go ☐ No-Go`, `GO / NO-GO`), if any.
    public let options: [String]
    /// The options chosen (`[x] GO`).
    public let chosen: [String]

    /// The decision, when exactly one option is chosen.
    public var choice: String? { chosen.count == 1 ? chosen[0] : nil }

    /// Nothing written, only a blank, or options of which none is chosen.
    public var isBlank: Bool { options.isEmpty ? DecisionField.isBlank(value) : chosen.isEmpty }

    /// Empty, or only underscores and dots as in a paper form.
    static func isBlank<S: StringProtocol>(_ value: S) -> Bool {
        value.allSatisfy { $0 == "_" || $0 == "." || $0 == "…" || $0.isWhitespace }
    }

    /// The label and value of a field line, `fields` lower-cased as `Configuration.decisionFieldKeys` holds them.
    static func parse<S: StringProtocol>(_ line: S, fields: Set<String>) -> (label: String, value: String)? {
        // By bytes: this runs on every paragraph line with a colon.
        guard let colon = line.utf8.firstIndex(of: 0x3A) else { return nil }
        let label = line[..<colon].trimmedSpaces
        guard label.utf8.count <= 160, label.count <= 40 else { return nil }
        let key = label.lowercased()
        guard fields.contains(key) || endsWithDecisionWord(key) else { return nil }
        return (String(label), String(line[line.utf8.index(after: colon)...].trimmedSpaces))
    }

    /// `Owner Decision`, `Décision finale`, `Entscheidungsvorlage`: a label whose last word is a
    /// decision word, or a compound of one; `Decision Date` is a date field.
    private static func endsWithDecisionWord(_ key: String) -> Bool {
        // Most labels name no decision: a byte search spares the split.
        guard decisionStems.contains(where: { key.firstRange(of: $0) != nil }) else { return false }
        let words = key.split { $0 == " " || $0 == "-" || $0 == "_" }
        guard let last = words.last, !dateWords.contains(String(last)) else { return false }
        if decisionWords.contains(String(last)) { return true }
        // `Décision finale`, `Decisión final`: an adjective after the word.
        if words.count >= 2, finalWords.contains(String(last)), decisionWords.contains(String(words[words.count - 2])) { return true }
        return words.contains { $0.hasPrefix("entscheidung") }
    }

    private static let decisionWords: Set<String> = ["decision", "decisions", "entscheidung", "décision", "decisión", "decisão", "decisione",
                                                     "go/no-go", "判定", "決定"]
    private static let decisionStems = ["ecisi", "écisi", "ecisã", "ntscheid", "no-go", "判定", "決定"]
    private static let finalWords: Set<String> = ["finale", "final", "final:", "définitive", "definitiva", "definitivo"]
    private static let dateWords: Set<String> = ["date", "datum", "fecha", "data", "dated", "time", "zeit"]

    /// Every decision field of a document's paragraphs, one per line.
    static func fields(in document: Document, _ configuration: Configuration) -> [DecisionField] {
        let keys = configuration.decisionFieldKeys
        var result: [DecisionField] = []
        for block in document.blocks where block.kind == .paragraph && block.text.containsASCII(":") {
            block.text.forEachLine { line, offset in
                guard let field = parse(line, fields: keys) else { return }
                let lineNumber = block.line + offset
                // `**Go/No-Go Decision:**` over the lines that each record one: a caption, not a field.
                if field.value.isEmpty, SignoffForm.introducesList(after: lineNumber, in: document) { return }
                let indent = document.source.line(lineNumber).prefix { $0 == " " || $0 == "\t" || $0 == ">" }.unicodeScalars.count
                let offered = options(in: field.value, configuration)
                result.append(DecisionField(label: field.label, value: field.value, line: lineNumber, column: indent + 1, text: String(line),
                                            options: offered.map(\.option), chosen: offered.filter(\.chosen).map(\.option)))
            }
        }
        return result
    }

    private static let unchecked: Set<Character> = ["☐", "⬜", "□"]
    private static let checked: Set<Character> = ["☑", "☒", "✅", "✔", "■"]

    /// A heading that names a decision (`Decision`, `Final Decision`, `Go-Live-Entscheidung`).
    static func namesDecision(_ heading: String) -> Bool {
        // Most headings name none: a byte screen for `…cisi…`, `…ntsch…`, `go` or a letter outside ASCII.
        guard heading.withUTF8Bytes({ bytes in
            bytes.indices.contains { index in
                let byte = bytes[index] | 0x20
                guard bytes[index] < 0x80 else { return true }
                func next(_ offset: Int) -> UInt8 { index + offset < bytes.count ? bytes[index + offset] | 0x20 : 0 }
                return byte == 0x63 && next(1) == 0x69 && next(2) == 0x73 || byte == 0x67 && next(1) == 0x6F
                    || byte == 0x6E && next(1) == 0x74 && next(2) == 0x73
            }
        }) else { return false }
        let key = heading.lowercased().drop { !$0.isLetter }
        return decisionWords.contains(String(key)) || endsWithDecisionWord(String(key))
    }

    /// Options with boxes (`[ ] GO [x] NO-GO`, `☐ Go ☑ No-Go`), or option words between slashes
    /// (`GO / NO-GO`, from `signoff.decision-options`, none of them chosen).
    static func options(in value: String, _ configuration: Configuration) -> [(option: String, chosen: Bool)] {
        var boxed: [(option: String, chosen: Bool)] = []
        var rest = Substring(value)
        while let box = nextBox(in: rest) {
            let after = rest[box.end...]
            let next = nextBox(in: after)?.start ?? after.endIndex
            let option = after[..<next].trimmedSpaces.trimmingTrailing(",").trimmingTrailing("/").trimmedSpaces
            if !option.isEmpty { boxed.append((String(option), box.chosen)) }
            rest = after[next...]
        }
        if boxed.count >= 2 { return boxed }
        // `GO / NO-GO`, `Go | No-Go | Go mit Auflagen` (code spans rendered), `<GO|NO-GO>`.
        let bare = value.trimmedSpaces.drop { $0 == "<" }.reversed().drop { $0 == ">" }.reversed()
        let words = String(bare).split { $0 == "/" || $0 == "|" }.map { $0.trimmedSpaces }
        guard words.count >= 2, words.count <= 4,
              words.allSatisfy({ configuration.decisionOptionKeys.contains($0.lowercased()) }) else { return [] }
        return words.map { (String($0), false) }
    }

    /// The next option box: `[ ]`, `[x]`, or a box glyph.
    static func nextBox(in text: Substring) -> (start: String.Index, end: String.Index, chosen: Bool)? {
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if unchecked.contains(character) || checked.contains(character) {
                return (index, text.index(after: index), checked.contains(character))
            }
            if character == "[", let close = text[index...].dropFirst(2).first, close == "]" {
                let mark = text[text.index(after: index)]
                if mark == " " || mark == "x" || mark == "X" {
                    return (index, text.index(index, offsetBy: 3), mark != " ")
                }
            }
            index = text.index(after: index)
        }
        return nil
    }
}
