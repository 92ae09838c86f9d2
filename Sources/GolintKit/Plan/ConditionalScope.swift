import Foundation

/// The lines of conditional content whose blanks are not errors and whose deliverables are never
/// due: a section under a heading that starts with a condition (`### If rollback is needed`) or
/// states one about a decision's option (`### Conditions (if Conditional GO)`), a
/// line that starts with one (`If the CDN fails:`), with what is nested under it or, for a caption
/// ending in `:`, the list it introduces. A condition that names a decision's option
/// (`### If NO-GO`, `**Reason (if Conditional GO):**`, `NO-GO reason:`) holds only once the
/// decision chose another option: while none is chosen, or when it is the one chosen, its blanks
/// are there to be filled. The options a decision did not choose are conditional too.
struct ConditionalScope {
    private(set) var lines = Set<Int>()

    func contains(_ line: Int) -> Bool { lines.contains(line) }

    init(document: Document, decisions: [DecisionField], sections: [DecisionSection]) {
        for section in sections where !section.field.chosen.isEmpty {
            for option in section.options where !option.chosen { lines.formUnion(option.lines) }
        }
        let outcome = DecisionOutcome(decisions)
        let headings = document.headings
        var nextHeading = 0
        // Conditional sections by heading level: a subsection of one is conditional too.
        var conditionalLevel: Int?
        // The conditional line whose nested lines are conditional too: its indent, and whether it
        // is a caption (a paragraph ending in `:`) whose list follows at any indent.
        var open: (indent: Int, caption: Bool)?
        for number in 1...max(document.source.lines.count, 1) {
            if nextHeading < headings.count, headings[nextHeading].line == number {
                let heading = headings[nextHeading]
                nextHeading += 1
                open = nil
                if let level = conditionalLevel, heading.level > level { lines.insert(number); continue }
                let conditional = ConditionalText.isConditional(heading.text) ? outcome.holds(heading.text)
                    : ConditionalText.isConditionalHeading(heading.text) && outcome.namesOptionNotChosen(heading.text)
                conditionalLevel = heading.level >= 2 && conditional ? heading.level : nil
                if conditionalLevel != nil { lines.insert(number) }
                continue
            }
            if conditionalLevel != nil { lines.insert(number); continue }
            let line = document.source.line(number)
            let text = line.trimmedSpaces
            guard !text.isEmpty else { continue }
            let indent = line.prefix { $0 == " " || $0 == "\t" }.count
            let isListItem = PlaceholderScanner.isListItem(line)
            if let scope = open {
                if indent > scope.indent || scope.caption && isListItem {
                    lines.insert(number)
                    continue
                }
                open = nil
            }
            if isConditionalLine(text, outcome) {
                lines.insert(number)
                open = (indent, caption: !isListItem && text.hasSuffix(":"))
            }
        }
    }

    /// `- [ ] If the CDN fails: …`, `**If Conditional GO, conditions:**`, `Reason (if NO-GO): ____`,
    /// `NO-GO reason:` once GO is chosen.
    private func isConditionalLine(_ text: Substring, _ outcome: DecisionOutcome) -> Bool {
        let body = Self.withoutMarker(text)
        if ConditionalText.isConditional(body) { return outcome.holds(String(body)) }
        guard !outcome.decided.isEmpty || body.containsASCII("("), let colon = body.firstIndex(of: ":") else { return false }
        let label = String(body[..<colon])
        return outcome.namesOptionNotChosen(label)
    }

    /// The text after a list marker, a task box and leading emphasis.
    private static func withoutMarker(_ text: Substring) -> Substring {
        var body = text
        if PlaceholderScanner.isListItem(body) { body = body.drop { $0 != " " }.trimmedSpaces }
        if body.hasPrefix("[ ]") || body.hasPrefix("[x]") || body.hasPrefix("[X]") { body = body.dropFirst(3).trimmedSpaces }
        return body.drop { $0 == "*" || $0 == "_" || $0 == ">" || $0 == " " }
    }
}

/// What a document's decisions chose, to tell whether a condition that names an option holds.
struct DecisionOutcome {
    /// The decisions with exactly one option chosen.
    let decided: [DecisionField]
    /// Every option the document's decisions offer, and the go/no-go words, longest first.
    private let vocabulary: [String]

    init(_ decisions: [DecisionField]) {
        decided = decisions.filter { $0.choice != nil && $0.options.count >= 2 }
        let offered = decisions.flatMap(\.options).map { $0.lowercased() } + ["go", "no-go", "nogo", "no go", "conditional go"]
        vocabulary = Array(Set(offered)).sorted { ($0.count, $0) > ($1.count, $1) }
    }

    /// Whether a condition leaves its content out: it names no option, or only options the
    /// decisions did not choose.
    func holds(_ condition: String) -> Bool {
        let named = options(namedIn: condition)
        return named.isEmpty || !decided.isEmpty && decided.allSatisfy { !named.contains($0.choice!.lowercased()) }
    }

    /// A label that names an option the decisions did not choose, and not the one they chose.
    func namesOptionNotChosen(_ label: String) -> Bool {
        let named = options(namedIn: label)
        return !named.isEmpty && !decided.isEmpty && decided.allSatisfy { !named.contains($0.choice!.lowercased()) }
    }

    /// The options a text names as whole words, a longer one first (`NO-GO` is not also `GO`).
    private func options(namedIn text: String) -> Set<String> {
        var rest = text.lowercased()
        var named = Set<String>()
        for option in vocabulary {
            while let range = Self.wordRange(of: option, in: rest) {
                rest.replaceSubrange(range, with: " ")
                named.insert(option)
            }
        }
        return named
    }

    /// Where `word` stands in `text` as a whole word (`go` not in `going`; `-` separates words).
    private static func wordRange(of word: String, in text: String) -> Range<String.Index>? {
        var from = text.startIndex
        while let found = text.range(of: word, range: from..<text.endIndex) {
            let before = found.lowerBound == text.startIndex ? nil : text[text.index(before: found.lowerBound)]
            let after = found.upperBound == text.endIndex ? nil : text[found.upperBound]
            if before?.isLetter != true, after?.isLetter != true { return found }
            from = text.index(after: found.lowerBound)
        }
        return nil
    }
}
