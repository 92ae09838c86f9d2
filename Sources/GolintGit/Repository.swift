import CLibGit2
import Foundation

/// An open git repository. Owns its libgit2 handle; not shared between threads.
public final class Repository {
    let pointer: OpaquePointer

    /// Where this repository was found; workers open their own handles from it.
    public let location: RepositoryLocation

    /// Opens the repository that contains `path`, searching upwards like `git -C path` does.
    public convenience init(discovering path: String) throws {
        try self.init(.directory(path))
    }

    /// Opens the repository at `location` with its index and object stores, honouring
    /// `safe.directory` (read from `environment`, as git reads it) for repositories of other users.
    public init(_ location: RepositoryLocation, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        LibGit2.ensureInitialised()
        self.location = location
        var flags = location.search ? 0 : GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue | GIT_REPOSITORY_OPEN_NO_DOTGIT.rawValue
        if location.crossFilesystems { flags |= GIT_REPOSITORY_OPEN_CROSS_FS.rawValue }
        var repository: OpaquePointer?
        var code = git_repository_open_ext(&repository, location.path, flags, location.ceilings)
        if code < 0, let owned = RepositoryDiagnosis.foreignOwnedPath(code: code, start: location.path) {
            guard SafeDirectory.trusts(owned, environment: environment) else {
                throw GitError(function: "git_repository_open_ext", message: RepositoryDiagnosis.dubiousOwnership(owned))
            }
            LibGit2.disableOwnerValidation()
            code = git_repository_open_ext(&repository, location.path, flags, location.ceilings)
        }
        guard code >= 0, let repository else {
            throw RepositoryDiagnosis.openFailure(GitError(function: "git_repository_open_ext", code: code), location: location)
        }
        pointer = repository
        try applyOverrides()
    }

    /// The environment's redirections: another work tree, a temporary index, other object stores.
    private func applyOverrides() throws {
        let configuredWorkTree = try configString("core.worktree")
        if let workTree = location.workTree, !location.workTreeIsImplicit || (!isBare && configuredWorkTree == nil) {
            try check(git_repository_set_workdir(pointer, workTree, 0), "git_repository_set_workdir")
        }
        if let indexFile = location.indexFile {
            var index: OpaquePointer?
            guard git_index_open(&index, indexFile) == 0 else {
                throw RepositoryDiagnosis.indexFailure(GitError(function: "git_index_open", code: -1), path: indexFile)
            }
            defer { git_index_free(index) }
            try check(git_repository_set_index(pointer, index), "git_repository_set_index")
        }
        if let objectDirectory = location.objectDirectory {
            var odb: OpaquePointer?
            guard git_odb_open(&odb, objectDirectory) == 0 else {
                throw GitError(function: "git_odb_open", message: "GIT_OBJECT_DIRECTORY \(objectDirectory) cannot be opened: \(GitError(function: "git_odb_open", code: -1).message)")
            }
            defer { git_odb_free(odb) }
            try check(git_repository_set_odb(pointer, odb), "git_repository_set_odb")
        }
        if !location.alternateObjectDirectories.isEmpty {
            var odb: OpaquePointer?
            try check(git_repository_odb(&odb, pointer), "git_repository_odb")
            defer { git_odb_free(odb) }
            for directory in location.alternateObjectDirectories {
                try check(git_odb_add_disk_alternate(odb, directory), "git_odb_add_disk_alternate")
            }
        }
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
        try checkObject(git_commit_lookup(&commit, pointer, &oid), "git_commit_lookup", id)
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
        try checkObject(git_tree_lookup(&tree, pointer, &oid), "git_tree_lookup", id)
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
        try checkObject(git_odb_read_header(&size, &type, odb, &oid), "git_odb_read_header", id)
        return size
    }

    /// The bytes of a blob.
    public func blob(_ id: ObjectID) throws -> [UInt8] {
        var oid = id.raw
        var blob: OpaquePointer?
        try checkObject(git_blob_lookup(&blob, pointer, &oid), "git_blob_lookup", id)
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

    /// Throws for a failed object read with the cause: a partial clone, a truncated pack, a corrupt
    /// or missing object, each naming the object and the file.
    func checkObject(_ code: Int32, _ function: String, _ id: ObjectID) throws {
        guard code < 0 else { return }
        throw RepositoryDiagnosis.objectFailure(GitError(function: function, code: code), in: self, id: id)
    }

    private func peel(_ revision: String, to type: git_object_t) throws -> OpaquePointer {
        var object: OpaquePointer?
        let code = git_revparse_single(&object, pointer, revision)
        guard code >= 0, let object else {
            let error = GitError(function: "git_revparse_single", code: code)
            // The revision exists but an object it leads to cannot be read: say why.
            if error.message.hasPrefix("object not found") || error.message.contains("inflate") || error.message.contains("corrupt") {
                throw RepositoryDiagnosis.objectFailure(error, in: self, id: nil)
            }
            if code == GIT_ENOTFOUND.rawValue || code == GIT_EAMBIGUOUS.rawValue || code == GIT_EINVALIDSPEC.rawValue {
                throw GitError(function: "git_revparse_single", message: "unknown revision '\(revision)'")
            }
            throw error
        }
        defer { git_object_free(object) }
        var peeled: OpaquePointer?
        let peelCode = git_object_peel(&peeled, object, type)
        guard peelCode >= 0, let peeled else {
            if peelCode == GIT_ENOTFOUND.rawValue || peelCode == GIT_ERROR.rawValue, GitError(function: "", code: peelCode).message.hasPrefix("object not found") {
                throw RepositoryDiagnosis.objectFailure(GitError(function: "git_object_peel", code: peelCode), in: self, id: nil)
            }
            let kind = type == GIT_OBJECT_TREE ? "tree" : "commit"
            throw GitError(function: "git_object_peel", message: "revision '\(revision)' does not name a \(kind)")
        }
        return peeled
    }
}
