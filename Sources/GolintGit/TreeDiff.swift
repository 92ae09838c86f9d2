import CLibGit2

/// One file that differs between two trees, with renames detected by content similarity.
public struct FileChange: Hashable, Sendable {
    public enum Status: Sendable { case added, deleted, modified, renamed }
    public let status: Status
    public let oldPath: String?
    public let newPath: String?
    public let oldID: ObjectID?
    public let newID: ObjectID?

    public init(status: Status, oldPath: String?, newPath: String?, oldID: ObjectID?, newID: ObjectID?) {
        self.status = status
        self.oldPath = oldPath
        self.newPath = newPath
        self.oldID = oldID
        self.newID = newID
    }
}

extension Repository {
    /// Files that differ from `old` (nil: the empty tree) to `new`, renames paired the way `git diff -M` does.
    public func changes(from old: Tree?, to new: Tree, detectRenames: Bool = true) throws -> [FileChange] {
        var options = git_diff_options()
        try check(git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION)), "git_diff_options_init")
        var diff: OpaquePointer?
        try check(git_diff_tree_to_tree(&diff, pointer, old?.pointer, new.pointer, &options), "git_diff_tree_to_tree")
        defer { git_diff_free(diff) }
        if detectRenames {
            var find = git_diff_find_options()
            try check(git_diff_find_options_init(&find, UInt32(GIT_DIFF_FIND_OPTIONS_VERSION)), "git_diff_find_options_init")
            find.flags = GIT_DIFF_FIND_RENAMES.rawValue
            try check(git_diff_find_similar(diff, &find), "git_diff_find_similar")
        }
        var result: [FileChange] = []
        for index in 0..<git_diff_num_deltas(diff) {
            guard let delta = git_diff_get_delta(diff, index)?.pointee else { continue }
            let oldPath = delta.old_file.path.map { String(cString: $0) }
            let newPath = delta.new_file.path.map { String(cString: $0) }
            let oldID = ObjectID(delta.old_file.id)
            let newID = ObjectID(delta.new_file.id)
            switch delta.status {
            case GIT_DELTA_ADDED:
                result.append(FileChange(status: .added, oldPath: nil, newPath: newPath, oldID: nil, newID: newID))
            case GIT_DELTA_DELETED:
                result.append(FileChange(status: .deleted, oldPath: oldPath, newPath: nil, oldID: oldID, newID: nil))
            case GIT_DELTA_RENAMED:
                result.append(FileChange(status: .renamed, oldPath: oldPath, newPath: newPath, oldID: oldID, newID: newID))
            default:
                result.append(FileChange(status: .modified, oldPath: oldPath, newPath: newPath, oldID: oldID, newID: newID))
            }
        }
        return result
    }
}
