/// A section titled as a decision (`## Decision`, `## Go-Live-Entscheidung`) whose content is only
/// option boxes — task items, glyph lines or `[ ] **APPROVED** for release` paragraphs, each option
/// a decision word (`signoff.decision-options`): one decision field, and its boxes are options, not
/// deliverables. A blank under an option (`[ ] REJECTED - Reason:` over `____`) belongs to it;
/// field lines may stand beside the options (`Select one:`, `Decided by: ____`).
struct DecisionSection {
    struct Option {
        let name: String
        let chosen: Bool
        /// The option's line and the lines under it, up to the next option.
        let lines: ClosedRange<Int>
    }

    let field: DecisionField
    let options: [Option]

    static func all(in document: Document, _ configuration: Configuration) -> [DecisionSection] {
        document.sections.compactMap { section in
            guard let heading = section.heading, heading.level >= 2, DecisionField.namesDecision(heading.text) else { return nil }
            let next = document.sections.dropFirst(section.index + 1).lazy.compactMap(\.heading).first?.line
            let end = (next ?? document.source.lines.count + 1) - 1
            guard heading.line < end else { return nil }
            return read(lines: (heading.line + 1)...end, heading: heading, document, configuration)
        }
    }

    private static func read(lines: ClosedRange<Int>, heading: Heading, _ document: Document,
                             _ configuration: Configuration) -> DecisionSection? {
        var options: [Option] = []
        var optionIndent = 0, afterBlankLine = false
        for number in lines {
            let line = document.source.line(number)
            let text = line.trimmedSpaces
            if text.isEmpty { afterBlankLine = true; continue }
            defer { afterBlankLine = false }
            let indent = line.indentWidth
            let box = options.isEmpty || indent <= optionIndent ? option(in: text, configuration) : nil
            // Under an option: its indented lines, and its paragraph's next lines.
            if box == nil, let last = options.last, indent > optionIndent || !afterBlankLine {
                options[options.count - 1] = Option(name: last.name, chosen: last.chosen, lines: last.lines.lowerBound...number)
                continue
            }
            // Rules and blank runs between options (`---`, `____`).
            if box == nil, text.allSatisfy({ "-*_. ".contains($0) }) { continue }
            guard let (name, chosen) = box else {
                // A line that introduces the options (`Select one:`) and fields beside them
                // (`Decided by: ____`, `Reason (if NO-GO): ____`), nothing else.
                if isField(text) { continue }
                return nil
            }
            options.append(Option(name: name, chosen: chosen, lines: number...number))
            optionIndent = indent
        }
        guard options.count >= 2, let first = options.first else { return nil }
        let names = options.map(\.name)
        let field = DecisionField(label: heading.text, value: names.joined(separator: " / "), line: first.lines.lowerBound,
                                  column: document.indentColumn(first.lines.lowerBound), text: heading.text,
                                  options: names, chosen: options.filter(\.chosen).map(\.name))
        return DecisionSection(field: field, options: options)
    }

    /// `Label: value`, `**Label**:`, `- Label:`: a short label before a colon.
    private static func isField(_ text: Substring) -> Bool {
        guard let colon = text.firstIndex(of: ":") else { return false }
        let label = text[..<colon].filter { $0 != "*" && $0 != "_" }
        return !label.trimmedSpaces.isEmpty && label.count <= 40
    }

    /// `- [x] GO`, `☐ NO-GO`, `[ ] **CONDITIONAL** - Requires:`: the option's name (up to a dash,
    /// colon or parenthesis) and whether it is chosen, when the name starts with a decision word.
    private static func option(in text: Substring, _ configuration: Configuration) -> (String, Bool)? {
        let afterMarker = text[(PlaceholderScanner.listMarkerEnd(text) ?? text.startIndex)...].trimmedSpaces
        guard let box = DecisionField.nextBox(in: afterMarker), box.start == afterMarker.startIndex else { return nil }
        let rest = afterMarker[box.end...]
        let chosen = box.chosen
        let plain = String(rest.filter { $0 != "*" && $0 != "`" }).trimmedSpaces
        let cut = [" - ", " – ", " — ", ":", " ("].compactMap { plain.firstRange(of: $0)?.lowerBound }.min() ?? plain.endIndex
        let name = plain[..<cut].trimmedSpaces
        let key = name.lowercased()
        let firstWord = key.split(separator: " ").first.map(String.init) ?? key
        guard !name.isEmpty, configuration.decisionOptionKeys.contains(key) || configuration.decisionOptionKeys.contains(firstWord)
        else { return nil }
        return (String(name), chosen)
    }
}
