import Foundation

/// A sign-off that is not signed. Owns every problem of an approval: given without signer and
/// date, still open after its deadline (`overdue-item` leaves those alone), a blank sign-off line
/// or signature-table row (`placeholder` leaves its blanks alone), and empty decision fields.
public struct MissingSignatureRule: DocumentRule {
    public static let description = RuleDescription(
        id: "missing-signature", name: "Missing signature", severity: .error,
        summary: "An approval given without signer and date, an approval still open after its deadline, a blank sign-off line or signature-table row, or an empty decision field.",
        triggering: [
            Example("## Freigabe\n\n- [x] Security — Carol Weiss, 2026-02-27\n↓- [x] DevOps\n", message: "approval 'DevOps' is given but names no signer and date"),
            Example("## Approval\n\n↓Go / No-Go:\n"),
            Example("## Abnahme\n\n↓Entscheider: ______\n"),
            Example("# Plan\n\n**Deadline:** 2026-03-05\n\n## Sign-off\n\n↓- [ ] Product\n"),
            Example("## Sign-off\n\n### Leads sign-off\n\n↓- [x] SRE: ok\n"),
            Example("## Tasks\n\n↓- [x] Security-Freigabe eingeholt\n↓- [x] Sign-off by Legal\n"),
            Example("**Deadline:** 2026-03-05\n\n## Checks\n\n↓- [ ] Legal approval\n"),
            Example("## Aprobación\n\n↓- [x] Seguridad\n"),
            Example("## Sign-off\n\n↓- Product:\n↓- Medical Lead: ______\n↓- Legal: Jana Krüger\n- Security: Carol Weiss, 2026-02-27\n"),
            Example("## Unterschriften / Freigabe\n\n| Rolle | Name | Unterschrift | Datum |\n|---|---|---|---|\n| ↓Legal | | | |\n| ↓Security | Carol Weiss | | |\n| Betrieb | Dana Ruiz | DR | 2026-03-04 |\n"),
            Example("↓**Decision**: [ ] GO [ ] NO-GO\n\n↓Entscheidung: ☐ GO ☐ NO-GO\n\n↓Go / No-Go: GO / NO-GO\n\n↓Décision : ☐ Oui ☐ Non\n"),
            Example("## 5) Aprobaciones\n\n↓- Producto:\n↓- Tecnología:\n"),
            Example("## Release\n\n- Signatures:\n  ↓- Delivery Manager:\n  ↓- SRE Lead:\n"),
            Example("## Sign-off\n\n| Approver | Role | Signature | Date |\n|---|---|---|---|\n| - | ↓Tech Lead | ⬜ | - |\n"),
            Example("↓**Owner Decision**: GO / NO-GO\n"),
            Example("↓Entscheidungsstatus: `Go` | `No-Go` | `Go mit Auflagen`\n"),
            Example("↓**Consensus Decision:** ☐ GO LIVE / ☐ NO-GO / ☐ DELAY\n"),
            Example("## Decision\n\n↓[ ] **APPROVED** for release\n\n[ ] **CONDITIONAL** - Requires:\n    ____\n\n[ ] **REJECTED**\n"),
            Example("## Go-Live-Entscheidung\n\nBitte ankreuzen:\n\n↓- [ ] GO\n- [ ] NO-GO\n"),
        ],
        nonTriggering: [
            Example("## Release Sign-off\n\n- [ ] All tests green (a check, not an approval)\n", now: "2026-01-01T00:00:00Z"),
            Example("## Approval\n\n- Date:\n- Owner:\n- Notes:\n- Link:\n"),
            Example("## Final Sign-off\n\n**Sign-off**:\n- Platform Lead: Jana Krüger, 2026-03-01\n\n**Next Steps**:\n- [x] Conduct the retrospective\n"),
            Example("Decision Date: ____\n"),
            Example("**Go/No-Go Decision:**\n\n- [x] Business Owner: GO — Jana Krüger, 2026-03-01\n"),
            Example("## Freigabe\n\n- [x] Security — Carol Weiss, 2026-02-27\n- [x] DevOps: Bob Stone, 27.02.2026\n"),
            Example("## Approval\n\nGo / No-Go: Go\nEntscheider: Dana Ruiz\nZeitpunkt: 2026-03-06 09:00 CET\n"),
            Example("## Sign-off\n\nHinweis: bitte vor dem Termin unterschreiben\n\n- Product: Jana Krüger, 2026-04-09\n"),
            Example("## Notes\n\n- Product:\n\n| Role | Name | Date |\n|---|---|---|\n| Legal | | |\n"),
            Example("Decision: [x] GO [x] NO-GO\n\n(two options chosen is unclear, but not empty)\n"),
            Example("Decision: [x] GO [ ] NO-GO\n\nEntscheidung: ☐ GO ☑ NO-GO\n\nDecisión: Aplazar / esperar al lunes\n"),
            Example("## Tasks\n\n- [x] Deploy script merged\n"),
            Example("## Freigabevorlage\n\n```markdown\n- [x] Product\nGo / No-Go: ______\n```\n"),
            Example("# Plan\n\n**Deadline:** 2026-03-07\n\n## Sign-off\n\n- [ ] Product\n"),
            Example("## Pre-Deployment Sign-Off\n\n### Performance Validation\n\n- [x] p99 under 300 ms\n"),
            Example("# Security & Freigabe\n\n- [x] Deploy script merged\n"),
            Example("## Tasks\n\n- [x] Freigabevorlage verteilt\n- [x] Load test signed off\n- [x] Stakeholder approval forms sent\n- [x] All sign-offs collected\n"),
            Example("## Final Decision\n\n- [ ] GO\n- [x] NO-GO\n\nDecided by: Jana Krüger\n"),
            Example("## Decision Criteria\n\n- [ ] Error rate below 1 %\n- [ ] GO from the business owner\n"),
        ],
        marksOverdue: true)

    public init() {}

    public func check(_ plan: Plan, in context: LintContext) throws -> [RuleFinding] {
        var findings: [RuleFinding] = []
        for deliverable in plan.deliverables where deliverable.isApproval {
            let text = deliverable.title, role = deliverable.role ?? text
            if deliverable.kind == .signoffLine || deliverable.kind == .signatureRow {
                // A form's blank is a problem whatever the date: it is there to be signed.
                let missing: String? = switch (deliverable.signer, deliverable.signedOn) {
                case (nil, nil): "is blank: no signer and date"
                case (_?, nil): "names its signer but no date"
                case (nil, _?): "names a date but no signer"
                case (_?, _?): nil
                }
                if let missing {
                    findings.append(RuleFinding(line: deliverable.line, column: deliverable.column, message: "approval '\(role)' \(missing)", excerpt: text))
                }
                continue
            }
            if deliverable.state == .done {
                if !deliverable.signed {
                    findings.append(RuleFinding(line: deliverable.line, column: deliverable.column,
                                                message: "approval '\(role)' is given but names no signer and date", excerpt: text))
                }
            } else if deliverable.isOpen, let deadline = deliverable.deadline, deadline.hasPassed(at: context.now) {
                let written = deadline.iso8601
                findings.append(RuleFinding(line: deliverable.line, column: deliverable.column,
                                            message: "approval '\(role)' is still not given and its deadline \(written) (\(deadline.source)) has passed",
                                            excerpt: text, deadline: deadline, deadlineText: written, owner: deliverable.owner))
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
