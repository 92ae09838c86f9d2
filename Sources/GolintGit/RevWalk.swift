import CLibGit2
import Foundation

extension Repository {
    /// Commits reachable from `tip` and not from any of `hidden`, oldest first.
    ///
    /// Topological order is required: time order alone misorders commits that share a timestamp.
    public func commitIDs(from tip: ObjectID, hiding hidden: [ObjectID] = []) throws -> [ObjectID] {
        var walk: OpaquePointer?
        try check(git_revwalk_new(&walk, pointer), "git_revwalk_new")
        defer { git_revwalk_free(walk) }
        try check(git_revwalk_sorting(walk, GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_TIME.rawValue | GIT_SORT_REVERSE.rawValue), "git_revwalk_sorting")
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

    /// Commit ids listed in `shallow`: a shallow clone's history ends there, their parents are absent.
    public var shallowBoundary: Set<ObjectID> {
        guard isShallow, let text = try? String(contentsOfFile: commonDirectory + "shallow", encoding: .utf8) else { return [] }
        return Set(text.split(whereSeparator: \.isNewline).compactMap { ObjectID(hex: String($0)) })
    }
}
