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
        var walk: ApprovalWalk
        /// The version the walk stands on, and its path.
        var path: String
        var version: ObjectID?
        var origins: [Int: ApprovalOrigin] = [:]
        /// Where the commit walk has got to for this document, ahead of `version`: the steps it
        /// found that are still to be read.
        var plannedPath: String
        var plannedVersion: ObjectID?
        var steps: [Step] = []

        init(_ request: Request, scope: SignoffVerification.StaleScope, reviewsAuthors: Bool) {
            walk = ApprovalWalk(current: request.current, scope: scope, reviewsAuthors: reviewsAuthors)
            path = request.path
            version = request.version
            plannedPath = request.path
            plannedVersion = request.version
        }

        var isActive: Bool { !walk.isDone && version != nil }

        /// Whether a change by `author` must be read in full: it may be one an approval under
        /// review approves, made by its own approver.
        func reviews(_ author: Identity) -> Bool {
            walk.reviewing.keys.contains { origins[$0]?.author.isSamePerson(as: author) == true }
        }

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
            if walk.isReviewing { walk.endSelfApprovedReviews { self.origins[$0]?.author } }
        }
    }

    /// The records of each request, in order. `start` is the commit the walk starts from (nil: no
    /// commit yet); with `pending`, the evaluated snapshots are a pending change on top of it.
    func records(_ requests: [Request], start: ObjectID?, pending: Bool) throws -> [[ApprovalRecord]] {
        let verification = context.trust.verification
        func traced(_ order: RevisionWalk.Order) throws -> [Trace] {
            let traces = requests.map { Trace($0, scope: verification.staleScope, reviewsAuthors: verification.separation) }
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
                var record = ApprovalRecord(line: item.line, column: item.column, text: item.text, role: item.role ?? item.text,
                                            signer: item.signer, origin: origin, approvers: verification.approvers(of: item.role ?? item.text),
                                            staleBy: trace.walk.staleness[index] ?? nil, signatureRequired: verification.requireSignedCommits)
                record.amends = trace.walk.amended[index]
                record.selfApproval = trace.walk.selfApproval(index, by: origin.author)
                return record
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
        let screenable = try !trace.walk.isReviewing || !trace.reviews(context.identity(of: context.repository.commit(step.commit)))
        if trace.walk.lineKeys != nil, screenable,
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

    static func isGiven(_ item: DocumentSnapshot.Item) -> Bool { item.isApproval && item.state == .done }

    /// The diff's changes to what approvals approve.
    static func substantiveChanges(_ diff: SnapshotDiff) -> [SubstantiveChange] {
        diff.events.compactMap { event in
            event.substance.map { SubstantiveChange(origin: nil, kind: event.kind, item: event.item ?? "", section: $0) }
        }
    }
}
