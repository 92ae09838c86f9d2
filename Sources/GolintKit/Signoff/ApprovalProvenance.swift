import Foundation
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
        var walk = Walk(current: current, scope: context.trust.verification.staleScope)
        guard !walk.isDone else { return [] }
        var origins: [Int: ApprovalOrigin] = [:]
        func credit(_ found: [Int], to origin: @autoclosure () throws -> ApprovalOrigin) rethrows {
            guard !found.isEmpty || walk.unattributed else { return }
            let origin = try origin()
            for index in found { origins[index] = origin }
            if walk.unattributed { walk.attribute(origin) }
        }
        if start.pending {
            let parent = try start.version.map { try context.store.snapshot($0, path, near: current) }
            credit(walk.step(to: parent), to: context.pendingOrigin)
        }
        var commit = start.commit?.id, version = start.version, currentPath = path
        while !walk.isDone, let here = commit, let hereVersion = version {
            let back = try previousVersion(of: here, version: hereVersion, path: currentPath)
            if let same = back.sameParent {
                commit = same
                continue
            }
            // Who made this change is read only if it gave an approval.
            let origin = { try context.origin(context.repository.commit(here), beforeShallowBoundary: back.isBoundary) }
            guard let parentVersion = back.parentVersion, let parentCommit = back.firstParent,
                  try !context.store.isTooLarge(parentVersion) else {
                try credit(walk.step(to: nil), to: origin())
                break
            }
            // Once staleness is settled, versions are screened by their lines; parsed only where that cannot tell.
            if walk.lineKeys != nil, let found = try walk.screen(context.repository.blob(parentVersion), configuration: context.store.configuration) {
                try credit(found, to: origin())
            } else {
                if walk.child == nil { try credit(walk.resume(try context.store.snapshot(hereVersion, currentPath)), to: origin()) }
                try credit(walk.step(to: try context.store.snapshot(parentVersion, back.parentPath, near: walk.child!)), to: origin())
            }
            commit = parentCommit
            version = parentVersion
            currentPath = back.parentPath
        }
        return walk.staleness.keys.sorted().compactMap { index in
            guard let origin = origins[index] else { return nil }
            let item = current.items[index]
            return ApprovalRecord(line: item.line, column: item.column, text: item.text, role: item.role ?? item.text, signer: item.signer,
                                  origin: origin, approvers: context.trust.verification.approvers(of: item.role ?? item.text),
                                  staleBy: walk.staleness[index] ?? nil, signatureRequired: context.trust.verification.requireSignedCommits)
        }
    }

    /// The state of one document's walk: the approvals still looked for, by their index in the
    /// version last parsed (`child`), and the substantive changes met on the way, newest first.
    private struct Walk {
        let current: DocumentSnapshot
        let scope: SignoffVerification.StaleScope
        var tracked: [Int: Int] = [:]
        /// The version the walk stands on, parsed; nil while versions are only screened by their lines.
        var child: DocumentSnapshot?
        /// While screening: the exact line of each approval looked for.
        var lineKeys: [Int: String]?
        var changes: [SubstantiveChange] = []
        /// The approvals found, each with the newest substantive change after it within its scope.
        var staleness: [Int: SubstantiveChange?] = [:]

        init(current: DocumentSnapshot, scope: SignoffVerification.StaleScope) {
            self.current = current
            self.scope = scope
            child = current
            for (index, item) in current.items.enumerated() where ApprovalProvenance.isGiven(item) { tracked[index] = index }
            settle()
        }

        var isDone: Bool { tracked.isEmpty }

        /// One step back to `parent` (nil: the document did not exist before); returns the
        /// approvals that the step gave.
        mutating func step(to parent: DocumentSnapshot?) -> [Int] {
            guard let child else { return [] }
            var given: [Int] = []
            let diff = SnapshotDiff(old: parent, new: child)
            for (evaluated, index) in tracked {
                if let match = diff.matches[index], let parent, ApprovalProvenance.isGiven(parent.items[match]),
                   parent.items[match].signer == child.items[index].signer {
                    tracked[evaluated] = match
                } else {
                    given.append(evaluated)
                    tracked[evaluated] = nil
                }
            }
            record(given)
            if let parent { changes += ApprovalProvenance.substantiveChanges(diff, old: parent, new: child) }
            self.child = parent
            lineKeys = nil
            settle()
            return given
        }

        /// Changes not yet attributed: those of the last step.
        var unattributed: Bool { changes.last.map { $0.origin == nil } ?? false }

        mutating func attribute(_ origin: ApprovalOrigin) {
            for index in changes.indices.reversed() where changes[index].origin == nil { changes[index].origin = origin }
        }

        private mutating func record(_ given: [Int]) {
            for index in given { staleness[index] = self.staleness(of: current.items[index]) }
        }

        /// Screens a parent version by its lines alone, without a parse. An approval whose exact
        /// line is there was given before; one written as a plain task item (`- [x] Security —
        /// Carol Weiss, 2026-02-27`) whose line is not is looked for by role and signer among the
        /// parent's plain item lines: given there (reworded) or given here. False when an approval
        /// cannot be told so (a sign-off form's line or row): then both versions are parsed.
        mutating func screen(_ bytes: [UInt8], configuration: Configuration) -> [Int]? {
            guard let keys = lineKeys else { return nil }
            let missing = keys.filter { !ApprovalProvenance.containsLines([$0.key: $0.value], in: bytes) }
            guard !missing.isEmpty else {
                child = nil
                return []
            }
            guard missing.values.allSatisfy({ SnapshotDerivation.itemLine($0) != nil }) else { return nil }
            var given: [Int] = []
            let parentItems = ApprovalProvenance.checkedItemLines(bytes)
            for (evaluated, _) in missing {
                let item = current.items[evaluated]
                let earlier = parentItems.first { candidate in
                    candidate.item.checked && ApprovalRole.inApprovalSection(candidate.item.text, configuration) == item.role
                        && ((try? Plan.signature(in: candidate.item.text, configuration)) ?? nil)?.signer == item.signer
                }
                if let earlier {
                    lineKeys?[evaluated] = String(earlier.line)
                } else {
                    given.append(evaluated)
                    tracked[evaluated] = nil
                    lineKeys?[evaluated] = nil
                }
            }
            record(given)
            child = nil
            return given
        }

        /// Parses again from a screened version: the approvals are found by their lines (which
        /// screening saw in it); one that cannot be is returned, credited to the change that made the version.
        mutating func resume(_ snapshot: DocumentSnapshot) -> [Int] {
            var lost: [Int] = []
            for (evaluated, line) in lineKeys ?? [:] {
                if let index = snapshot.items.firstIndex(where: { $0.source == line }) {
                    tracked[evaluated] = index
                } else {
                    lost.append(evaluated)
                    tracked[evaluated] = nil
                }
            }
            record(lost)
            lineKeys = nil
            child = snapshot
            return lost
        }

        /// The newest substantive change after an approval, within its scope.
        private func staleness(of item: DocumentSnapshot.Item) -> SubstantiveChange? {
            switch scope {
            case .off: nil
            case .document: changes.first
            case .section: changes.first { $0.section == item.section || ApprovalProvenance.names($0.section, role: item.role ?? "") }
            }
        }

        /// Once every approval still looked for would be stale (or staleness is off), versions need
        /// only be screened for the approvals' lines.
        private mutating func settle() {
            guard let child, !tracked.isEmpty, lineKeys == nil else { return }
            let settled = tracked.keys.allSatisfy { scope == .off || staleness(of: current.items[$0]) != nil }
            if settled { lineKeys = tracked.mapValues { child.items[$0].source } }
        }
    }

    /// The plain checked task items of a version, read line by line without a parse: only lines
    /// with a checked box (`[x]`) are decoded.
    static func checkedItemLines(_ bytes: [UInt8]) -> [(line: Substring, item: SnapshotDerivation.ItemLine)] {
        var result: [(line: Substring, item: SnapshotDerivation.ItemLine)] = []
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: 10) ?? bytes.count
            let line = bytes[start..<end]
            if line.count > 4, zip(line, line.dropFirst()).contains(where: { $0 == 91 && ($1 == 120 || $1 == 88) }) {
                let text = String(decoding: line, as: UTF8.self)
                if let item = SnapshotDerivation.itemLine(text), item.checked { result.append((text.trimmedSpaces, item)) }
            }
            start = end + 1
        }
        return result
    }

    /// The offset of `needle` in `bytes` at or after `from`: each candidate found by its first byte.
    private static func search(_ needle: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        bytes.withUnsafeBytes { haystack -> Int? in
            needle.withUnsafeBytes { pattern -> Int? in
                guard let base = haystack.baseAddress, let first = pattern.first else { return nil }
                var offset = from
                while haystack.count - offset >= pattern.count {
                    guard let hit = memchr(base + offset, Int32(first), haystack.count - offset - pattern.count + 1) else { return nil }
                    let position = UnsafeRawPointer(hit) - base
                    if memcmp(hit, pattern.baseAddress!, pattern.count) == 0 { return position }
                    offset = position + 1
                }
                return nil
            }
        }
    }

    /// Whether every line is in `bytes` as a line of its own (spaces around it aside).
    static func containsLines(_ lines: [Int: String], in bytes: [UInt8]) -> Bool {
        lines.values.allSatisfy { line in
            let needle = Array(line.utf8)
            guard !needle.isEmpty else { return false }
            var from = 0
            while let found = Self.search(needle, in: bytes, from: from) {
                let range = found..<found + needle.count
                let before = bytes[..<range.lowerBound].reversed().prefix { $0 == 32 || $0 == 9 }.count
                let after = bytes[range.upperBound...].prefix { $0 == 32 || $0 == 9 || $0 == 13 }.count
                let startsLine = range.lowerBound - before == 0 || bytes[range.lowerBound - before - 1] == 10
                let endsLine = range.upperBound + after == bytes.count || bytes[range.upperBound + after] == 10
                if startsLine && endsLine { return true }
                from = range.lowerBound + 1
            }
            return false
        }
    }

    private struct Back {
        /// A parent with the same version: nothing changed here, go on there.
        var sameParent: ObjectID?
        var firstParent: ObjectID?
        var parentVersion: ObjectID?
        var parentPath: String
        var isBoundary = false
    }

    private func previousVersion(of commit: ObjectID, version: ObjectID, path: String) throws -> Back {
        let repository = context.repository
        let links = try repository.links(of: commit)
        if context.isShallowBoundary(commit) || links.parents.isEmpty {
            return Back(parentPath: path, isBoundary: context.isShallowBoundary(commit))
        }
        let trees = try links.parents.map { try repository.tree(repository.links(of: $0).tree) }
        if let same = trees.firstIndex(where: { $0.entry(at: path)?.id == version }) {
            return Back(sameParent: links.parents[same], parentPath: path)
        }
        if let entry = trees[0].entry(at: path) {
            return Back(firstParent: links.parents[0], parentVersion: entry.id, parentPath: path)
        }
        // Not there before: renamed here, or added.
        let changes = try context.selection.documentChanges(from: trees[0], to: try repository.tree(links.tree))
        if let renamed = changes.first(where: { $0.status == .renamed && $0.newPath == path }), let oldPath = renamed.oldPath {
            return Back(firstParent: links.parents[0], parentVersion: renamed.oldID, parentPath: oldPath)
        }
        return Back(firstParent: links.parents[0], parentPath: path)
    }

    static func isGiven(_ item: DocumentSnapshot.Item) -> Bool { item.isApproval && item.state == .done }

    /// Whether a section's heading names the role (`Security` for a section `Security review`).
    static func names(_ section: String, role: String) -> Bool {
        let sectionWords = Set(ApprovalRecord.folded(section).split { !$0.isLetter && !$0.isNumber })
        let roleWords = ApprovalRecord.folded(role).split { !$0.isLetter && !$0.isNumber }
        return !roleWords.isEmpty && roleWords.allSatisfy(sectionWords.contains)
    }

    private static let substantiveKinds: Set<HistoryEvent.Kind> = [.itemAdded, .itemRemoved, .itemEdited, .unchecked, .deadlineChanged, .placeholderAdded]

    /// The diff's events that change what approvals approve; approvals changing are not among them.
    static func substantiveChanges(_ diff: SnapshotDiff, old: DocumentSnapshot, new: DocumentSnapshot) -> [SubstantiveChange] {
        diff.events.compactMap { event in
            guard substantiveKinds.contains(event.kind), let line = event.line else { return nil }
            let side = event.kind == .itemRemoved ? old : new
            if let item = side.items.first(where: { $0.line == line && $0.text == event.item }), item.isApproval { return nil }
            return SubstantiveChange(origin: nil, kind: event.kind, item: event.item ?? "", section: side.section(ofLine: line))
        }
    }
}
