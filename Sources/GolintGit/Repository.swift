import CLibGit2
import Foundation

/// An open git repository. Owns its libgit2 handle; not shared between threads.
public final class Repository {
    let pointer: OpaquePointer

    /// Opens the repository that contains `path`, searching upwards like `git` does.
    public init(discovering path: String) throws {
        LibGit2.ensureInitialised()
        var repository: OpaquePointer?
        let code = git_repository_open_ext(&repository, path, 0, nil)
        guard code >= 0, let repository else {
            if code == GIT_ENOTFOUND.rawValue {
                throw GitError(function: "git_repository_open_ext", message: "not a git repository: \(path)")
            }
            throw GitError(function: "git_repository_open_ext", code: code)
        }
        pointer = repository
    }

    deinit { git_repository_free(pointer) }

    /// The working directory with a trailing slash, or nil for a bare repository.
    public var workdir: String? { git_repository_workdir(pointer).map { String(cString: $0) } }

    /// The `.git` directory (for a linked worktree, its own private one).
    public var gitDirectory: String { String(cString: git_repository_path(pointer)) }

    /// The directory shared by all worktrees, where hooks and config live.
    public var commonDirectory: String { String(cString: git_repository_commondir(pointer)) }

    public var isBare: Bool { git_repository_is_bare(pointer) == 1 }
    public var isShallow: Bool { git_repository_is_shallow(pointer) == 1 }
    public var isHeadUnborn: Bool { git_repository_head_unborn(pointer) == 1 }

    /// Resolves any revision expression (`HEAD~2`, a tag, an abbreviated id) to its commit.
    public func commit(_ revision: String) throws -> CommitInfo {
        let commit = try peel(revision, to: GIT_OBJECT_COMMIT)
        defer { git_object_free(commit) }
        return CommitInfo(commit)
    }

    /// Looks a commit up by id.
    public func commit(_ id: ObjectID) throws -> CommitInfo {
        var oid = id.raw
        var commit: OpaquePointer?
        try check(git_commit_lookup(&commit, pointer, &oid), "git_commit_lookup")
        defer { git_commit_free(commit) }
        return CommitInfo(commit!)
    }

    /// Resolves a revision to a tree: a commit's tree, a tag's, or a tree-ish such as `HEAD:docs`.
    public func tree(_ revision: String) throws -> Tree {
        Tree(pointer: try peel(revision, to: GIT_OBJECT_TREE))
    }

    public func tree(_ id: ObjectID) throws -> Tree {
        var oid = id.raw
        var tree: OpaquePointer?
        try check(git_tree_lookup(&tree, pointer, &oid), "git_tree_lookup")
        return Tree(pointer: tree!)
    }

    /// A blob's size from its object header, without inflating its content.
    public func blobSize(_ id: ObjectID) throws -> Int {
        var odb: OpaquePointer?
        try check(git_repository_odb(&odb, pointer), "git_repository_odb")
        defer { git_odb_free(odb) }
        var oid = id.raw
        var size = 0
        var type = GIT_OBJECT_ANY
        try check(git_odb_read_header(&size, &type, odb, &oid), "git_odb_read_header")
        return size
    }

    /// The bytes of a blob.
    public func blob(_ id: ObjectID) throws -> [UInt8] {
        var oid = id.raw
        var blob: OpaquePointer?
        try check(git_blob_lookup(&blob, pointer, &oid), "git_blob_lookup")
        defer { git_blob_free(blob) }
        let size = Int(git_blob_rawsize(blob))
        guard size > 0, let content = git_blob_rawcontent(blob) else { return [] }
        return Array(UnsafeRawBufferPointer(start: content, count: size))
    }

    /// Whether `.gitignore` rules exclude a path relative to the working directory.
    public func isIgnored(_ path: String) -> Bool {
        var ignored: Int32 = 0
        return git_ignore_path_is_ignored(&ignored, pointer, path) == 0 && ignored == 1
    }

    /// A configuration value (`core.hooksPath`), or nil when unset.
    public func configString(_ name: String) throws -> String? {
        var config: OpaquePointer?
        try check(git_repository_config_snapshot(&config, pointer), "git_repository_config_snapshot")
        defer { git_config_free(config) }
        var value: UnsafePointer<CChar>?
        let code = git_config_get_string(&value, config, name)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try check(code, "git_config_get_string")
        return value.map { String(cString: $0) }
    }

    private func peel(_ revision: String, to type: git_object_t) throws -> OpaquePointer {
        var object: OpaquePointer?
        let code = git_revparse_single(&object, pointer, revision)
        guard code >= 0, let object else {
            if code == GIT_ENOTFOUND.rawValue || code == GIT_EAMBIGUOUS.rawValue || code == GIT_EINVALIDSPEC.rawValue {
                throw GitError(function: "git_revparse_single", message: "unknown revision '\(revision)'")
            }
            throw GitError(function: "git_revparse_single", code: code)
        }
        defer { git_object_free(object) }
        var peeled: OpaquePointer?
        let peelCode = git_object_peel(&peeled, object, type)
        guard peelCode >= 0, let peeled else {
            let kind = type == GIT_OBJECT_TREE ? "tree" : "commit"
            throw GitError(function: "git_object_peel", message: "revision '\(revision)' does not name a \(kind)")
        }
        return peeled
    }
}
