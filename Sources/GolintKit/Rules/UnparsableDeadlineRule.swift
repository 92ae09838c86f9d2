import Foundation

/// A deadline that names a date golint cannot read, or a day that does not exist.
public struct UnparsableDeadlineRule: DocumentRule {
    public static let description = RuleDescription(
        id: "unparsable-deadline", name: "Unparsable deadline", severity: .warning,
        summary: "A date where a deadline belongs that cannot be read or does not exist, a relative time with no T-0 anchor, an offset that contradicts its date, or two anchors in one scope.",
        triggering: [
            Example("**Deadline:** ↓next Tuesday\n\n- [ ] Ship the notes\n", message: "deadline 'next Tuesday' names no date golint can read"),
            Example("Frist: ↓31.04.2026\n\n- [ ] Secrets rotiert\n"),
            Example("- [ ] Retro ansetzen (bis ↓2026-02-30)\n"),
            Example("### T-24h: ↓2026-02-30 10:00 CET\n\n- [ ] Freeze\n"),
            Example("**Launch Date:** 2026-05-01\n\n## ↓T-4h\n\n- [ ] Warm the caches (an hour offset needs the launch's time)\n"),
            Example("## Vorbereitung (↓T-72 bis T-48h)\n\n- [ ] Kommunikation (relative, and no anchor says when T-0 is)\n"),
            Example("## Command 2\n\n**Deadline**: ↓Within 2 hours of Command 1\n\n- [ ] Open the bridge\n"),
            Example("### ↓T+1h\n\n- [ ] Smoke tests\n"),
            Example("### T-0 (2026-03-06 10:00 CET)\n\n### ↓T-24h (2026-03-01)\n\n- [ ] Freeze\n"),
            Example("## Launch\n\nGo-Live: 2026-03-06 10:00 CET\n\n↓Cutover: 2026-03-07 10:00 CET\n"),
            Example("| Task | Due | Status |\n|---|---|---|\n| Cut release | ↓next week | open |\n"),
            Example("- [ ] Runbook (bis ↓4. März)\n"),
        ],
        nonTriggering: [
            Example("**Deadline:** 2026-03-03 EOD\n"),
            Example("**Deadline:** Bis **2026-03-05**\n"),
            Example("Frist: 5. März 2026\nDue: Mar 5, 2026\nDeadline: 5 March 2026 10:00 UTC\n"),
            Example("Stand: irgendwann\nBis morgen!\n"),
            Example("```\nDeadline: next Tuesday\n```\n"),
            Example("### T-0 (2026-03-06 10:00 CET)\n\n### T-24h (2026-03-05 EOD)\n\n- [ ] within a day of its offset\n"),
            Example("Stand: 2026-03-01\n\n- [ ] Runbook (bis 4. März)\n"),
            Example("Datum: 02/05/2026 is no date without date-order\n"),
            Example("**Deadline:** next Tuesday\n\nNo deliverable takes its deadline from the line above.\n"),
            Example("| Task | Date | Status |\n|---|---|---|\n| Cut release | - | open |\n| Notes | n/a | open |\n| Freeze | [Date] | open |\n| Tag | — | open |\n"),
            Example("| Criteria | Target | Status |\n|---|---|---|\n| Uptime | 99.9% | ⬜ |\n| Latency | <500ms | ⬜ |\n"),
            Example("**Go-Live**: 2026-05-01 09:00 UTC\n\n**Deadline**: Prior to T-48h (recommended)\n\n- [ ] Freeze\n"),
            Example("**Go-Live:** 2026-05-01 09:00 UTC\n\n## Prep (T-6 to T-2 days)\n\n- [ ] Comms\n"),
            Example("**Frist:** [Datum]\n\n- [ ] A placeholder is reported once, as a placeholder\n"),
        ])

    public init() {}

    public func check(_ plan: Plan, in context: LintContext) throws -> [RuleFinding] {
        plan.unreadableDeadlines.map {
            RuleFinding(line: $0.line, column: $0.column, message: "deadline '\($0.text)' \($0.reason)", excerpt: $0.text)
        }
    }
}
