import Foundation

/// Compared with `--base REV`: a deliverable's deadline (or the document's T-0) moved later in a
/// commit made after it had passed. One finding per move, on the deliverable.
public struct DeadlinePostponedRule: ChangeRule {
    public static let description = RuleDescription(
        id: "deadline-postponed", name: "Deadline postponed after it passed", severity: .warning,
        summary: "Compared with --base: a deadline or T-0 moved later in a commit made after it had passed.",
        triggering: [
            Example.change(from: "## Work\n\n- [ ] Rehearse the rollback (bis 2025-12-20)\n",
                           to: "## Work\n\n↓- [ ] Rehearse the rollback (bis 2026-02-20)\n", message: "the deadline of 'Rehearse the rollback (bis 2026-02-20)' moved from 2025-12-20T23:59:59Z to 2026-02-20T23:59:59Z in <commit> by Dave Mallory <dave@payments.example> on 2026-02-25, after it had passed"),
        ],
        nonTriggering: [
            // Moved before it passed.
            Example.change(from: "## Work\n\n- [ ] Rehearse the rollback (bis 2026-03-20)\n",
                           to: "## Work\n\n- [ ] Rehearse the rollback (bis 2026-04-20)\n"),
            // Moved earlier.
            Example.change(from: "## Work\n\n- [ ] Rehearse the rollback (bis 2025-12-20)\n",
                           to: "## Work\n\n- [ ] Rehearse the rollback (bis 2025-12-10)\n"),
        ])

    public init() {}

    public func check(_ change: DocumentChange) -> [RuleFinding] {
        var findings: [RuleFinding] = []
        // Deadlines relative to T-0 follow it: a moved T-0 is one finding, not one per deliverable.
        let launchMove = change.base.launch.flatMap { base in change.current.launch.map { $0.instant.timeIntervalSince(base.instant) } }
        for (index, deliverable) in change.current.deliverables.enumerated() {
            guard let baseIndex = change.continues[index], let now = deliverable.deadline,
                  let before = change.base.deliverables[baseIndex].deadline, now.instant > before.instant else { continue }
            if let launchMove, launchMove > 0, abs(now.instant.timeIntervalSince(before.instant) - launchMove) < 1 { continue }
            let moved = change.lastEvent(on: deliverable.text, [.deadlineChanged, .itemEdited])
                ?? change.events.last { $0.kind == .deadlineChanged && $0.path == change.current.path }
            // Moved after it had passed: by the commit's time (a pending change: now).
            guard (moved?.time ?? Date()) > before.instant else { continue }
            findings.append(RuleFinding(line: deliverable.line, column: 1,
                                        message: "the deadline of '\(deliverable.title.firstLine.capped(80))' moved from \(before.iso8601) to \(now.iso8601) "
                                            + "\(change.attribution(moved)), after it had passed"))
        }
        if let base = change.base.launch, let launch = change.current.launch, launch.instant > base.instant {
            let moved = change.events.last { $0.kind == .deadlineChanged && $0.path == change.current.path }
            if (moved?.time ?? Date()) > base.instant {
                findings.append(RuleFinding(line: launch.line, column: 1,
                                            message: "T-0 moved from \(ISOTime.format(base.instant, in: base.timeZone)) to \(ISOTime.format(launch.instant, in: launch.timeZone)) "
                                                + "\(change.attribution(moved)), after it had passed"))
            }
        }
        return findings
    }
}
