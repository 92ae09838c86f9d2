import Foundation

/// The lines of conditional content whose blanks are not errors and whose deliverables are never
/// due: a section under a heading that starts with a condition (`### If rollback is needed`) or
/// states one about a decision's option (`### Conditions (if Conditional GO)`), a
/// line that starts with one (`If the CDN fails:`), with what is nested under it or, for a caption
/// ending in `:`, the list it introduces (up to a blank line). A condition that names a decision's option
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
        let source = document.source
        source.text.withUTF8Bytes { all in
            for number in 1...max(source.lines.count, 1) {
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
                guard number <= source.lines.count else { continue }
                // On the line's bytes within the document's: most lines are looked at only here.
                let line = source.lines[number - 1]
                let start = source.text.utf8.distance(from: source.text.utf8.startIndex, to: line.startIndex)
                let bytes = UnsafeBufferPointer(rebasing: all[start..<start + line.utf8.count])
                let indent = line.indentWidth
                guard indent < bytes.count else {
                    // A caption's list ends at a blank line: what follows may be meant for every case.
                    if open?.caption == true { open = nil }
                    continue
                }
                if let scope = open {
                    if indent > scope.indent || scope.caption && PlaceholderScanner.listMarkerEnd(bytes) != nil {
                        lines.insert(number)
                        continue
                    }
                    open = nil
                }
                // Most lines start with no condition and no decision is made: the screen spares the rest.
                let mayStartWithCondition = ConditionalText.mayBeConditional(bytes)
                guard mayStartWithCondition || !outcome.decided.isEmpty else { continue }
                let text = line.trimmedSpaces
                if isConditionalLine(text, mayStartWithCondition: mayStartWithCondition, outcome) {
                    lines.insert(number)
                    open = (indent, caption: PlaceholderScanner.listMarkerEnd(bytes) == nil && text.hasSuffix(":"))
                }
            }
        }
    }

    /// `- [ ] If the CDN fails: …`, `**If Conditional GO, conditions:**`, `Reason (if NO-GO): ____`,
    /// `NO-GO reason:` once GO is chosen.
    private func isConditionalLine(_ text: Substring, mayStartWithCondition: Bool, _ outcome: DecisionOutcome) -> Bool {
        let body = Self.withoutMarker(text)
        if mayStartWithCondition, ConditionalText.isConditional(body) { return outcome.holds(String(body)) }
        // Else a label that names an option (or states a condition about one) before its colon.
        guard !outcome.decided.isEmpty, let colon = body.utf8.firstIndex(of: 0x3A) else { return false }
        return outcome.namesOptionNotChosen(String(body[..<colon]))
    }


    /// The text after a list marker, a task box and leading emphasis, by bytes.
    private static func withoutMarker(_ text: Substring) -> Substring {
        let bytes = text.utf8
        var index = PlaceholderScanner.listMarkerEnd(text) ?? bytes.startIndex
        func skip(_ accepted: (UInt8) -> Bool) {
            while index < bytes.endIndex, accepted(bytes[index]) { index = bytes.index(after: index) }
        }
        skip { $0 == 0x20 }
        if bytes.distance(from: index, to: bytes.endIndex) >= 3, bytes[index] == 0x5B, bytes[bytes.index(index, offsetBy: 2)] == 0x5D,
           [0x20, 0x78, 0x58].contains(bytes[bytes.index(after: index)]) {
            index = bytes.index(index, offsetBy: 3)
        }
        skip { $0 == 0x2A || $0 == 0x5F || $0 == 0x3E || $0 == 0x20 }
        return text[index...]
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
