import CLibGit2
import Foundation

/// One file in a tree or the index.
public struct FileEntry: Hashable, Sendable {
    public enum Kind: Sendable { case file, executable, symlink, submodule, directory }
    public let path: String
    public let id: ObjectID
    public let kind: Kind

    init(path: String, id: ObjectID, mode: UInt32) {
        self.path = path
        self.id = id
        switch mode {
        case 0o100755: kind = .executable
        case 0o120000: kind = .symlink
        case 0o160000: kind = .submodule
        case 0o040000: kind = .directory
        default: kind = .file
        }
    }
}

/// A tree object. Owns its handle.
public final class Tree {
    let pointer: OpaquePointer

    init(pointer: OpaquePointer) { self.pointer = pointer }
    deinit { git_tree_free(pointer) }

    public var id: ObjectID { ObjectID(git_tree_id(pointer)) }

    /// Every non-tree entry below this tree whose path passes `include`, in tree order.
    public func files(where include: (String) -> Bool) throws -> [FileEntry] {
        var result: [FileEntry] = []
        try collect(pointer, prefix: "", include: include, descend: { _ in true }) { result.append($0) }
        return result
    }

    /// The entries at many paths, reading each directory on the way once: only directories that
    /// lead to a wanted path are opened. Paths not in the tree are absent from the result.
    public func entries(at paths: Set<String>) throws -> [String: FileEntry] {
        var directories: Set<String> = [""]
        for path in paths {
            var directory = Substring(path)
            while let slash = directory.lastIndex(of: "/") {
                directory = directory[..<slash]
                guard directories.insert(String(directory) + "/").inserted else { break }
            }
        }
        var result: [String: FileEntry] = [:]
        try collect(pointer, prefix: "", include: { paths.contains($0) }, descend: { directories.contains($0) }) { result[$0.path] = $0 }
        return result
    }

    /// The entry at a path, or nil.
    public func entry(at path: String) -> FileEntry? {
        var entry: OpaquePointer?
        guard git_tree_entry_bypath(&entry, pointer, path) == 0, let entry else { return nil }
        defer { git_tree_entry_free(entry) }
        return FileEntry(path: path, id: ObjectID(git_tree_entry_id(entry)), mode: git_tree_entry_filemode(entry).rawValue)
    }

    /// Visits the entries below `tree`, entering a directory only when `descend` accepts its path
    /// with a trailing slash.
    private func collect(_ tree: OpaquePointer, prefix: String, include: (String) -> Bool, descend: (String) -> Bool,
                         visit: (FileEntry) -> Void) throws {
        let owner = git_tree_owner(tree)
        for index in 0..<git_tree_entrycount(tree) {
            // Entries from git_tree_entry_byindex belong to the tree: not freed here.
            guard let entry = git_tree_entry_byindex(tree, index) else { continue }
            let path = prefix + String(cString: git_tree_entry_name(entry))
            let mode = git_tree_entry_filemode(entry).rawValue
            if git_tree_entry_type(entry) == GIT_OBJECT_TREE {
                guard descend(path + "/") else { continue }
                var subtree: OpaquePointer?
                try check(git_tree_lookup(&subtree, owner, git_tree_entry_id(entry)), "git_tree_lookup")
                defer { git_tree_free(subtree) }
                try collect(subtree!, prefix: path + "/", include: include, descend: descend, visit: visit)
            } else if include(path) {
                visit(FileEntry(path: path, id: ObjectID(git_tree_entry_id(entry)), mode: mode))
            }
        }
    }
}

extension Repository {
    /// The index file read: `GIT_INDEX_FILE` when git set one, else the repository's own.
    public var indexPath: String { location.indexFile ?? gitDirectory + "index" }

    /// Staged files (stage 0) whose path passes `include`. Works before the first commit.
    public func indexFiles(where include: (String) -> Bool) throws -> [FileEntry] {
        var index: OpaquePointer?
        let code = git_repository_index(&index, pointer)
        guard code >= 0 else { throw RepositoryDiagnosis.indexFailure(GitError(function: "git_repository_index", code: code), path: indexPath) }
        defer { git_index_free(index) }
        let readCode = git_index_read(index, 0)
        guard readCode >= 0 else { throw RepositoryDiagnosis.indexFailure(GitError(function: "git_index_read", code: readCode), path: indexPath) }
        var result: [FileEntry] = []
        for position in 0..<git_index_entrycount(index) {
            // Owned by the index: not freed here.
            guard let entry = git_index_get_byindex(index, position) else { continue }
            let stage = (Int32(entry.pointee.flags) & GIT_INDEX_ENTRY_STAGEMASK) >> GIT_INDEX_ENTRY_STAGESHIFT
            guard stage == 0 else { continue }
            let path = String(cString: entry.pointee.path)
            if include(path) {
                result.append(FileEntry(path: path, id: ObjectID(entry.pointee.id), mode: entry.pointee.mode))
            }
        }
        return result
    }
}

extension Repository {
    /// Attribute files that apply besides the work tree's `.gitattributes`: `info/attributes`,
    /// `core.attributesFile` (or its XDG default) and the system file.
    public var attributeFilesOutsideWorkTree: [String] {
        let configured = (try? configString("core.attributesFile")) ?? nil
        let global = configured.map { HomeDirectory.expanding($0) } ?? HomeDirectory.gitConfigFolder() + "/attributes"
        return [commonDirectory + "info/attributes", global, "/etc/gitattributes"]
    }

    /// A gitattribute's string value for a path (`working-tree-encoding`), from the work tree's
    /// `.gitattributes` files, then the index's, as git looks them up; nil when unset or not a string.
    public func attribute(_ name: String, for path: String) -> String? {
        var value: UnsafePointer<CChar>?
        guard git_attr_get(&value, pointer, 0, path, name) == 0, git_attr_value(value) == GIT_ATTR_VALUE_STRING, let value else { return nil }
        return String(cString: value)
    }
}
