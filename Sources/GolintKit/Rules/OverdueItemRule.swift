import Foundation

/// An unchecked task item whose deadline has passed.
public struct OverdueItemRule: Rule {
    public static let description = RuleDescription(
        id: "overdue-item", name: "Overdue item", severity: .error,
        summary: "An unchecked task item (`- [ ]`) whose deadline has passed at the evaluation time.",
        triggering: [
            Example("# Plan\n\n**Deadline:** 2026-03-05\n\n↓- [ ] Freigabe eingeholt\n"),
            Example("## Infra\n\n↓- [ ] Retro ansetzen (bis 2026-03-05)\n"),
            Example("### T-24h: 2026-03-05 10:00 CET\n\n↓- [ ] Rollback getestet\n", now: "2026-03-05T10:01:00+01:00"),
            Example("Frist: 03.03.2026\n\n↓- [ ] Secrets rotiert\n"),
            Example("# Plan\n\nStand: 2026-03-01 (Europe/Berlin)\n\n## Go (5. März 2026)\n\n↓- [ ] Go\n"),
            Example("Due: Mar 5, 2026\n\n↓- [ ] outer\n  ↓- [ ] nested items count too\n    - [x] done\n"),
            Example("Deadline: 2026-07-01 10:00 CET\n\n↓- [ ] CET is +01:00 even in summer\n", now: "2026-07-01T09:30:00Z"),
        ],
        nonTriggering: [
            Example("# Plan\n\n**Deadline:** 2026-03-05\n\n- [x] Freigabe eingeholt\n"),
            Example("**Deadline:** 2026-03-05 EOD\n\n- [ ] not yet: EOD is the end of the day\n", now: "2026-03-05T23:00:00+00:00"),
            Example("Stand: 2026-03-01\n\n- [ ] a status line is not a deadline\n"),
            Example("**Deadline:** 2026-03-10\n\n- [ ] the item's own date wins (bis 2026-03-09)\n"),
            Example("```markdown\nDeadline: 2026-03-01\n- [ ] in a fence: a template, not an item\n```\n"),
            Example("- [ ] `rc-2026-03-01` ist ein Name, keine Frist\n"),
            Example("### T-24h: 2026-03-05 10:00 CET\n\n- [ ] Rollback getestet\n", now: "2026-03-05T09:59:00+01:00"),
            Example("Deadline: 2026-07-01 10:00\n\n- [ ] Europe/Berlin is +02:00 in summer\n", now: "2026-07-01T08:00:00Z",
                    configuration: "timezone: Europe/Berlin\n"),
        ])

    public init() {}

    public func check(_ plan: Plan, now: Date) throws -> [RuleFinding] {
        plan.deliverables.compactMap { deliverable in
            guard deliverable.isOpen, let deadline = deliverable.deadline, deadline.hasPassed(at: now) else { return nil }
            return RuleFinding(line: deliverable.line, column: deliverable.column,
                               message: "'\(deliverable.title)' is not done and its deadline \(deadline.iso8601) (\(deadline.source)) has passed",
                               excerpt: deliverable.title, deadline: deadline, owner: deliverable.owner)
        }
    }
}

extension String {
    /// The first line, for messages about multi-line text.
    var firstLine: String { split(separator: "\n", maxSplits: 1).first.map(String.init) ?? self }
}
