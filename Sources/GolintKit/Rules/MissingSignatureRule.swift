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

    public func check(_ plan: Plan, now: Date) throws -> [RuleFinding] {
        var findings: [RuleFinding] = []
        for deliverable in plan.deliverables where deliverable.isApproval {
            let text = deliverable.title
            if deliverable.state == .done {
                if !deliverable.signed {
                    findings.append(RuleFinding(line: deliverable.line, column: deliverable.column,
                                                message: "approval '\(text)' is checked but has no signer and date", excerpt: text))
                }
            } else if deliverable.isOpen, let deadline = deliverable.deadline, deadline.hasPassed(at: now) {
                findings.append(RuleFinding(line: deliverable.line, column: deliverable.column,
                                            message: "approval '\(text)' is still not given and its deadline \(deadline.iso8601) (\(deadline.source)) has passed",
                                            excerpt: text, deadline: deadline, owner: deliverable.owner))
            }
        }
        for field in plan.decisionFields where field.isBlank {
            findings.append(RuleFinding(line: field.line, column: field.column, message: "decision field '\(field.label)' is empty",
                                        excerpt: field.text))
        }
        return findings
    }
}
