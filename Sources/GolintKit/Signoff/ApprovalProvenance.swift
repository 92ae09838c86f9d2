import GolintGit

/// Finds, for every given approval of a document version, the change that gave it, walking back
/// from that version along the document's own history and stopping as soon as every approval is
/// found. On the way it notes every substantive change, to tell which approvals are stale.
///
/// The walk follows the version the way `git log` simplifies history: through a merge to the
/// parent whose version is the same (the branch that brought it), else along the first parent;
/// through renames; and it stops at a shallow clone's boundary.
struct ApprovalProvenance {
    let context: SignoffContext

    /// Where the walk starts: a commit's version, and before it the pending change, if any.
    struct Start {
        let commit: CommitInfo?
        /// The document's version at `commit`, or nil when the document is new there.
        let version: ObjectID?
        /// The evaluated snapshot is the index's or the work tree's, not `commit`'s.
        let pending: Bool
    }

    func records(path: String, current: DocumentSnapshot, start: Start) throws -> [ApprovalRecord] {
        var tracked: [Int: Int] = [:]
        for (index, item) in current.items.enumerated() where Self.isGiven(item) { tracked[index] = index }
        guard !tracked.isEmpty else { return [] }
        var found: [Int: (origin: ApprovalOrigin, newer: Int)] = [:]
        var changes: [SubstantiveChange] = []
        var child = current

        func step(to parent: DocumentSnapshot?, origin: ApprovalOrigin) {
            let diff = SnapshotDiff(old: parent, new: child)
            for (evaluated, index) in tracked {
                if let match = diff.matches[index], let parent, Self.isGiven(parent.items[match]),
                   parent.items[match].signer == child.items[index].signer {
                    tracked[evaluated] = match
                } else {
                    found[evaluated] = (origin, changes.count)
                    tracked[evaluated] = nil
                }
            }
            if let parent { changes += Self.substantiveChanges(diff, old: parent, new: child, origin: origin) }
        }

        if start.pending {
            let parent = try start.version.map { try context.store.snapshot($0, path, near: child) }
            step(to: parent, origin: context.pendingOrigin)
            if let parent { child = parent }
        }
        var commit = start.commit, version = start.version, currentPath = path
        while !tracked.isEmpty, let here = commit, let hereVersion = version {
            let back = try previousVersion(of: here, version: hereVersion, path: currentPath)
            if let same = back.sameParent {
                commit = same
                continue
            }
            let origin = try context.origin(here, beforeShallowBoundary: back.isBoundary)
            guard let parentVersion = back.parentVersion, let parentCommit = back.firstParent,
                  try !context.store.isTooLarge(parentVersion) else {
                step(to: nil, origin: origin)
                break
            }
            let parent = try context.store.snapshot(parentVersion, back.parentPath, near: child)
            step(to: parent, origin: origin)
            child = parent
            commit = parentCommit
            version = parentVersion
            currentPath = back.parentPath
        }
        let scope = context.trust.verification.staleScope
        return found.keys.sorted().map { index in
            let item = current.items[index], (origin, newer) = found[index]!
            let relevant = scope == .off ? [] : changes.prefix(newer).filter { change in
                scope == .document || change.section == item.section || Self.names(change.section, role: item.role ?? "")
            }
            return ApprovalRecord(line: item.line, column: item.column, text: item.text, role: item.role ?? item.text, signer: item.signer,
                                  origin: origin, approvers: context.trust.verification.approvers(of: item.role ?? item.text),
                                  staleBy: relevant.last, laterChanges: relevant.count,
                                  signatureRequired: context.trust.verification.requireSignedCommits)
        }
    }

    private struct Back {
        /// A parent with the same version: nothing changed here, go on there.
        var sameParent: CommitInfo?
        var firstParent: CommitInfo?
        var parentVersion: ObjectID?
        var parentPath: String
        var isBoundary = false
    }

    private func previousVersion(of commit: CommitInfo, version: ObjectID, path: String) throws -> Back {
        let repository = context.repository
        if context.isShallowBoundary(commit.id) || commit.parents.isEmpty {
            return Back(parentPath: path, isBoundary: context.isShallowBoundary(commit.id))
        }
        let parents = try commit.parents.map { try repository.commit($0) }
        let trees = try parents.map { try repository.tree($0.treeID) }
        if let same = trees.firstIndex(where: { $0.entry(at: path)?.id == version }) {
            return Back(sameParent: parents[same], parentPath: path)
        }
        if let entry = trees[0].entry(at: path) {
            return Back(firstParent: parents[0], parentVersion: entry.id, parentPath: path)
        }
        // Not there before: renamed here, or added.
        let changes = try context.selection.documentChanges(from: trees[0], to: try repository.tree(commit.treeID))
        if let renamed = changes.first(where: { $0.status == .renamed && $0.newPath == path }), let oldPath = renamed.oldPath {
            return Back(firstParent: parents[0], parentVersion: renamed.oldID, parentPath: oldPath)
        }
        return Back(firstParent: parents[0], parentPath: path)
    }

    static func isGiven(_ item: DocumentSnapshot.Item) -> Bool { item.isApproval && item.state == .done }

    /// Whether a section's heading names the role (`Security` for a section `Security review`).
    private static func names(_ section: String, role: String) -> Bool {
        let sectionWords = Set(ApprovalRecord.folded(section).split { !$0.isLetter && !$0.isNumber })
        let roleWords = ApprovalRecord.folded(role).split { !$0.isLetter && !$0.isNumber }
        return !roleWords.isEmpty && roleWords.allSatisfy(sectionWords.contains)
    }

    private static let substantiveKinds: Set<HistoryEvent.Kind> = [.itemAdded, .itemRemoved, .itemEdited, .unchecked, .deadlineChanged, .placeholderAdded]

    /// The diff's events that change what approvals approve; approvals changing are not among them.
    private static func substantiveChanges(_ diff: SnapshotDiff, old: DocumentSnapshot, new: DocumentSnapshot,
                                           origin: ApprovalOrigin) -> [SubstantiveChange] {
        diff.events.compactMap { event in
            guard substantiveKinds.contains(event.kind), let line = event.line else { return nil }
            let side = event.kind == .itemRemoved ? old : new
            if let item = side.items.first(where: { $0.line == line && $0.text == event.item }), item.isApproval { return nil }
            return SubstantiveChange(origin: origin, kind: event.kind, item: event.item ?? "", section: side.section(ofLine: line))
        }
    }
}
