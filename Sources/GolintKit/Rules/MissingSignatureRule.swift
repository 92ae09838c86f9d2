import Foundation

/// A sign-off that is not signed.
public struct MissingSignatureRule: Rule {
    public static let description = RuleDescription(
        id: "missing-signature", name: "Missing signature", severity: .error,
        summary: "A checked approval without signer and date, an empty decision field, or an approval still unchecked after its deadline.",
        triggering: [
            Example("## Freigabe\n\n- [x] Security — Carol Weiss, 2026-02-27\n↓- [x] DevOps\n"),
            Example("## Approval\n\n↓Go / No-Go:\n"),
            Example("## Abnahme\n\n↓Entscheider: ______\n"),
            Example("# Plan\n\n**Deadline:** 2026-03-05\n\n## Sign-off\n\n↓- [ ] Product\n"),
            Example("## Sign-off\n\n### Leads\n\n↓- [x] SRE: ok\n"),
        ],
        nonTriggering: [
            Example("## Freigabe\n\n- [x] Security — Carol Weiss, 2026-02-27\n- [x] DevOps: Bob Stone, 27.02.2026\n"),
            Example("## Approval\n\nGo / No-Go: Go\nEntscheider: Dana Ruiz\nZeitpunkt: 2026-03-06 09:00 CET\n"),
            Example("## Tasks\n\n- [x] Deploy script merged\n"),
            Example("## Freigabevorlage\n\n```markdown\n- [x] Product\nGo / No-Go: ______\n```\n"),
            Example("# Plan\n\n**Deadline:** 2026-03-07\n\n## Sign-off\n\n- [ ] Product\n"),
        ])

    public init() {}

    public func check(_ analysis: Analysis, now: Date) throws -> [RuleFinding] {
        let document = analysis.document
        var findings: [RuleFinding] = []
        for (index, item) in document.items.enumerated() where analysis.approvalSections.contains(item.section) {
            let text = item.text.firstLine
            if item.checked {
                let signed = try analysis.configuration.signature?.contains(item.text) ?? true
                if !signed {
                    findings.append(RuleFinding(line: item.line, column: item.column,
                                                message: "approval '\(text)' is checked but has no signer and date", excerpt: text))
                }
            } else if let deadline = analysis.itemDeadlines[index], deadline.hasPassed(at: now) {
                findings.append(RuleFinding(line: item.line, column: item.column,
                                            message: "approval '\(text)' is still not given and its deadline \(deadline.iso8601) has passed",
                                            excerpt: text, deadline: deadline))
            }
        }
        let fields = analysis.configuration.decisionFieldKeys
        for block in document.blocks where block.kind == .paragraph && block.text.containsASCII(":") {
            block.text.forEachLine { line, offset in
                guard let field = DecisionField.parse(line, fields: fields), field.isBlank else { return }
                let lineNumber = block.line + offset
                let sourceLine = document.source.line(lineNumber)
                let indent = sourceLine.prefix { $0 == " " || $0 == "\t" || $0 == ">" }.unicodeScalars.count
                findings.append(RuleFinding(line: lineNumber, column: indent + 1,
                                            message: "decision field '\(field.label)' is empty", excerpt: String(line)))
            }
        }
        return findings
    }
}
