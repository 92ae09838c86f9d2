import Foundation

/// Compared with `--base REV`: an open deliverable deleted instead of done or cancelled. Reported
/// on the heading of the section it was in (line 1 when that is gone too).
public struct DeliverableRemovedRule: ChangeRule {
    public static let description = RuleDescription(
        id: "deliverable-removed", name: "Deliverable removed", severity: .warning,
        summary: "Compared with --base: an open deliverable deleted instead of done or cancelled.",
        triggering: [
            Example.change(from: "## Work\n\n- [ ] Rehearse the rollback\n- [ ] Brief the support desk\n",
                           to: "↓## Work\n\n- [ ] Rehearse the rollback\n", message: "open deliverable 'Brief the support desk' was removed in <commit> by Dave Mallory <dave@payments.example> on 2026-02-25, not done or cancelled"),
        ],
        nonTriggering: [
            // Done, then tidied away; cancelled stays.
            Example.change(from: "## Work\n\n- [ ] Rehearse the rollback\n- [ ] Brief the support desk\n",
                           to: "## Work\n\n- [ ] Rehearse the rollback\n- [x] ~~Brief the support desk~~ (entfällt)\n"),
            Example.change(from: "## Work\n\n- [ ] Rehearse the rollback\n- [x] Brief the support desk\n",
                           to: "## Work\n\n- [ ] Rehearse the rollback\n"),
        ])

    public init() {}

    public func check(_ change: DocumentChange) -> [RuleFinding] {
        let continued = Set(change.continues.compactMap { $0 })
        return change.base.deliverables.enumerated().compactMap { index, deliverable in
            guard deliverable.isOpen, !continued.contains(index) else { return nil }
            let section = change.base.document.sections[deliverable.section].heading?.text
            let line = section.flatMap { name in change.current.document.sections.first { $0.heading?.text == name }?.heading?.line } ?? 1
            let removed = change.lastEvent(on: deliverable.text, [.itemRemoved])
            return RuleFinding(line: line, column: 1,
                               message: "open deliverable '\(deliverable.title.firstLine.capped(80))' was removed \(change.attribution(removed)), not done or cancelled")
        }
    }
}
