import CLibGit2
import Foundation

extension Repository {
    /// Commits reachable from `tip` and not from any of `hidden`, oldest first.
    ///
    /// Topological order is required: time order alone misorders commits that share a timestamp.
    /// With `firstParent`, only the commits of the main line (`git log --first-parent`): each merge
    /// stands for what its branch brought.
    public func commitIDs(from tip: ObjectID, hiding hidden: [ObjectID] = [], firstParent: Bool = false) throws -> [ObjectID] {
        if isShallow { return try shallowCommitIDs(from: tip, hiding: hidden, firstParent: firstParent) }
        var walk: OpaquePointer?
        try check(git_revwalk_new(&walk, pointer), "git_revwalk_new")
        defer { git_revwalk_free(walk) }
        try check(git_revwalk_sorting(walk, GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_TIME.rawValue | GIT_SORT_REVERSE.rawValue), "git_revwalk_sorting")
        if firstParent { try check(git_revwalk_simplify_first_parent(walk), "git_revwalk_simplify_first_parent") }
        var tipOID = tip.raw
        try check(git_revwalk_push(walk, &tipOID), "git_revwalk_push")
        for id in hidden {
            var oid = id.raw
            try check(git_revwalk_hide(walk, &oid), "git_revwalk_hide")
        }
        var result: [ObjectID] = []
        var oid = git_oid()
        while true {
            let code = git_revwalk_next(&oid, walk)
            if code == GIT_ITEROVER.rawValue { break }
            try check(code, "git_revwalk_next")
            result.append(ObjectID(oid))
        }
        return result
    }

    /// The same order for a shallow clone, whose boundary commits' parents are absent: libgit2 1.5
    /// knows no shallow grafts, and its revwalk fails (also for hidden commits) when it reaches them.
    private func shallowCommitIDs(from tip: ObjectID, hiding hidden: [ObjectID], firstParent: Bool) throws -> [ObjectID] {
        let boundary = shallowBoundary
        func reachable(_ starts: [ObjectID]) throws -> [ObjectID: CommitInfo] {
            var found: [ObjectID: CommitInfo] = [:]
            var stack = starts
            while let id = stack.popLast() {
                guard found[id] == nil else { continue }
                let info = try commit(id)
                found[id] = info
                if !boundary.contains(id) { stack += info.parents }
            }
            return found
        }
        let excluded = try reachable(hidden)
        if firstParent {
            var line: [ObjectID] = []
            var next: ObjectID? = tip
            while let id = next, excluded[id] == nil {
                line.append(id)
                next = boundary.contains(id) ? nil : try commit(id).parents.first
            }
            return line.reversed()
        }
        var commits = try reachable([tip])
        for id in excluded.keys { commits[id] = nil }
        // Kahn's algorithm: a commit comes after all its parents; among ready ones, the oldest first.
        var waiting: [ObjectID: Int] = [:]
        var children: [ObjectID: [ObjectID]] = [:]
        for (id, info) in commits {
            let parents = boundary.contains(id) ? [] : info.parents.filter { commits[$0] != nil }
            waiting[id] = parents.count
            for parent in parents { children[parent, default: []].append(id) }
        }
        var ready = commits.keys.filter { waiting[$0] == 0 }
        var result: [ObjectID] = []
        while !ready.isEmpty {
            ready.sort { (commits[$0]!.committer.time, $0) > (commits[$1]!.committer.time, $1) }
            let next = ready.removeLast()
            result.append(next)
            for child in children[next] ?? [] {
                waiting[child]! -= 1
                if waiting[child] == 0 { ready.append(child) }
            }
        }
        return result
    }

    /// Commit ids listed in `shallow`: a shallow clone's history ends there, their parents are absent.
    public var shallowBoundary: Set<ObjectID> {
        guard isShallow, let text = try? String(contentsOfFile: commonDirectory + "shallow", encoding: .utf8) else { return [] }
        return Set(text.split(whereSeparator: \.isNewline).compactMap { ObjectID(hex: String($0)) })
    }
}

/// Commits reachable from a tip, newest first (children before parents), read one at a time so
/// that a walk that finds what it looks for early stops early.
///
/// `.committerTime` is lazy: newest commit time first, parents found as their children are read,
/// as `git log` walks by default. It relies on no parent being newer than its child; where clock
/// skew breaks that, `next()` throws `OutOfOrder` and the caller walks again `.topological`, which
/// reads the whole graph before the first commit (libgit2's topological sort).
public final class RevisionWalk {
    public enum Order { case committerTime, topological }

    /// A parent came before one of its children.
    public struct OutOfOrder: Error {}

    private let repository: Repository
    private var walk: OpaquePointer?
    /// A shallow clone's order, computed whole: libgit2 1.5's revwalk fails at its boundary.
    private var listed: [ObjectID]?
    /// The lazy walk: commits found and not read yet, by commit time; those read.
    private var queue: [(time: Int64, id: ObjectID)] = []
    private var found: Set<ObjectID> = []
    private var read: Set<ObjectID> = []

    public init(_ repository: Repository, from tip: ObjectID, order: Order) throws {
        self.repository = repository
        if repository.isShallow {
            listed = try repository.commitIDs(from: tip)
            return
        }
        switch order {
        case .committerTime:
            queue = [(try repository.links(of: tip).time, tip)]
            found = [tip]
        case .topological:
            try check(git_revwalk_new(&walk, repository.pointer), "git_revwalk_new")
            try check(git_revwalk_sorting(walk, GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_TIME.rawValue), "git_revwalk_sorting")
            var oid = tip.raw
            try check(git_revwalk_push(walk, &oid), "git_revwalk_push")
        }
    }

    deinit { git_revwalk_free(walk) }

    public func next() throws -> ObjectID? {
        if listed != nil { return listed?.popLast() }
        if walk != nil {
            var oid = git_oid()
            let code = git_revwalk_next(&oid, walk)
            if code == GIT_ITEROVER.rawValue { return nil }
            try check(code, "git_revwalk_next")
            return ObjectID(oid)
        }
        guard let newest = queue.indices.max(by: { (queue[$0].time, queue[$0].id.description) < (queue[$1].time, queue[$1].id.description) }) else {
            return nil
        }
        let (_, id) = queue.remove(at: newest)
        read.insert(id)
        for parent in try repository.links(of: id).parents {
            guard !read.contains(parent) else { throw OutOfOrder() }
            if found.insert(parent).inserted { queue.append((try repository.links(of: parent).time, parent)) }
        }
        return id
    }
}
