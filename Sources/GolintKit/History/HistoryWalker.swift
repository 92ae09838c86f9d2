import Crypto
import Foundation
import GolintGit

public struct HistoryOptions: Sendable {
    public var paths: [String] = []
    /// Commits reachable from `since` are left out (as in `git log since..until`).
    public var since: String?
    public var until: String = "HEAD"
    public var configurationFile: String?
    /// Only the main line (`--first-parent`): each merge reports what its branch brought.
    public var firstParent = false
    /// Where to keep and find the records of commits already walked; nil walks every commit.
    public var cache: HistoryCache?

    public init() {}
}

public struct HistoryReport: Sendable {
    public let events: [HistoryEvent]
    public let commits: Int
    /// Set when a shallow clone's history ended before the requested range did.
    public let shallowBoundary: [String]
    /// How many of the commits came from the cache.
    public let cachedCommits: Int
    /// What the user should know that is not history (a cache that could not be used or written).
    public let notes: [String]
    /// Open deliverables of each document after each commit that changed it.
    let burnDown: [String: [BurnDown.Point]]
}

/// Walks commits oldest first and turns each commit's document changes into events: the commit
/// selection says what to read, the version store parses it (a stretch of commits at a time, on all
/// cores), the event builder compares each version with its parent's.
///
/// Each commit is compared with its first parent through a tree-to-tree diff, so commits that
/// touch no document cost one tree comparison.
public final class HistoryWalker {
    let repository: Repository
    let configuration: Configuration
    let store: VersionStore
    let builder: EventBuilder
    /// Commits planned and parsed together: their versions are parsed on all cores, then diffed in order.
    private let chunkSize = 128
    /// A commit that changes more documents than this is read and described a stretch of its
    /// changes at a time (an import, a bulk edit): memory follows the stretch, not the commit.
    var changesPerStretch = 1024
    private let access: RepositoryAccess?
    /// Everything the walk was set up with that events depend on besides the commits: the cache's key.
    private let settings: [UInt8]

    /// A walker over the repository `access` names, with the configuration as of `configurationRevision`.
    public convenience init(access: RepositoryAccess, configurationRevision: String, configurationFile: String?) throws {
        try self.init(repository: access.open(), configurationRevision: configurationRevision,
                      configurationFile: configurationFile, access: access)
    }

    init(repository: Repository, configurationRevision: String, configurationFile: String?, access: RepositoryAccess? = nil) throws {
        self.repository = repository
        self.access = access
        // History is commits: without one there is nothing to read (and no --staged to point to).
        if configurationRevision == "HEAD", repository.isHeadUnborn {
            throw GolintError.revision("HEAD has no commit yet: there is no history to read")
        }
        let (configuration, attribution, settings) = try reportingGitErrors {
            let source = ReadRecordingSource(try openSource(.revision(configurationRevision), in: repository))
            let configuration = try Configuration.load(from: source, explicitFile: configurationFile)
            if let configurationFile { source.note(configurationFile, try Configuration.fileBytes(from: source, explicitFile: configurationFile)) }
            let attribution = try EventAttribution(repository: repository, configuration: configuration, source: source)
            source.note("golint", Array(Golint.buildIdentity.utf8))
            return (configuration, attribution, Array(source.digest.finalize()))
        }
        self.configuration = configuration
        self.settings = settings
        store = VersionStore(repository: repository, configuration: configuration)
        builder = EventBuilder(store: store, attribution: attribution)
    }

    /// Command-line paths made relative to the working directory.
    public func repositoryPaths(_ paths: [String]) -> [String] {
        access?.repositoryPaths(paths, in: repository) ?? paths
    }

    public func history(_ options: HistoryOptions, progress: ((Int, Int) -> Void)? = nil) throws -> HistoryReport {
        try reportingGitErrors { try walk(options, progress: progress) }
    }

    func walk(_ options: HistoryOptions, observer: EventObserver? = nil, progress: ((Int, Int) -> Void)? = nil) throws -> HistoryReport {
        let selection = CommitSelection(repository: repository, configuration: configuration, paths: options.paths)
        let ids = try selection.commitIDs(since: options.since, until: options.until, firstParent: options.firstParent)
        let boundary = repository.shallowBoundary
        builder.observer = observer
        builder.mergesBringTheirBranch = options.firstParent
        defer {
            builder.observer = nil
            builder.mergesBringTheirBranch = false
        }
        var notes: [String] = []
        // An observer sees the parsed versions themselves, which the cache does not keep.
        var trail: CachedTrail?
        if observer == nil, let cache = options.cache { trail = self.trail(in: cache, options: options, notes: &notes) }
        var events: [HistoryEvent] = []
        var burnDown = BurnDown()
        var reachedBoundary: [String] = []
        var done = 0
        let chunks = stride(from: 0, to: ids.count, by: chunkSize).map { ids[$0..<min($0 + chunkSize, ids.count)] }
        var next = try chunks.first.map { try plan($0, selection: selection, boundary: boundary, trail: trail) }
        for index in chunks.indices {
            guard let chunk = next else { break }
            for commit in chunk.boundary {
                // Its parents are not in this clone: what it changed cannot be known.
                reachedBoundary.append(commit.id.description)
                try observer?.reachedBoundary(commit, selection: selection, builder: builder)
            }
            store.install(try chunk.versions.wait())
            // The next commits' versions are read and parsed on the other cores while this thread
            // turns these commits into events: the two overlap instead of taking turns.
            next = index + 1 < chunks.count ? try plan(chunks[index + 1], selection: selection, boundary: boundary, trail: trail) : nil
            for work in chunk.work {
                done += 1
                progress?(done, ids.count)
                let record: CommitRecord
                switch work {
                case let .cached(cached): record = cached
                case let .step(step) where isStretched(step):
                    record = try builder.record(of: step, inStretchesOf: changesPerStretch) { try prepare($0, with: try stretchReaders()) }
                    trail?.add(record)
                case let .step(step):
                    record = try builder.record(of: step)
                    trail?.add(record)
                }
                events += record.events
                burnDown.add(record)
            }
            store.dropPending()
        }
        if let note = trail?.save() { notes.append(note) }
        StaleApprovals.mark(&events, scope: configuration.verification.staleScope)
        return HistoryReport(events: events, commits: ids.count, shallowBoundary: reachedBoundary, cachedCommits: trail?.hits ?? 0,
                             notes: notes, burnDown: burnDown.series)
    }

    /// The cached trail of this walk's context, unless the cache is inside the repository (golint
    /// never writes there).
    private func trail(in cache: HistoryCache, options: HistoryOptions, notes: inout [String]) -> CachedTrail? {
        let folder = Self.resolved(cache.folder)
        for inside in [repository.workdir, repository.commonDirectory].compactMap({ $0 }).map(Self.resolved)
        where folder == inside || folder.hasPrefix(inside.hasSuffix("/") ? inside : inside + "/") {
            notes.append("history cache not used: \(cache.folder) is inside the repository")
            return nil
        }
        var key = SHA256()
        key.update(data: settings)
        key.update(data: Array((options.paths.joined(separator: "\u{0}") + "\u{1}" + (options.firstParent ? "first-parent" : "all")).utf8))
        return CachedTrail(cache: cache, key: Array(key.finalize()))
    }

    private static func resolved(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// A chunk of commits planned: what each changed (a tree diff), and its versions being read;
    /// commits the cache knows are neither diffed nor read.
    private struct PlannedChunk {
        enum Work {
            case cached(CommitRecord)
            case step(CommitSelection.Step)
        }

        let boundary: [CommitInfo]
        let work: [Work]
        let versions: BackgroundWork<VersionStore.Preparation>
    }

    /// One repository handle per core for reading versions, opened once per walk: libgit2 handles
    /// are not shared between threads, and only one chunk is read at a time.
    private func readers() throws -> [Repository] { try handles(&openReaders) }

    /// Handles for reading a stretched commit's versions while `readers()` read the next chunk's.
    private func stretchReaders() throws -> [Repository] { try handles(&openStretchReaders) }

    private var openReaders: [Repository]?
    private var openStretchReaders: [Repository]?

    private func handles(_ opened: inout [Repository]?) throws -> [Repository] {
        if let opened { return opened }
        let handles = try (0..<max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))).map { _ in try Repository(repository.location) }
        opened = handles
        return handles
    }

    private func isStretched(_ step: CommitSelection.Step) -> Bool {
        step.changes.count > changesPerStretch && !builder.isMergeComparedWithEveryParent(step.commit)
    }

    private func plan(_ ids: ArraySlice<ObjectID>, selection: CommitSelection, boundary: Set<ObjectID>,
                      trail: CachedTrail?) throws -> PlannedChunk {
        var work: [PlannedChunk.Work] = []
        var steps: [CommitSelection.Step] = []
        var reached: [CommitInfo] = []
        for id in ids {
            if boundary.contains(id) {
                reached.append(try repository.commit(id))
            } else if let record = trail?.record(id) {
                work.append(.cached(record))
            } else {
                let step = try selection.step(try repository.commit(id))
                steps.append(step)
                work.append(.step(step))
            }
        }
        // A stretched commit's versions are read when its turn comes, a stretch at a time.
        let missing = try store.missing(Self.versions(of: steps.filter { !isStretched($0) }.flatMap(\.changes)))
        let readers = try self.readers(), configuration = self.configuration
        return PlannedChunk(boundary: reached, work: work,
                            versions: BackgroundWork { try VersionStore.read(missing, readers: readers, configuration: configuration) })
    }

    /// Reads and parses, on all cores through `readers`, the versions `changes` need that the store lacks.
    private func prepare(_ changes: [FileChange], with readers: [Repository]) throws {
        store.install(try VersionStore.read(try store.missing(Self.versions(of: changes)), readers: readers, configuration: configuration))
    }

    /// The versions changes make, then those they replace, when this walk has not read them (the
    /// commit before `--since`): parsed on all cores rather than one by one when described.
    private static func versions(of changes: [FileChange]) -> [VersionStore.Version] {
        changes.compactMap { change in change.newID.map { VersionStore.Version(id: $0, path: change.newPath ?? "", parent: change.oldID) } }
            + changes.compactMap { change in change.oldID.map { VersionStore.Version(id: $0, path: change.oldPath ?? "", parent: nil) } }
    }

    /// The events between two revisions as one step, attributed to the second.
    public func diff(from old: String, to new: String, paths: [String]) throws -> [HistoryEvent] {
        try reportingGitErrors {
            let selection = CommitSelection(repository: repository, configuration: configuration, paths: paths)
            let before = try selection.resolve(old), after = try selection.resolve(new)
            let changes = try selection.documentChanges(from: repository.tree(before.treeID), to: repository.tree(after.treeID))
            // Both sides of every change parsed on all cores first, as a walk's chunk is.
            try prepare(changes, with: try readers())
            var events = try changes.flatMap { try builder.events(for: $0, in: after) }
            store.dropPending()
            // Each event is credited to the commit of the range that made it, as history shows it.
            var options = HistoryOptions()
            options.paths = paths
            options.since = old
            options.until = new
            events = Self.credited(events, by: try walk(options).events)
            StaleApprovals.mark(&events, scope: configuration.verification.staleScope)
            return events
        }
    }
}

extension HistoryWalker {
    /// `events` (of one comparison) each credited to the last of `walked` (the range's commits, oldest
    /// first) on the same item with the same kind, else on the same item, else to the last commit
    /// that changed its document; an event none of them explains keeps the newer revision's commit.
    static func credited(_ events: [HistoryEvent], by walked: [HistoryEvent]) -> [HistoryEvent] {
        var byItemAndKind: [String: HistoryEvent] = [:], byItem: [String: HistoryEvent] = [:], byPath: [String: HistoryEvent] = [:]
        for event in walked {
            if let item = event.item {
                byItemAndKind[event.path + "\u{0}" + event.kind.rawValue + "\u{0}" + item] = event
                byItem[event.path + "\u{0}" + item] = event
            }
            byPath[event.path] = event
        }
        return events.map { event in
            let maker = event.item.flatMap { item in
                byItemAndKind[event.path + "\u{0}" + event.kind.rawValue + "\u{0}" + item] ?? byItem[event.path + "\u{0}" + item]
            } ?? byPath[event.path]
            return maker.map(event.credited(to:)) ?? event
        }
    }
}

extension HistoryEvent {
    /// This event as made by `other`'s commit: its author, committer, signature, time and verdict.
    func credited(to other: HistoryEvent) -> HistoryEvent {
        HistoryEvent(commit: other.commit, authorName: other.authorName, authorEmail: other.authorEmail,
                     committerName: other.committerName, committerEmail: other.committerEmail, signature: other.signature,
                     verified: approval == nil ? nil : other.verified ?? verified, time: other.time, offsetMinutes: other.offsetMinutes,
                     path: path, kind: kind, item: item, line: line, before: before, after: after, stale: nil, approval: approval,
                     substance: substance)
    }
}
