import CLibGit2
import Foundation

/// Who made a commit, copied out of libgit2.
public struct Signature: Hashable, Sendable {
    public let name: String
    public let email: String
    public let time: Date
    /// Offset from UTC in minutes, as recorded in the commit.
    public let offsetMinutes: Int

    init(_ pointer: UnsafePointer<git_signature>) {
        let signature = pointer.pointee
        name = signature.name.map { String(cString: $0) } ?? ""
        email = signature.email.map { String(cString: $0) } ?? ""
        time = Date(timeIntervalSince1970: TimeInterval(signature.when.time))
        offsetMinutes = Int(signature.when.offset)
    }
}

/// A commit's metadata, copied out so the libgit2 object is freed at once.
public struct CommitInfo: Hashable, Sendable {
    public let id: ObjectID
    public let treeID: ObjectID
    public let parents: [ObjectID]
    public let author: Signature
    public let committer: Signature
    public let summary: String

    init(_ commit: OpaquePointer) {
        id = ObjectID(git_commit_id(commit))
        treeID = ObjectID(git_commit_tree_id(commit))
        parents = (0..<git_commit_parentcount(commit)).compactMap { index in
            git_commit_parent_id(commit, index).map(ObjectID.init)
        }
        author = Signature(git_commit_author(commit))
        committer = Signature(git_commit_committer(commit))
        summary = git_commit_summary(commit).map { String(cString: $0) } ?? ""
    }
}

extension Repository {
    /// A commit's tree, parents and commit time only: what a walk along history needs at each step.
    public func links(of id: ObjectID) throws -> (tree: ObjectID, parents: [ObjectID], time: Int64) {
        var oid = id.raw
        var commit: OpaquePointer?
        try checkObject(git_commit_lookup(&commit, pointer, &oid), "git_commit_lookup", id)
        defer { git_commit_free(commit) }
        let parents = (0..<git_commit_parentcount(commit)).compactMap { git_commit_parent_id(commit, $0).map(ObjectID.init) }
        return (ObjectID(git_commit_tree_id(commit)), parents, Int64(git_commit_time(commit)))
    }
}

extension Repository {
    /// Whether `ancestor` is `commit` or reachable from it through parents.
    public func isAncestor(_ ancestor: ObjectID, of commit: ObjectID) throws -> Bool {
        if ancestor == commit { return true }
        var descendant = commit.raw, base = ancestor.raw
        return try check(git_graph_descendant_of(pointer, &descendant, &base), "git_graph_descendant_of") == 1
    }
}
