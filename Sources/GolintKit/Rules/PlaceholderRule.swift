import Foundation

/// Text left to be filled in: `[Primär-On-Call]`, `TBD`, `Owner: ______`, `2026-03-XX`.
public struct PlaceholderRule: Rule {
    public static let description = RuleDescription(
        id: "placeholder", name: "Placeholder", severity: .error,
        summary: "An unreplaced placeholder: a bracketed role token, TBD/TODO/XXX, a blank fill-in line, or a date with unknown parts.",
        triggering: [
            Example("## Eskalation\n\n- `↓[Primär-On-Call]`\n- ↓[Status-Kanal] klären\n"),
            Example("Owner: ↓TBD\n"),
            Example("| Rolle | Name |\n|---|---|\n| SRE | ↓[Name] |\n"),
            Example("Go-Live am ↓2026-03-XX\n"),
            Example("Notizen: ↓______\n"),
            Example("- [ ] ↓TODO: Runbook verlinken\n"),
            Example("- ↓[Backup-On-Call]\n- ↓[Backup-On-Call]\n"),
            Example("```\nOwner: ↓[Name]\n```\n", configuration: "placeholder:\n  in-code-blocks: true\n"),
            Example("On-Call: ↓[Jane]\n", configuration: "placeholder:\n  patterns: ['\\[(?:Jane|John)\\]']\n"),
        ],
        nonTriggering: [
            Example("- [ ] Business-Freigabe eingeholt\n- [x] Support informiert\n"),
            Example("Siehe [Status-Seite](https://status.example.com) und [Runbook][rb].\n\n[rb]: https://example.com\n"),
            Example("```markdown\nEntscheider: ______\n[Primär-On-Call]\n```\n"),
            Example("    indented code: [Primär-On-Call]\n"),
            Example("Datum: 2026-03-05, todo-list and xxxl are words\n"),
            Example("Entscheider: ______\n"),
        ])

    public init() {}

    public func check(_ analysis: Analysis, now: Date) throws -> [RuleFinding] {
        let document = analysis.document
        var findings: [RuleFinding] = []
        for block in document.blocks {
            let matches = try Self.matches(in: block.text, analysis.configuration).filter { !block.isInLink($0) }
            var cursor = Document.Cursor(block)
            for range in Self.leftmostLongest(matches) where !isBlankDecisionField(range, in: block.text, analysis) {
                let position = document.position(of: range, in: block, cursor: &cursor)
                let excerpt = String(block.text[range])
                findings.append(RuleFinding(line: position.line, column: position.column,
                                            message: "placeholder '\(excerpt)' is not replaced", excerpt: excerpt))
            }
        }
        if analysis.configuration.placeholdersInCodeBlocks {
            findings += try codeBlockFindings(analysis)
        }
        return findings
    }

    private func codeBlockFindings(_ analysis: Analysis) throws -> [RuleFinding] {
        var findings: [RuleFinding] = []
        for code in analysis.document.codeBlocks {
            let firstLine = code.fenced ? code.startLine + 1 : code.startLine
            for (offset, line) in code.literal.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let text = String(line)
                let matches = try Self.matches(in: text, analysis.configuration)
                let sourceLine = analysis.document.source.line(firstLine + offset)
                for range in Self.leftmostLongest(matches) {
                    let excerpt = String(text[range])
                    let column = sourceLine.firstRange(of: excerpt).map { sourceLine.unicodeScalars[..<$0.lowerBound].count + 1 } ?? 1
                    findings.append(RuleFinding(line: firstLine + offset, column: column,
                                                message: "placeholder '\(excerpt)' is not replaced", excerpt: excerpt))
                }
            }
        }
        return findings
    }

    /// Matches of all patterns in one scan. When that exceeds the match budget, each pattern runs
    /// alone so that the error names the one that backtracks.
    static func matches(in text: String, _ configuration: Configuration) throws -> [Range<String.Index>] {
        guard let alternation = configuration.placeholderAlternation else {
            return try configuration.placeholderPatterns.flatMap { try $0.matches(in: text).map(\.range) }
        }
        do {
            return try alternation.matches(in: text).map(\.range)
        } catch let error as Pattern.BudgetExceeded {
            for pattern in configuration.placeholderPatterns { _ = try pattern.matches(in: text) }
            throw error
        }
    }

    /// Overlapping matches of several patterns (`[TODO]`) count once: the earliest, then the longest.
    static func leftmostLongest(_ ranges: [Range<String.Index>]) -> [Range<String.Index>] {
        let sorted = ranges.sorted { ($0.lowerBound, $1.upperBound) < ($1.lowerBound, $0.upperBound) }
        var result: [Range<String.Index>] = []
        for range in sorted where !(result.last?.overlaps(range) ?? false) {
            result.append(range)
        }
        return result
    }

    /// `Entscheider: ______` is an empty decision field: `missing-signature` reports it, not this rule.
    private func isBlankDecisionField(_ range: Range<String.Index>, in text: String, _ analysis: Analysis) -> Bool {
        // Only a run of underscores can be the blank of a field.
        guard text[range].allSatisfy({ $0 == "_" }) else { return false }
        let lineStart = text[..<range.lowerBound].lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
        let lineEnd = text[range.upperBound...].firstIndex(of: "\n") ?? text.endIndex
        return DecisionField.parse(text[lineStart..<lineEnd], fields: analysis.configuration.decisionFieldKeys)?.isBlank == true
    }
}

/// `Entscheider: Jane Doe` — a labelled field that records a decision.
struct DecisionField {
    let label: String
    let value: String

    /// Empty, or only underscores and dots as in a paper form.
    var isBlank: Bool { value.allSatisfy { $0 == "_" || $0 == "." || $0 == "…" || $0.isWhitespace } }

    /// `fields` lower-cased, as `Configuration.decisionFieldKeys` holds them.
    static func parse<S: StringProtocol>(_ line: S, fields: Set<String>) -> DecisionField? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let label = line[..<colon].trimmedSpaces
        guard label.count <= 40, fields.contains(label.lowercased()) else { return nil }
        return DecisionField(label: String(label), value: String(line[line.index(after: colon)...].trimmedSpaces))
    }
}
