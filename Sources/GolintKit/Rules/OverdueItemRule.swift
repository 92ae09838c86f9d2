import Foundation

/// An open deliverable whose deadline has passed. An open approval after its deadline is
/// `missing-signature`'s: one problem, one finding.
public struct OverdueItemRule: DocumentRule {
    public static let description = RuleDescription(
        id: "overdue-item", name: "Overdue item", severity: .error,
        summary: "An open deliverable (task item, status-table row, glyph line) whose deadline has passed at the evaluation time.",
        triggering: [
            Example("# Plan\n\n**Deadline:** 2026-03-05\n\n↓- [ ] Rollback geprobt\n", message: "'Rollback geprobt' is not done and its deadline 2026-03-05T23:59:59Z (document deadline on line 3) has passed"),
            Example("## Infra\n\n↓- [ ] Retro ansetzen (bis 2026-03-05)\n"),
            Example("### T-24h: 2026-03-05 10:00 CET\n\n↓- [ ] Rollback getestet\n", now: "2026-03-05T10:01:00+01:00"),
            Example("Frist: 03.03.2026\n\n↓- [ ] Secrets rotiert\n"),
            Example("# Plan\n\nStand: 2026-03-01 (Europe/Berlin)\n\n## Go (5. März 2026)\n\n↓- [ ] Go\n"),
            Example("Due: Mar 5, 2026\n\n↓- [ ] outer\n  ↓- [ ] nested items count too\n    - [x] done\n"),
            Example("Deadline: 2026-07-01 10:00 CET\n\n↓- [ ] CET is +01:00 even in summer\n", now: "2026-07-01T09:30:00Z"),
            Example("| Task | Owner | Due | Status |\n|---|---|---|---|\n| ↓Cut release | Dana | 2026-03-05 | 🔵 Not Started |\n"),
            Example("Stand: 2026-03-01\n\n| Day | Phase | Owner | Status |\n|---|---|---|---|\n| Mar 1–2 | ↓Decision Matrix | DevOps-Lead | In Progress |\n",
                    now: "2026-03-03T00:00:01+00:00"),
            Example("Frist: 05.03.2026\n\n| ✓ | Schritt |\n|---|---|\n| ⬜ | ↓DNS umstellen |\n| ✅ | Backup geprüft |\n"),
            Example("| Schritt | Wann | Status |\n|---|---|---|\n| ↓Hypercare | T+2h | offen |\n", now: "2026-03-06T12:01:00+01:00",
                    configuration: "anchor: 2026-03-06T10:00+01:00\n"),
            Example("**Deadline:** 2026-03-05\n\n↓☐ Go-Live freigegeben\n- ↓⬜ Support informiert\n"),
            Example("### T-0 (2026-03-06 10:00 CET)\n\n### T+1h\n\n↓- [ ] Smoke tests\n", now: "2026-03-06T11:01:00+01:00"),
            Example("**Go-Live:** 2026-02-01 00:00 UTC\n\n## T-24h\n\n↓- [ ] Freeze\n\n## Tag 2\n\n- [ ] Review\n", now: "2026-01-31T00:00:01Z"),
            Example("Stand: 2026-03-01\n\n↓- [ ] Runbook (bis 4. März)\n"),
            Example("## Cutover (Mar 5, 2026 10:00 PM PST)\n\n↓- [ ] Switch DNS\n", now: "2026-03-06T06:01:00Z"),
            Example("## Review (KW 9/2026)\n\n↓- [ ] Retro\n", now: "2026-03-02T00:00:00Z"),
            Example("**Go-Live**: 2026-05-01 09:00 UTC\n\n## Prep\n\n**Deadline**: Prior to T-48h\n\n↓- [ ] Freeze\n", now: "2026-04-29T09:01:00Z"),
            Example("Go-Live: 2026-05-01 10:00 UTC\n\n## Prep (T-6 to T-2 days)\n\n↓- [ ] Comms\n", now: "2026-04-29T10:01:00Z"),
            Example("**Launch Date:** 2026-05-01\n\n### T-7 Days\n\n↓- [ ] Send the invites\n", now: "2026-04-25T00:00:01Z"),
            Example("**Lanzamiento:** 1 de mayo de 2026\n\n## Preparación\n\n↓- [ ] Revisar el plan (T-0, no date of its own)\n",
                    now: "2026-05-02T00:00:01Z"),
            Example("Release Date: January 2026\n\n↓- [ ] Changelog\n", now: "2026-02-01T00:00:01Z"),
            Example("Stand: 2026-05-01\n\n↓- [ ] **4. May:** Send the invites\n", now: "2026-05-05T00:00:01Z"),
            Example("Stand: 2026-05-01\n\n↓- [ ] 2026-05-04 – Send the invites\n", now: "2026-05-05T00:00:01Z"),
            Example("Stand: 2026-05-01\n\n**By May 7**:\n\n1. ↓☐ Ship the notes\n", now: "2026-05-08T00:00:01Z"),
            Example("| Day | Date | Task | Status |\n|---|---|---|---|\n| 1 | 2026-05-04 | ↓Freeze | open |\n", now: "2026-05-05T00:00:01Z"),
            Example("**Go-Live:** 2026-05-01 09:00 UTC\n\n### Warm-up (10:00–11:00)\n\n↓- [ ] Caches\n", now: "2026-05-01T11:01:00Z"),
            Example("**Go-Live:** 2026-07-01 10:00 CET\n\n**Deadline:** 2026-07-01 09:00\n\n↓- [ ] CET on the anchor: Berlin time, summer too\n",
                    now: "2026-07-01T07:01:00Z"),
            Example("Frist: 05/03/26\n\n↓- [ ] dd/mm/yy\n", configuration: "date-order: dmy\n"),
            Example("期限: 2026年3月5日\n\n↓- [ ] リリースノート\n"),
            Example("Échéance : 5 mars 2026\n\n↓- [ ] Notes de version\n"),
            Example("Scadenza: 5 marzo 2026\n\n↓- [ ] Note di rilascio\n"),
            Example("Prazo: 5 de março de 2026\n\n↓- [ ] Notas de versão\n"),
            Example("Due: Q4 2025\n\n↓- [ ] Migration\n"),
            Example("# Plan\n\n**Deadline:** 2026-03-05\n\n## Decision Criteria\n\n↓- [ ] Error rate below 1 %\n↓- [ ] Load test passed\n"),
        ],
        nonTriggering: [
            Example("# Plan\n\n**Deadline:** 2026-03-05\n\n- [x] Rollback geprobt\n"),
            Example("# Plan\n\n**Deadline:** 2026-03-05\n\n- [ ] Security-Freigabe eingeholt (an open approval is missing-signature's)\n"),
            Example("**Deadline:** 2026-03-05\n\n## Sign-off\n\n- [ ] Product\n"),
            Example("**Deadline:** 2026-03-05 EOD\n\n- [ ] not yet: EOD is the end of the day\n", now: "2026-03-05T23:00:00+00:00"),
            Example("Stand: 2026-03-01\n\n- [ ] a status line is not a deadline\n"),
            Example("**Deadline:** 2026-03-10\n\n- [ ] the item's own date wins (bis 2026-03-09)\n"),
            Example("```markdown\nDeadline: 2026-03-01\n- [ ] in a fence: a template, not an item\n```\n"),
            Example("- [ ] `rc-2026-03-01` ist ein Name, keine Frist\n"),
            Example("### T-24h: 2026-03-05 10:00 CET\n\n- [ ] Rollback getestet\n", now: "2026-03-05T09:59:00+01:00"),
            Example("Deadline: 2026-07-01 10:00\n\n- [ ] Europe/Berlin is +02:00 in summer\n", now: "2026-07-01T08:00:00Z",
                    configuration: "timezone: Europe/Berlin\n"),
            Example("| Task | Owner | Due |\n|---|---|---|\n| A table without a status column | Dana | 2026-03-01 |\n"),
            Example("| Task | Due | Status |\n|---|---|---|\n| Cut release | 2026-03-01 | ✅ Done |\n| Dry run | 2026-03-01 | N/A |\n"),
            Example("| Day | Task | Status |\n|---|---|---|\n| Monday | A weekday is no date | open |\n"),
            Example("**Deadline:** 2026-03-01\n\n- [ ] ~~Obsolete step~~\n- [ ] Load test (N/A)\n- [ ] Pen test – entfällt\n\n☑ Done by glyph\n"),
            Example("## Blockers (updated 2025-10-19)\n\n- [ ] A stamp is not a deadline\n"),
            Example("# Deployment Checklist - January 8, 2026\n\n## Post-Launch\n\n- [ ] Watch dashboards\n\n## Rollback (if needed)\n\n- [ ] Restore\n",
                    now: "2026-01-09T12:00:00Z"),
            Example("### T-0 (2026-03-06 10:00 CET)\n\n### T+1h\n\n- [ ] Smoke tests\n", now: "2026-03-06T10:59:00+01:00"),
            Example("## Cutover (Mar 5, 2026 10:00 PM PST)\n\n- [ ] 10 PM in California is 06:00 UTC\n", now: "2026-03-06T05:59:00Z"),
            Example("**Go-Live:** 2026-05-01 09:00 UTC\n\n## T-4h\n\n- [ ] If NO-GO: abort the launch\n\n## Rollback (if needed)\n\n- [ ] Restore\n\n## For NO-GO\n\n- [ ] Tell the customers\n",
                    now: "2026-05-02T00:00:00Z"),
            Example("**Launch Date:** 2026-05-01\n\n## Post-Launch\n\n- [ ] Watch dashboards\n", now: "2026-05-03T00:00:00Z"),
            Example("**Launch-Datum:** 16. Februar 2026\n\n## Woche 2\n\n- [ ] **17. Feb:** Demos\n\n## Woche 3\n\n- [ ] Feedback sammeln (after the launch: not due at T-0)\n",
                    now: "2026-02-17T12:00:00Z"),
            Example("| Task | Start | Status |\n|---|---|---|\n| Freeze | 2026-03-01 | open |\n"),
            Example("Release Date: January 2026\n\n- [ ] the end of January has not passed\n", now: "2026-01-31T23:00:00Z"),
            Example("# Plan\n\n**Deadline:** 2026-03-05\n\n## Decision\n\n- [x] GO\n- [ ] NO-GO (an option not chosen, not a deliverable)\n"),
            Example("# Plan\n\n**Deadline:** 2026-03-05\n\n## Cutover\n\nIf the database migration fails:\n- [ ] Restore the snapshot\n- [ ] Page the DBA\n"),
        ],
        marksOverdue: true)

    public init() {}

    public func check(_ plan: Plan, in context: LintContext) throws -> [RuleFinding] {
        // Items of a section share its deadline: what the message says of it is written once for
        // all of them.
        var written: (deadline: Deadline, text: String, clause: String)?
        return plan.deliverables.compactMap { deliverable in
            guard deliverable.isOpen, !deliverable.isApproval, let deadline = deliverable.deadline, deadline.hasPassed(at: context.now) else { return nil }
            if written?.deadline != deadline {
                let text = deadline.iso8601
                written = (deadline, text, "' is not done and its deadline \(text) (\(deadline.source)) has passed")
            }
            let (_, text, clause) = written!, title = deliverable.title
            var message = "'"
            message.reserveCapacity(1 + title.utf8.count + clause.utf8.count)
            message += title
            message += clause
            return RuleFinding(line: deliverable.line, column: deliverable.column, message: message,
                               excerpt: title, deadline: deadline, deadlineText: text, owner: deliverable.owner)
        }
    }
}
