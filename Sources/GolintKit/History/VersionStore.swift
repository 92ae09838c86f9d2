import Foundation
import GolintGit

/// Parsed versions of documents by blob id, so that a version shared by several commits
/// (branches, reverts) is parsed once. Versions a stretch of history needs are prepared together on
/// all cores; a version changed only in plain item lines is kept as text and derived from its
/// parent's snapshot when it is asked for, in commit order. Bounded: history's memory must not grow
/// with the number of commits.
final class VersionStore {
    struct Version {
        let id: ObjectID
        let path: String
        /// The version it is diffed against, if any: the one it may be derived from.
        let parent: ObjectID?
    }

    fileprivate enum Prepared {
        case parsed(DocumentSnapshot)
        /// Changed only in plain item lines: derive from the parent's snapshot.
        case derivable(SourceText)
    }

    /// Versions read and parsed or screened, not yet in the store.
    struct Preparation: @unchecked Sendable {
        fileprivate let versions: [Version]
        fileprivate let results: [Result<Prepared, Error>]
    }

    let repository: Repository
    let configuration: Configuration
    private var entries: [ObjectID: DocumentSnapshot] = [:]
    private var order: [ObjectID] = []
    private var next = 0
    private var capacity: Int
    /// Versions read and screened by the workers, waiting for their parent's snapshot.
    private var pending: [ObjectID: SourceText] = [:]

    init(repository: Repository, configuration: Configuration, capacity: Int = 1024) {
        self.repository = repository
        self.configuration = configuration
        self.capacity = capacity
    }

    /// The versions not in the store yet, each once, that are not over the size limit.
    func missing(_ versions: [Version]) throws -> [Version] {
        var seen = Set<ObjectID>()
        return try versions.filter {
            try entries[$0.id] == nil && seen.insert($0.id).inserted && repository.blobSize($0.id) <= configuration.maximumDocumentBytes
        }
    }

    /// Reads versions on all cores, each worker through its own repository handle (`readers`, one
    /// per core): parses those that need a parse, screens the rest for derivation. Touches no
    /// store, so it can run while the store serves the commits before (`HistoryWalker` overlaps
    /// them).
    static func read(_ versions: [Version], readers: [Repository], configuration: Configuration) throws -> Preparation {
        func handles() -> () -> Repository {
            var next = 0
            return { defer { next += 1 }; return readers[next % readers.count] }
        }
        // Every text first: a version's parent is mostly the version before it in the same stretch
        // of history, read once instead of again for each child.
        let sources = try Parallel.map(count: versions.count, maxWorkers: readers.count, context: handles()) { handle, index in
            SourceText(bytes: try handle.blob(versions[index].id))
        }
        var texts: [ObjectID: SourceText] = [:]
        for (version, source) in zip(versions, sources) { texts[version.id] = try? source.get() }
        let results = try Parallel.map(count: versions.count, maxWorkers: readers.count, context: handles()) { handle, index in
            let version = versions[index]
            let source = try sources[index].get()
            if let parent = version.parent,
               let old = try texts[parent] ?? (handle.blobSize(parent) <= configuration.maximumDocumentBytes ? SourceText(bytes: try handle.blob(parent)) : nil),
               SnapshotDerivation.isCandidate(old: old, new: source) {
                return Prepared.derivable(source)
            }
            return .parsed(try DocumentSnapshot(source: source, path: version.path, configuration: configuration))
        }
        return Preparation(versions: versions, results: results)
    }

    /// Puts prepared versions into the store.
    func install(_ preparation: Preparation) {
        // A commit that changes more documents than the store holds keeps all of them until its
        // events are made: memory follows the largest commit, and no version is parsed twice.
        capacity = max(capacity, preparation.versions.count + 64)
        for (version, result) in zip(preparation.versions, preparation.results) {
            // A version a worker could not read is read again on this thread, which reports the error.
            switch result {
            case let .success(.parsed(snapshot)): insert(snapshot, for: version.id)
            case let .success(.derivable(source)): pending[version.id] = source
            case .failure: break
            }
        }
    }

    /// Forgets versions screened but never asked for (a merge's branch-side version): they are
    /// parsed if needed later.
    func dropPending() { pending.removeAll() }

    /// Whether a version is over the size limit, so that only document-level events are reported.
    /// Prepared versions were measured already; only the others need a header read.
    func isTooLarge(_ id: ObjectID) throws -> Bool {
        guard entries[id] == nil && pending[id] == nil else { return false }
        return try repository.blobSize(id) > configuration.maximumDocumentBytes
    }

    /// The snapshot of a version; `parent` is the version it follows, to derive it from.
    func snapshot(_ id: ObjectID, _ path: String, parent: DocumentSnapshot? = nil) throws -> DocumentSnapshot {
        if let cached = entries[id] { return cached }
        let snapshot: DocumentSnapshot
        if let source = pending.removeValue(forKey: id) {
            snapshot = try parent.flatMap { SnapshotDerivation.derive(from: $0, new: source, configuration) }
                ?? DocumentSnapshot(source: source, path: path, configuration: configuration)
        } else {
            snapshot = try DocumentSnapshot(bytes: try repository.blob(id), path: path, configuration: configuration)
        }
        insert(snapshot, for: id)
        return snapshot
    }

    /// A version read next to one already parsed (its child, when walking back from a revision):
    /// derived from that one when only plain item lines differ, else parsed.
    func snapshot(_ id: ObjectID, _ path: String, near neighbour: DocumentSnapshot) throws -> DocumentSnapshot {
        if let cached = entries[id] { return cached }
        let source = SourceText(bytes: try repository.blob(id))
        let snapshot = try SnapshotDerivation.derive(from: neighbour, new: source, configuration)
            ?? DocumentSnapshot(source: source, path: path, configuration: configuration)
        insert(snapshot, for: id)
        return snapshot
    }

    private func insert(_ snapshot: DocumentSnapshot, for id: ObjectID) {
        guard entries[id] == nil else { return }
        if order.count < capacity {
            order.append(id)
        } else {
            entries[order[next]] = nil
            order[next] = id
            next = (next + 1) % capacity
        }
        entries[id] = snapshot
    }
}
