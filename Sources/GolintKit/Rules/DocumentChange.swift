import Foundation

/// What a change did to one document, compared with `--base REV`: both versions' plans, which
/// deliverable continues which (history's item identity), and who made each step.
public struct DocumentChange {
    public let base: Plan
    public let current: Plan
    /// For each current deliverable, the base deliverable it continues, or nil when it is new.
    public let continues: [Int?]
    /// The events of the commits between the base and the evaluated version, oldest first.
    public let events: [HistoryEvent]
    /// Who made a step no event names: `in the pending change`, or `since main`.
    let unattributed: String

    init(base: Plan, current: Plan, events: [HistoryEvent], unattributed: String) {
        self.base = base
        self.current = current
        self.events = events
        self.unattributed = unattributed
        continues = ItemMatcher.match(old: base.deliverables.map(\.text), new: current.deliverables.map(\.text))
    }

    /// The last event on an item of these kinds: who removed it, who moved its deadline.
    func lastEvent(on item: String, _ kinds: Set<HistoryEvent.Kind>) -> HistoryEvent? {
        events.last { kinds.contains($0.kind) && $0.item == item }
    }

    /// `in 3f2a91c by Dave Mallory <dave@payments.example> on 2026-03-04`, or who else made it.
    func attribution(_ event: HistoryEvent?) -> String {
        guard let event else { return unattributed }
        return "in \(event.commit.prefix(7)) by \(event.authorName) <\(event.authorEmail)> on \(event.isoTime.prefix(10))"
    }
}
