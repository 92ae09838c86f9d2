import Foundation

/// Text left to be filled in: `[Primär-On-Call]`, `TBD`, `Owner: ______`, `2026-03-XX`. Blanks
/// of one field (`__.__.____`) are one finding; a blank on a decision field or sign-off line is
/// `missing-signature`'s, and a role tag leading a deliverable is its owner, not a placeholder.
public struct PlaceholderRule: DocumentRule {
    public static let description = RuleDescription(
        id: "placeholder", name: "Placeholder", severity: .error,
        summary: "An unreplaced placeholder: a bracketed fill-in, TBD/TODO/XXX, a blank fill-in line or list item, or a date, time or version with unknown parts.",
        triggering: [
            Example("## Eskalation\n\n- `↓[Primär-On-Call]`\n- ↓[Status-Kanal] klären\n", message: "placeholder '[Primär-On-Call]' is not replaced"),
            Example("Owner: ↓TBD\n"),
            Example("| Rolle | Name |\n|---|---|\n| SRE | ↓[Name] |\n"),
            Example("Go-Live am ↓2026-03-XX\n"),
            Example("Notizen: ↓______\n"),
            Example("- [ ] ↓TODO: Runbook verlinken\n"),
            Example("- ↓[Backup-On-Call]\n- ↓[Backup-On-Call]\n"),
            Example("```\nOwner: ↓[Name]\n```\n", configuration: "placeholder:\n  in-code-blocks: true\n"),
            Example("On-Call: ↓[Jane]\n", configuration: "placeholder:\n  patterns: ['\\[(?:Jane|John)\\]']\n"),
            Example("| Schritt | Start | Ende |\n|---|---|---|\n| Cutover | ↓[HH:MM] | ↓[HH:MM] |\n"),
            Example("Erfolgsquote: ↓[X%], Call: ↓[Zoom / Google Meet / Teams], Kontakt: ↓[REPLACE: Name]\n"),
            Example("Kanal: ↓[e.g., #launch-war-room], Owner: ↓[name of the on-call]\n"),
            Example("Release v↓X.Y.Z am ↓YYYY-MM-DD um ↓HH:MM, Tag `v↓<release-tag>`, Token ↓REPLACE_ME\n"),
            Example("Deploy v↓<release-tag> to production\n"),
            Example("- ↓______\n1. ↓______\n"),
            Example("| Metric | Before | After |\n|---|---|---|\n| Error rate | ↓___% | ↓___% |\n"),
            Example("Datum: ↓__.__.____\n"),
            Example("Owner: ↓TBC, Termin: ↓KW ??\n", configuration: "placeholder:\n  words: [TBC, KW ??]\n"),
            Example("- Active users: ↓[X]\n- Critical: ↓[X] - Status: ↓[Resolved / In progress]\n"),
            Example("| Field | Value |\n|---|---|\n| **Version** | ↓[1.0] |\n| Build | ↓[#12345] |\n"),
            Example("- ↓[2nd-Level-Kontakt] anrufen\n"),
            Example("**Deadline:** 2026-03-10\n\n- [ ] Security sign-off: ↓____ (before its deadline)\n"),
            Example("Kontakt: ↓[Name] ↓[Telefon]\nZugang: ↓[URL] - ↓[Access method]\nFenster: ↓[MM/DD] [HH:MM] – [HH:MM]\n"),
            Example("- Test method: ↓[Describe how to trigger the alert, e.g., deploy a failing build to staging]\n"),
            Example("| Name | Role | Signature | Date |\n|---|---|---|---|\n| ↓[Name] | ↓[Role] | ↓[Sign] | ↓[Date] |\n"),
            Example("## Decision\n\n- [ ] GO\n- [ ] NO-GO\n\n### If NO-GO\n\n- Reason: ↓____ (no option chosen yet: every blank counts)\n"),
            Example("Decision: [ ] GO [x] NO-GO\n\n**NO-GO reason (if NO-GO):** ↓____ (the option chosen)\n"),
            Example("## Kontakte (bei Bedarf)\n\n- Vendor: ↓[Name] (a heading that ends with a condition is not conditional content)\n"),
        ],
        nonTriggering: [
            Example("- [ ] Business-Freigabe eingeholt\n- [x] Support informiert\n"),
            Example("- [ ] [SRE Lead] [DBA] Restore the backup (leading tags own the item)\n- [Ops Lead] Page the vendor\n"),
            Example("Decision: [X] GO [ ] NO-GO\n"),
            Example("**Deadline:** 2026-03-01\n\n- [ ] Security sign-off: ____ (after its deadline: missing-signature's)\n"),
            Example("Siehe [Status-Seite](https://status.example.com) und [Runbook][rb].\n\n[rb]: https://example.com\n"),
            Example("```markdown\nEntscheider: ______\n[Primär-On-Call]\n```\n"),
            Example("    indented code: [Primär-On-Call]\n"),
            Example("Datum: 2026-03-05, todo-list and xxxl are words\n"),
            Example("Entscheider: ______\n"),
            Example("- [ ] [Release Lead] Cut the release branch\n* [x] [Mobile-Lead] Submit the build\n"),
            Example("---\ntitle: Go-Live [Name]\nowner: TBD\n---\n\n# Plan\n"),
            Example("Decision: [x] GO [ ] NO-GO\n\nSee [OPS-123] and note [^1].\n"),
            Example("Use <br> and <kbd>Ctrl</kbd> as HTML.\n\n---\n\n- item\n"),
            Example("## Decision\n\n- [x] GO\n- [ ] NO-GO\n\n### If NO-GO\n\n- Reason: ____\n\n### Conditions (if Conditional GO)\n\n- Condition: [Name]\n"),
            Example("Decision: [x] GO [ ] NO-GO\n\n**NO-GO reason:** ____\n"),
            Example("## Rollback\n\nIf rollback is needed:\n- Rollback owner: [Name]\n  - Bridge: [Zoom link]\n"),
            Example("## Decision\n\n[ ] **APPROVED**\n\n[x] **CONDITIONAL** - Requires: the load test\n\n[ ] **REJECTED** - Reason:\n    ________________\n"),
            Example("- [ ] If the CDN fails: call [Vendor-Hotline]\n"),
        ])

    public init() {}

    public func check(_ plan: Plan, in context: LintContext) throws -> [RuleFinding] {
        // An open approval after its deadline is `missing-signature`'s, blank and all: one problem, one finding.
        let owned = Set(plan.deliverables.lazy.filter { $0.isApproval && $0.isOpen && $0.deadline?.hasPassed(at: context.now) == true }.map(\.line))
        return plan.placeholders.compactMap {
            owned.contains($0.line) ? nil
                : RuleFinding(line: $0.line, column: $0.column, message: "placeholder '\($0.excerpt)' is not replaced", excerpt: $0.excerpt)
        }
    }
}
