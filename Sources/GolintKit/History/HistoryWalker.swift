import Foundation
import GolintGit

public struct HistoryOptions: Sendable {
    public var paths: [String] = []
    /// Commits reachable from `since` are left out (as in `git log since..until`).
    public var since: String?
    public var until: String = "HEAD"
    public var configurationFile: String?

    public init() {}
}

public struct HistoryReport: Sendable {
    public let events: [HistoryEvent]
    public let commits: Int
    /// Set when a shallow clone's history ended before the requested range did.
    public let shallowBoundary: [String]
}

/// Walks commits oldest first and turns each commit's document changes into events.
///
/// Each commit is compared with its first parent through a tree-to-tree diff, so commits that
/// touch no document cost one tree comparison. A merge reports only what it changed relative to
/// every parent (what a conflict resolution or an "evil merge" did); changes that arrived from a
/// branch are reported once, at the branch commit that made them.
public final class HistoryWalker {
    let repository: Repository
    let configuration: Configuration
    private let cache = SnapshotCache(capacity: 1024)
    /// Versions read and screened by the workers, waiting to be derived from their parent in order.
    private var pending: [ObjectID: SourceText] = [:]
    /// Commits planned and parsed together: their versions are parsed on all cores, then diffed in order.
    private let chunkSize = 128
    /// Item provenance by blob, kept only for blame.
    var provenance: [ObjectID: [ItemOrigin]]?

    struct ItemOrigin {
        let event: HistoryEvent
        /// The item was already there at a shallow clone's boundary: its real origin is older.
        var beforeShallowBoundary = false
    }

    private let access: RepositoryAccess?

    /// A walker over the repository `access` names, with the configuration as of `configurationRevision`.
    public convenience init(access: RepositoryAccess, configurationRevision: String, configurationFile: String?) throws {
        try self.init(repository: access.open(), configurationRevision: configurationRevision,
                      configurationFile: configurationFile, access: access)
    }

    init(repository: Repository, configurationRevision: String, configurationFile: String?, access: RepositoryAccess? = nil) throws {
        self.repository = repository
        self.access = access
        configuration = try reportingGitErrors {
            try Configuration.load(from: openSource(.revision(configurationRevision), in: repository), explicitFile: configurationFile)
        }
    }

    /// Command-line paths made relative to the working directory.
    public func repositoryPaths(_ paths: [String]) -> [String] {
        access?.repositoryPaths(paths, in: repository) ?? paths
    }

    public func history(_ options: HistoryOptions, progress: ((Int, Int) -> Void)? = nil) throws -> HistoryReport {
        try reportingGitErrors { try walk(options, progress: progress) }
    }

    private func walk(_ options: HistoryOptions, progress: ((Int, Int) -> Void)?) throws -> HistoryReport {
        let tip = try resolve(options.until)
        let hidden = try options.since.map { [try resolve($0).id] } ?? []
        let ids = try repository.commitIDs(from: tip.id, hiding: hidden)
        let boundary = repository.shallowBoundary
        var events: [HistoryEvent] = []
        var reachedBoundary: [String] = []
        var done = 0
        for start in stride(from: 0, to: ids.count, by: chunkSize) {
            let chunk = ids[start..<min(start + chunkSize, ids.count)]
            var planned: [(CommitInfo, Tree, Tree?, [FileChange])] = []
            for id in chunk {
                let commit = try repository.commit(id)
                if boundary.contains(id) {
                    // Its parents are not in this clone: what it changed cannot be known.
                    reachedBoundary.append(id.description)
                    if provenance != nil { try recordBoundaryProvenance(commit, paths: options.paths) }
                    continue
                }
                let tree = try repository.tree(commit.treeID)
                let parentTree = try commit.parents.first.map { try repository.tree(repository.commit($0).treeID) }
                planned.append((commit, tree, parentTree, try documentChanges(from: parentTree, to: tree, paths: options.paths)))
            }
            try prepareInParallel(planned.flatMap { plan in
                plan.3.compactMap { change in change.newID.map { Version(id: $0, path: change.newPath ?? "", parent: change.oldID) } }
            })
            for (commit, tree, parentTree, changes) in planned {
                done += 1
                progress?(done, ids.count)
                events += try self.events(of: commit, tree: tree, parentTree: parentTree, changes: changes)
            }
            // Anything screened but not asked for (a merge's branch-side version) is parsed if needed later.
            pending.removeAll()
        }
        return HistoryReport(events: events, commits: ids.count, shallowBoundary: reachedBoundary)
    }

    struct Version {
        let id: ObjectID
        let path: String
        let parent: ObjectID?
    }

    private enum Prepared {
        case parsed(DocumentSnapshot)
        /// Changed only in plain item lines: derive from the parent's snapshot, in commit order.
        case derivable(SourceText)
    }

    /// Reads the versions a chunk of commits needs on all cores, each worker through its own
    /// repository handle: parses those that need a parse, screens the rest for derivation.
    private func prepareInParallel(_ versions: [Version]) throws {
        var seen = Set<ObjectID>()
        let missing = try versions.filter {
            try !cache.contains($0.id) && seen.insert($0.id).inserted && repository.blobSize($0.id) <= SourceText.maximumBytes
        }
        guard !missing.isEmpty else { return }
        let workers = min(ProcessInfo.processInfo.activeProcessorCount, 8, missing.count)
        let slots = ResultSlots<Result<Prepared, Error>>(count: missing.count)
        let location = repository.location
        let configuration = self.configuration
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            guard let handle = try? Repository(location) else { return }
            for index in stride(from: worker, to: missing.count, by: workers) {
                let version = missing[index]
                slots[index] = Result {
                    let source = SourceText(bytes: try handle.blob(version.id))
                    if let parent = version.parent, try handle.blobSize(parent) <= SourceText.maximumBytes,
                       SnapshotDerivation.isCandidate(old: SourceText(bytes: try handle.blob(parent)), new: source) {
                        return .derivable(source)
                    }
                    return .parsed(try DocumentSnapshot(source: source, path: version.path, configuration: configuration))
                }
            }
        }
        for (index, result) in slots.values.enumerated() {
            // A version a worker could not read is read again on this thread, which reports the error.
            switch result {
            case let .success(.parsed(snapshot))?: cache.insert(snapshot, for: missing[index].id)
            case let .success(.derivable(source))?: pending[missing[index].id] = source
            default: break
            }
        }
    }

    /// The events between two revisions as one step, attributed to the second.
    public func diff(from old: String, to new: String, paths: [String]) throws -> [HistoryEvent] {
        try reportingGitErrors { try events(from: old, to: new, paths: paths) }
    }

    private func events(from old: String, to new: String, paths: [String]) throws -> [HistoryEvent] {
        let before = try resolve(old), after = try resolve(new)
        let changes = try documentChanges(from: repository.tree(before.treeID), to: repository.tree(after.treeID), paths: paths)
        return try changes.flatMap { try events(for: $0, in: after) }
    }

    func events(of commit: CommitInfo, tree: Tree, parentTree: Tree?, changes: [FileChange]) throws -> [HistoryEvent] {
        var changes = changes
        guard commit.parents.count > 1 else {
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
                let relative = SnapshotDiff(old: try snapshot(entry.id, path), new: try snapshot(newID, path)).events
                kept.removeAll { event in
                    !relative.contains { $0.kind == event.kind && $0.item == event.item && $0.after == event.after }
                }
            }
            result += kept
        }
        return result
    }

    /// `sides` are a merge's other parents: blame credits what came from them to their commits.
    private func events(for change: FileChange, in commit: CommitInfo, sides: [Tree] = []) throws -> [HistoryEvent] {
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
        // Versions the workers prepared were checked already; only the others need a header read.
        for id in [old, new].compactMap({ $0 }) where try !isPrepared(id) && repository.blobSize(id) > SourceText.maximumBytes {
            return []
        }
        let before = try old.map { try snapshot($0, oldPath ?? newPath) }
        let after = try snapshot(new, newPath, parent: before)
        let diff = SnapshotDiff(old: before, new: after)
        if provenance != nil {
            let sideVersions = sides.compactMap { $0.entry(at: newPath)?.id }.filter { provenance?[$0] != nil }
            try recordProvenance(diff, old: old, new: new, after: after, newPath: newPath, commit: commit, sides: sideVersions)
        }
        return diff.events
    }

    private func recordProvenance(_ diff: SnapshotDiff, old: ObjectID?, new: ObjectID, after: DocumentSnapshot, newPath: String,
                                  commit: CommitInfo, sides: [ObjectID]) throws {
        let previous = old.flatMap { provenance?[$0] }
        // A merge's item that is as one of its other parents has it came from that branch.
        let sideDiffs = try sides.map { side in (origins: provenance?[side] ?? [], diff: SnapshotDiff(old: try snapshot(side, newPath), new: after)) }
        var origins: [ItemOrigin] = []
        for (index, item) in after.items.enumerated() {
            if let own = Self.stateChange(of: item, in: diff) {
                let side = sideDiffs.lazy.compactMap { side -> ItemOrigin? in
                    guard Self.stateChange(of: item, in: side.diff) == nil, let match = side.diff.matches[index], match < side.origins.count else { return nil }
                    return side.origins[match]
                }.first
                origins.append(side ?? ItemOrigin(event: attribute(own, path: newPath, commit: commit)))
            } else if let match = diff.matches[index], let previous, match < previous.count {
                origins.append(previous[match])
            } else {
                let added = EventDraft(kind: .itemAdded, item: item.text, line: item.line, before: nil, after: item.source)
                origins.append(ItemOrigin(event: attribute(added, path: newPath, commit: commit)))
            }
        }
        provenance?[new] = origins
    }

    /// The event of `diff` that set an item's state (added, checked, signed, …), if any.
    private static func stateChange(of item: DocumentSnapshot.Item, in diff: SnapshotDiff) -> EventDraft? {
        let stateKinds: Set<HistoryEvent.Kind> = [.itemAdded, .checked, .unchecked, .cancelled, .signed, .signatureRemoved]
        return diff.events.last { stateKinds.contains($0.kind) && $0.line == item.line && $0.item == item.text }
    }

    /// At a shallow clone's boundary every item is as old as the clone can tell: its origin is
    /// recorded as this commit, marked as reaching no further back.
    private func recordBoundaryProvenance(_ commit: CommitInfo, paths: [String]) throws {
        let tree = try repository.tree(commit.treeID)
        let files = try tree.files { self.configuration.isDocument($0) && PathFilter.matches($0, paths) }
        for file in files where provenance?[file.id] == nil && (file.kind == .file || file.kind == .executable) {
            guard try repository.blobSize(file.id) <= SourceText.maximumBytes else { continue }
            provenance?[file.id] = try snapshot(file.id, file.path).items.map { item in
                let seen = EventDraft(kind: .itemAdded, item: item.text, line: item.line, before: nil, after: item.source)
                return ItemOrigin(event: attribute(seen, path: file.path, commit: commit), beforeShallowBoundary: true)
            }
        }
    }

    private func isPrepared(_ id: ObjectID) -> Bool { cache.contains(id) || pending[id] != nil }

    func snapshot(_ id: ObjectID, _ path: String, parent: DocumentSnapshot? = nil) throws -> DocumentSnapshot {
        if let source = pending.removeValue(forKey: id) {
            let snapshot = try parent.flatMap { SnapshotDerivation.derive(from: $0, new: source, configuration) }
                ?? DocumentSnapshot(source: source, path: path, configuration: configuration)
            cache.insert(snapshot, for: id)
            return snapshot
        }
        return try cache.snapshot(id, path: path, repository: repository, configuration: configuration)
    }

    private func attribute(_ draft: EventDraft, path: String, commit: CommitInfo) -> HistoryEvent {
        HistoryEvent(commit: commit.id.description, authorName: commit.author.name, authorEmail: commit.author.email,
                     time: commit.author.time, offsetMinutes: commit.author.offsetMinutes, path: path, kind: draft.kind,
                     item: draft.item, line: draft.line, before: draft.before, after: draft.after)
    }

    /// Document changes between two trees; a rename out of (or into) the document globs is a removal (or addition).
    private func documentChanges(from old: Tree?, to new: Tree, paths: [String]) throws -> [FileChange] {
        let isDocument = { (path: String?) -> Bool in
            guard let path else { return false }
            return self.configuration.isDocument(path) && PathFilter.matches(path, paths)
        }
        var changes = try repository.changes(from: old, to: new, detectRenames: false).filter { isDocument($0.oldPath) || isDocument($0.newPath) }
        // Rename detection reads contents: only worth it when a document appeared and another vanished.
        if changes.contains(where: { $0.status == .added }) && changes.contains(where: { $0.status == .deleted }) {
            changes = try repository.changes(from: old, to: new, detectRenames: true).filter { isDocument($0.oldPath) || isDocument($0.newPath) }
        }
        return changes.flatMap { change -> [FileChange] in
            guard change.status == .renamed else { return [change] }
            switch (isDocument(change.oldPath), isDocument(change.newPath)) {
            case (true, false):
                return [FileChange(status: .deleted, oldPath: change.oldPath, newPath: nil, oldID: change.oldID, newID: nil)]
            case (false, true):
                return [FileChange(status: .added, oldPath: nil, newPath: change.newPath, oldID: nil, newID: change.newID)]
            default:
                return [change]
            }
        }
    }

    private func resolve(_ revision: String) throws -> CommitInfo {
        do {
            return try repository.commit(revision)
        } catch let error as GitError {
            throw GolintError.revision(error.message)
        }
    }
}
