import GolintGit

/// Which commits history reads and which document changes each made: the range asked for, the
/// documents the configuration and the paths select, and where a shallow clone ends.
struct CommitSelection {
    let repository: Repository
    let configuration: Configuration
    let paths: [String]

    /// One commit to describe: its tree, its first parent's, and the documents it changed.
    struct Step {
        let commit: CommitInfo
        let tree: Tree
        let parentTree: Tree?
        let changes: [FileChange]
    }

    /// Commit ids oldest first, as in `git log --reverse since..until`.
    func commitIDs(since: String?, until: String, firstParent: Bool = false) throws -> [ObjectID] {
        let tip = try resolve(until)
        let hidden = try since.map { [try resolve($0).id] } ?? []
        return try repository.commitIDs(from: tip.id, hiding: hidden, firstParent: firstParent)
    }

    func step(_ commit: CommitInfo) throws -> Step {
        let tree = try repository.tree(commit.treeID)
        let parentTree = try commit.parents.first.map { try repository.tree(repository.commit($0).treeID) }
        return Step(commit: commit, tree: tree, parentTree: parentTree, changes: try documentChanges(from: parentTree, to: tree))
    }

    func isDocument(_ path: String?) -> Bool {
        guard let path else { return false }
        return configuration.isDocument(path) && PathFilter.matches(path, paths)
    }

    /// Document changes between two trees; a rename out of (or into) the document globs is a removal (or addition).
    func documentChanges(from old: Tree?, to new: Tree) throws -> [FileChange] {
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

    func resolve(_ revision: String) throws -> CommitInfo {
        do {
            return try repository.commit(revision)
        } catch let error as GitError {
            throw GolintError.revision(error.message)
        }
    }
}
