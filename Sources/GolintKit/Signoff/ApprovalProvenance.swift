import Foundation
import GolintGit

/// Finds, for every given approval of the evaluated documents, the change that gave it: one walk
/// back through history from the evaluated commit, newest first, that reads each commit's document
/// changes once and stops as soon as every approval of every document is found. On the way it
/// notes each document's substantive changes, to tell which approvals are stale.
///
/// A document's version is followed to the commit that introduced it: not a merge that took it
/// as it was from another parent (the walk meets the branch commit that made it), through renames,
/// to a shallow clone's boundary.
struct ApprovalProvenance {
    let context: SignoffContext

    /// A document to trace: its evaluated snapshot and its version at the commit the walk starts from.
    struct Request {
        let path: String
        let current: DocumentSnapshot
        /// nil when the document is not in the start commit (new in a pending change).
        let version: ObjectID?
    }

    /// A change to a document's version found by the commit walk: `commit` made the version the
    /// trace stands on from `parentVersion` (nil: the document starts there).
    private struct Step {
        let parentVersion: ObjectID?
        let parentPath: String
        let commit: ObjectID
        let boundary: Bool
    }

    /// One document's walk through the shared history walk.
    private final class Trace {
        var walk: Walk
        /// The version the walk stands on, and its path.
        var path: String
        var version: ObjectID?
        var origins: [Int: ApprovalOrigin] = [:]
        /// Where the commit walk has got to for this document, ahead of `version`: the steps it
        /// found that are still to be read.
        var plannedPath: String
        var plannedVersion: ObjectID?
        var steps: [Step] = []

        init(_ request: Request, scope: SignoffVerification.StaleScope) {
            walk = Walk(current: request.current, scope: scope)
            path = request.path
            version = request.version
            plannedPath = request.path
            plannedVersion = request.version
        }

        var isActive: Bool { !walk.isDone && version != nil }

        func plan(_ step: Step) {
            steps.append(step)
            plannedVersion = step.parentVersion
            plannedPath = step.parentPath
        }

        func credit(_ found: [Int], to origin: () throws -> ApprovalOrigin) rethrows {
            guard !found.isEmpty || walk.unattributed else { return }
            let origin = try origin()
            for index in found { origins[index] = origin }
            if walk.unattributed { walk.attribute(origin) }
        }
    }

    /// The records of each request, in order. `start` is the commit the walk starts from (nil: no
    /// commit yet); with `pending`, the evaluated snapshots are a pending change on top of it.
    func records(_ requests: [Request], start: ObjectID?, pending: Bool) throws -> [[ApprovalRecord]] {
        let verification = context.trust.verification
        func traced(_ order: RevisionWalk.Order) throws -> [Trace] {
            let traces = requests.map { Trace($0, scope: verification.staleScope) }
            if pending {
                for (trace, request) in zip(traces, requests) where !trace.walk.isDone {
                    let parent = try request.version.map { try context.store.snapshot($0, request.path, near: request.current) }
                    trace.credit(trace.walk.step(to: parent)) { context.pendingOrigin }
                }
            }
            if let start { try walk(traces, from: start, order: order) }
            return traces
        }
        let traces: [Trace]
        do {
            traces = try traced(.committerTime)
        } catch is RevisionWalk.OutOfOrder {
            // Clock skew: a parent is newer than its child. Walk again in an order that does not rely on time.
            traces = try traced(.topological)
        }
        return zip(traces, requests).map { trace, request in
            trace.walk.staleness.keys.sorted().compactMap { index in
                guard let origin = trace.origins[index] else { return nil }
                let item = request.current.items[index]
                return ApprovalRecord(line: item.line, column: item.column, text: item.text, role: item.role ?? item.text, signer: item.signer,
                                      origin: origin, approvers: verification.approvers(of: item.role ?? item.text),
                                      staleBy: trace.walk.staleness[index] ?? nil, signatureRequired: verification.requireSignedCommits)
            }
        }
    }

    /// Commits are read in stretches on this thread (cheap: which documents each one changed);
    /// then each document's changes of the stretch are read on all cores (screened or parsed), and
    /// the documents whose approvals are all found drop out.
    private func walk(_ traces: [Trace], from start: ObjectID, order: RevisionWalk.Order) throws {
        let repository = context.repository
        var active = traces.filter(\.isActive)
        let commits = try RevisionWalk(repository, from: start, order: order)
        var exhausted = false
        while !active.isEmpty && !exhausted {
            var read = 0
            while read < 256 {
                guard let id = try commits.next() else {
                    exhausted = true
                    break
                }
                read += 1
                try plan(id, active.filter { $0.plannedVersion != nil })
            }
            let working = active.filter { !$0.steps.isEmpty }
            let trust = context.trust, location = repository.location, configuration = context.store.configuration
            let results = try Parallel.map(count: working.count, maxWorkers: 8, context: {
                try SignoffContext(trust: trust, repository: Repository(location), configuration: configuration)
            }) { context, index in
                let trace = working[index]
                for step in trace.steps where !trace.walk.isDone { try Self.advance(trace, step, context) }
                trace.steps.removeAll()
            }
            for result in results { try result.get() }
            active.removeAll { !$0.isActive }
        }
    }

    /// Which active documents' versions `id` made, as steps for their traces.
    private func plan(_ id: ObjectID, _ traces: [Trace]) throws {
        guard !traces.isEmpty else { return }
        let repository = context.repository
        let links = try repository.links(of: id)
        let tree = try repository.tree(links.tree)
        if context.isShallowBoundary(id) || links.parents.isEmpty {
            // What this commit holds it did not get from a parent in this clone.
            for trace in traces where tree.entry(at: trace.plannedPath)?.id == trace.plannedVersion {
                trace.plan(Step(parentVersion: nil, parentPath: trace.plannedPath, commit: id, boundary: context.isShallowBoundary(id)))
            }
            return
        }
        let firstParent = try repository.tree(repository.links(of: links.parents[0]).tree)
        for change in try context.selection.documentChanges(from: firstParent, to: tree) {
            guard let path = change.newPath, let version = change.newID else { continue }
            for trace in traces where trace.plannedPath == path && trace.plannedVersion == version {
                // Taken as it was from another parent: the branch commit that made it comes later.
                let fromBranch = try links.parents.dropFirst().contains { try repository.tree(repository.links(of: $0).tree).entry(at: path)?.id == version }
                if !fromBranch {
                    trace.plan(Step(parentVersion: change.status == .added ? nil : change.oldID, parentPath: change.oldPath ?? path, commit: id, boundary: false))
                }
            }
        }
    }

    /// One step of a document back to its previous version.
    private static func advance(_ trace: Trace, _ step: Step, _ context: SignoffContext) throws {
        // Who made the change is read only if it gave an approval or changed what one approves.
        let origin = { try context.origin(context.repository.commit(step.commit), beforeShallowBoundary: step.boundary) }
        guard let parentVersion = step.parentVersion, try !context.store.isTooLarge(parentVersion) else {
            try trace.credit(trace.walk.step(to: nil), to: origin)
            trace.version = nil
            return
        }
        // Once staleness is settled, versions are screened by their lines; parsed only where that cannot tell.
        if trace.walk.lineKeys != nil,
           let found = try trace.walk.screen(context.repository.blob(parentVersion), configuration: context.store.configuration) {
            try trace.credit(found, to: origin)
        } else {
            if trace.walk.child == nil, let version = trace.version {
                try trace.credit(trace.walk.resume(try context.store.snapshot(version, trace.path)), to: origin)
            }
            try trace.credit(trace.walk.step(to: try context.store.snapshot(parentVersion, step.parentPath, near: trace.walk.child!)), to: origin)
        }
        trace.version = parentVersion
        trace.path = step.parentPath
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
            if let parent { changes += ApprovalProvenance.substantiveChanges(diff) }
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

    static func isGiven(_ item: DocumentSnapshot.Item) -> Bool { item.isApproval && item.state == .done }

    /// Whether a section's heading names the role (`Security` for a section `Security review`).
    static func names(_ section: String, role: String) -> Bool {
        let sectionWords = Set(ApprovalRecord.folded(section).split { !$0.isLetter && !$0.isNumber })
        let roleWords = ApprovalRecord.folded(role).split { !$0.isLetter && !$0.isNumber }
        return !roleWords.isEmpty && roleWords.allSatisfy(sectionWords.contains)
    }

    /// The diff's changes to what approvals approve.
    static func substantiveChanges(_ diff: SnapshotDiff) -> [SubstantiveChange] {
        diff.events.compactMap { event in
            event.substance.map { SubstantiveChange(origin: nil, kind: event.kind, item: event.item ?? "", section: $0) }
        }
    }
}
