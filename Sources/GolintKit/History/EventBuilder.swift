import GolintGit

/// Sees every version the event builder describes (blame records provenance so).
protocol EventObserver: AnyObject {
    /// `diff` goes from `old` (nil for a new document) to `new`; `sides` are the versions of a
    /// merge's other parents that the observer has seen.
    func described(_ diff: SnapshotDiff, old: ObjectID?, new: ObjectID, after: DocumentSnapshot, path: String,
                   commit: CommitInfo, sides: [ObjectID], builder: EventBuilder) throws
    func hasSeen(_ version: ObjectID) -> Bool
    /// A shallow clone's history ends at `commit`: its parents are not there.
    func reachedBoundary(_ commit: CommitInfo, selection: CommitSelection, builder: EventBuilder) throws
}

extension EventObserver {
    func reachedBoundary(_ commit: CommitInfo, selection: CommitSelection, builder: EventBuilder) throws {}
}

/// Turns one commit's document changes into events, attributed to the commit.
///
/// A merge reports only what it changed relative to every parent (what a conflict resolution or an
/// "evil merge" did); changes that arrived from a branch are reported once, at the branch commit
/// that made them.
final class EventBuilder {
    let store: VersionStore
    weak var observer: EventObserver?
    /// On a first-parent walk the branch's commits are not walked: a merge reports everything it
    /// changed against its first parent.
    var mergesBringTheirBranch = false
    private let attribution: EventAttribution
    private var repository: Repository { store.repository }
    /// Open deliverables of each version described since the last record.
    private var openWork: [CommitRecord.OpenWork] = []

    init(store: VersionStore, attribution: EventAttribution) {
        self.store = store
        self.attribution = attribution
    }

    /// The commit's events and the open work of each version it made.
    func record(of step: CommitSelection.Step) throws -> CommitRecord {
        try record(step) { try events(of: step) }
    }

    /// The record of a commit that changes many documents, made a stretch of `size` changes at a
    /// time, each stretch's versions read by `prepare` first: memory follows the stretch, not the
    /// commit. The events are those of `record(of:)`, in the same order.
    func record(of step: CommitSelection.Step, inStretchesOf size: Int, prepare: ([FileChange]) throws -> Void) throws -> CommitRecord {
        precondition(!isMergeComparedWithEveryParent(step.commit))
        return try record(step) {
            var events: [HistoryEvent] = []
            for start in stride(from: 0, to: step.changes.count, by: size) {
                let stretch = Array(step.changes[start..<min(start + size, step.changes.count)])
                try prepare(stretch)
                for change in stretch { events += try self.events(for: change, in: step.commit) }
            }
            return events
        }
    }

    /// The record of `step` with the events `describe` makes, and the open work they saw.
    private func record(_ step: CommitSelection.Step, _ describe: () throws -> [HistoryEvent]) throws -> CommitRecord {
        openWork.removeAll()
        let events = try describe()
        return CommitRecord(commit: step.commit.id, committerTime: step.commit.committer.time, events: events, openWork: openWork)
    }

    /// A merge whose changes are judged against every parent, not described change by change.
    func isMergeComparedWithEveryParent(_ commit: CommitInfo) -> Bool {
        commit.parents.count > 1 && !mergesBringTheirBranch
    }

    func events(of step: CommitSelection.Step) throws -> [HistoryEvent] {
        let commit = step.commit
        var changes = step.changes
        guard isMergeComparedWithEveryParent(commit) else {
            return try changes.flatMap { try events(for: $0, in: commit) }
        }
        let otherTrees = try commit.parents.dropFirst().map { try repository.tree(repository.commit($0).treeID) }
        // A document identical to another parent's came from that branch as it was.
        changes.removeAll { change in
            guard let path = change.newPath, let id = change.newID else { return false }
            return otherTrees.contains { $0.entry(at: path)?.id == id }
        }
        var result: [HistoryEvent] = []
        for change in changes {
            let fromFirst = try events(for: change, in: commit, sides: otherTrees)
            guard let path = change.newPath, let newID = change.newID else { result += fromFirst; continue }
            var kept = fromFirst
            for other in otherTrees {
                guard let entry = other.entry(at: path) else { continue }
                let relative = SnapshotDiff(old: try store.snapshot(entry.id, path), new: try store.snapshot(newID, path)).events
                kept.removeAll { event in
                    !relative.contains { $0.kind == event.kind && $0.item == event.item && $0.after == event.after }
                }
            }
            result += kept
        }
        return result
    }

    /// `sides` are a merge's other parents: blame credits what came from them to their commits.
    func events(for change: FileChange, in commit: CommitInfo, sides: [Tree] = []) throws -> [HistoryEvent] {
        var drafts: [EventDraft] = []
        let path = change.newPath ?? change.oldPath ?? ""
        switch change.status {
        case .added:
            drafts.append(EventDraft(kind: .documentAdded, item: nil, line: nil, before: nil, after: path))
            drafts += try describe(old: nil, oldPath: nil, new: change.newID!, newPath: path, commit: commit, sides: sides)
        case .deleted:
            drafts.append(EventDraft(kind: .documentRemoved, item: nil, line: nil, before: path, after: nil))
        case .renamed:
            drafts.append(EventDraft(kind: .documentRenamed, item: nil, line: nil, before: change.oldPath, after: path))
            drafts += try describe(old: change.oldID, oldPath: change.oldPath, new: change.newID!, newPath: path, commit: commit, sides: sides)
        case .modified:
            drafts += try describe(old: change.oldID, oldPath: path, new: change.newID!, newPath: path, commit: commit, sides: sides)
        }
        return drafts.map { attribute($0, path: path, commit: commit) }
    }

    private func describe(old: ObjectID?, oldPath: String?, new: ObjectID, newPath: String, commit: CommitInfo,
                          sides: [Tree]) throws -> [EventDraft] {
        // A version over the size limit is not parsed: only document-level events are reported for it.
        for id in [old, new].compactMap({ $0 }) where try store.isTooLarge(id) { return [] }
        let before = try old.map { try store.snapshot($0, oldPath ?? newPath) }
        let after = try store.snapshot(new, newPath, parent: before)
        let diff = SnapshotDiff(old: before, new: after)
        openWork.append(CommitRecord.OpenWork(path: newPath, open: after.items.count { $0.state == .open }))
        if let observer {
            let seenSides = sides.compactMap { $0.entry(at: newPath)?.id }.filter { observer.hasSeen($0) }
            try observer.described(diff, old: old, new: new, after: after, path: newPath, commit: commit, sides: seenSides, builder: self)
        }
        return diff.events
    }

    func attribute(_ draft: EventDraft, path: String, commit: CommitInfo) -> HistoryEvent {
        attribution.event(draft, path: path, commit: commit)
    }
}
