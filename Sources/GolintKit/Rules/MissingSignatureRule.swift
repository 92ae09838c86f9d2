import Foundation

/// A sign-off that is not signed. Owns every problem of an approval: given without signer and
/// date, or still open after its deadline (`overdue-item` leaves those alone), and empty decision
/// fields.
public struct MissingSignatureRule: Rule {
    public static let description = RuleDescription(
        id: "missing-signature", name: "Missing signature", severity: .error,
        summary: "An approval given without signer and date, an approval still open after its deadline, or an empty decision field.",
        triggering: [
            Example("## Freigabe\n\n- [x] Security — Carol Weiss, 2026-02-27\n↓- [x] DevOps\n"),
            Example("## Approval\n\n↓Go / No-Go:\n"),
            Example("## Abnahme\n\n↓Entscheider: ______\n"),
            Example("# Plan\n\n**Deadline:** 2026-03-05\n\n## Sign-off\n\n↓- [ ] Product\n"),
            Example("## Sign-off\n\n### Leads sign-off\n\n↓- [x] SRE: ok\n"),
            Example("## Tasks\n\n↓- [x] Security-Freigabe eingeholt\n↓- [x] Sign-off by Legal\n"),
            Example("**Deadline:** 2026-03-05\n\n## Checks\n\n↓- [ ] Legal approval\n"),
            Example("## Aprobación\n\n↓- [x] Seguridad\n"),
            Example("↓**Decision**: [ ] GO [ ] NO-GO\n\n↓Entscheidung: ☐ GO ☐ NO-GO\n\n↓Go / No-Go: GO / NO-GO\n\n↓Décision : ☐ Oui ☐ Non\n"),
        ],
        nonTriggering: [
            Example("## Freigabe\n\n- [x] Security — Carol Weiss, 2026-02-27\n- [x] DevOps: Bob Stone, 27.02.2026\n"),
            Example("## Approval\n\nGo / No-Go: Go\nEntscheider: Dana Ruiz\nZeitpunkt: 2026-03-06 09:00 CET\n"),
            Example("Decision: [x] GO [ ] NO-GO\n\nEntscheidung: ☐ GO ☑ NO-GO\n\nDecisión: Aplazar / esperar al lunes\n"),
            Example("## Tasks\n\n- [x] Deploy script merged\n"),
            Example("## Freigabevorlage\n\n```markdown\n- [x] Product\nGo / No-Go: ______\n```\n"),
            Example("# Plan\n\n**Deadline:** 2026-03-07\n\n## Sign-off\n\n- [ ] Product\n"),
            Example("## Pre-Deployment Sign-Off\n\n### Performance Validation\n\n- [x] p99 under 300 ms\n"),
            Example("# Security & Freigabe\n\n- [x] Deploy script merged\n"),
            Example("## Tasks\n\n- [x] Freigabevorlage verteilt\n- [x] Load test signed off\n- [x] Stakeholder approval forms sent\n- [x] All sign-offs collected\n"),
        ])

    public init() {}

    public func check(_ plan: Plan, now: Date) throws -> [RuleFinding] {
        var findings: [RuleFinding] = []
        for deliverable in plan.deliverables where deliverable.isApproval {
            let text = deliverable.title, role = deliverable.role ?? text
            if deliverable.state == .done {
                if !deliverable.signed {
                    findings.append(RuleFinding(line: deliverable.line, column: deliverable.column,
                                                message: "approval '\(role)' is given but names no signer and date", excerpt: text))
                }
            } else if deliverable.isOpen, let deadline = deliverable.deadline, deadline.hasPassed(at: now) {
                findings.append(RuleFinding(line: deliverable.line, column: deliverable.column,
                                            message: "approval '\(role)' is still not given and its deadline \(deadline.iso8601) (\(deadline.source)) has passed",
                                            excerpt: text, deadline: deadline, owner: deliverable.owner))
            }
        }
        for field in plan.decisionFields where field.isBlank {
            let message = field.options.isEmpty ? "decision field '\(field.label)' is empty"
                : "decision '\(field.label)' offers \(field.options.joined(separator: " / ")), none chosen"
            findings.append(RuleFinding(line: field.line, column: field.column, message: message, excerpt: field.text))
        }
        return findings
    }
}
