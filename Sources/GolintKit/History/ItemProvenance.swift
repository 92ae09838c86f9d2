import GolintGit

/// Which event last set the state of each item, by version: what blame reports. Observes the
/// event builder while history walks.
final class ItemProvenance: EventObserver {
    struct Origin {
        let event: HistoryEvent
        /// The item was already there at a shallow clone's boundary: its real origin is older.
        var beforeShallowBoundary = false
    }

    private(set) var origins: [ObjectID: [Origin]] = [:]

    func hasSeen(_ version: ObjectID) -> Bool { origins[version] != nil }

    func described(_ diff: SnapshotDiff, old: ObjectID?, new: ObjectID, after: DocumentSnapshot, path: String,
                   commit: CommitInfo, sides: [ObjectID], builder: EventBuilder) throws {
        let previous = old.flatMap { origins[$0] }
        // A merge's item that is as one of its other parents has it came from that branch.
        let sideDiffs = try sides.map { side in
            (origins: origins[side] ?? [], diff: SnapshotDiff(old: try builder.store.snapshot(side, path), new: after))
        }
        var result: [Origin] = []
        for (index, item) in after.items.enumerated() {
            if let own = Self.stateChange(of: item, in: diff) {
                let side = sideDiffs.lazy.compactMap { side -> Origin? in
                    guard Self.stateChange(of: item, in: side.diff) == nil, let match = side.diff.matches[index], match < side.origins.count else { return nil }
                    return side.origins[match]
                }.first
                result.append(side ?? Origin(event: builder.attribute(own, path: path, commit: commit)))
            } else if let match = diff.matches[index], let previous, match < previous.count {
                result.append(previous[match])
            } else {
                let added = EventDraft(kind: .itemAdded, item: item.text, line: item.line, before: nil, after: item.source)
                result.append(Origin(event: builder.attribute(added, path: path, commit: commit)))
            }
        }
        origins[new] = result
    }

    /// At a shallow clone's boundary every item is as old as the clone can tell: its origin is
    /// recorded as this commit, marked as reaching no further back.
    func reachedBoundary(_ commit: CommitInfo, selection: CommitSelection, builder: EventBuilder) throws {
        let tree = try selection.repository.tree(commit.treeID)
        let files = try tree.files { selection.isDocument($0) }
        for file in files where origins[file.id] == nil && (file.kind == .file || file.kind == .executable) {
            guard try !builder.store.isTooLarge(file.id) else { continue }
            origins[file.id] = try builder.store.snapshot(file.id, file.path).items.map { item in
                let seen = EventDraft(kind: .itemAdded, item: item.text, line: item.line, before: nil, after: item.source)
                return Origin(event: builder.attribute(seen, path: file.path, commit: commit), beforeShallowBoundary: true)
            }
        }
    }

    /// The event of `diff` that set an item's state (added, checked, signed, …), if any.
    private static func stateChange(of item: DocumentSnapshot.Item, in diff: SnapshotDiff) -> EventDraft? {
        let stateKinds: Set<HistoryEvent.Kind> = [.itemAdded, .checked, .unchecked, .cancelled, .signed, .signatureRemoved]
        return diff.events.last { stateKinds.contains($0.kind) && $0.line == item.line && $0.item == item.text }
    }
}
