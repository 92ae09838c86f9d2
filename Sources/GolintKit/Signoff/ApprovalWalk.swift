import GolintGit

/// The state of one document's walk: the approvals still looked for, by their index in the
/// version last parsed (`child`), and the substantive changes met on the way, newest first.
///
/// With separation of duties, the walk goes on past each approval to the previous approval of its
/// role (or the document's start): the substantive changes on the way are what it approves, and
/// their authors are not to be its approver.
struct ApprovalWalk {
    let current: DocumentSnapshot
    let scope: SignoffVerification.StaleScope
    /// The changes an approval approves are looked for (`signoff.separation`).
    let reviewsAuthors: Bool
    var tracked: [Int: Int] = [:]
    /// The version the walk stands on, parsed; nil while versions are only screened by their lines.
    var child: DocumentSnapshot?
    /// While screening: the exact line of each approval looked for.
    var lineKeys: [Int: String]?
    var changes: [SubstantiveChange] = []
    /// The approvals found, each with the newest substantive change after it within its scope.
    var staleness: [Int: SubstantiveChange?] = [:]
    /// Approvals whose change was to one already given: what it said before (`Security — Carol
    /// Weiss, 2026-02-27` before its date was changed). The change is the approval's provenance.
    var amended: [Int: String] = [:]
    /// Approvals found whose previous approval of the role is still looked for: where in
    /// `changes` the ones it approves begin.
    var reviewing: [Int: Int] = [:]
    /// The changes each found approval approves: a range of `changes`.
    var approved: [Int: Range<Int>] = [:]
    /// How far `changes` were looked through for the approvers' own: each change is looked at once.
    private var reviewedUpTo = 0

    init(current: DocumentSnapshot, scope: SignoffVerification.StaleScope, reviewsAuthors: Bool = false) {
        self.current = current
        self.scope = scope
        self.reviewsAuthors = reviewsAuthors
        child = current
        for (index, item) in current.items.enumerated() where ApprovalProvenance.isGiven(item) { tracked[index] = index }
        settle()
    }

    var isDone: Bool { tracked.isEmpty && reviewing.isEmpty }

    /// One step back to `parent` (nil: the document did not exist before); returns the
    /// approvals that the step gave.
    mutating func step(to parent: DocumentSnapshot?) -> [Int] {
        guard let child else { return [] }
        var given: [Int] = []
        let diff = SnapshotDiff(old: parent, new: child)
        for (evaluated, index) in tracked {
            // An approval is what it says: the commit that last changed its text (signer, date,
            // role) or its state gave it as it stands; a pure move keeps it.
            if let match = diff.matches[index], let parent, ApprovalProvenance.isGiven(parent.items[match]) {
                if parent.items[match].text == child.items[index].text {
                    tracked[evaluated] = match
                    continue
                }
                amended[evaluated] = parent.items[match].text
            }
            given.append(evaluated)
            tracked[evaluated] = nil
        }
        record(given)
        // Before the document's start (no parent), every item it started with is a change its author made.
        changes += ApprovalProvenance.substantiveChanges(diff)
        endReviews { role in parent?.items.contains { ApprovalProvenance.isGiven($0) && $0.role?.foldedForComparison == role } ?? true }
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
        for index in given {
            staleness[index] = self.staleness(of: current.items[index])
            if reviewsAuthors { reviewing[index] = changes.count }
        }
    }

    /// Ends the reviews of the approvals whose role `wasGiven` before (the previous approval is
    /// there, or the document starts): the changes met since are what each approves.
    private mutating func endReviews(_ wasGiven: (String) -> Bool) {
        for (index, start) in reviewing where wasGiven(current.items[index].role?.foldedForComparison ?? "") {
            approved[index] = start..<changes.count
            reviewing[index] = nil
        }
    }

    /// Ends the reviews that found a change by their own approver: the first is the finding, so
    /// the walk need not go further back for them.
    mutating func endSelfApprovedReviews(approver: (Int) -> Identity?) {
        for (index, start) in reviewing {
            guard let person = approver(index), firstChange(by: person, in: max(start, reviewedUpTo)..<changes.count, approvedBy: index) != nil else { continue }
            approved[index] = start..<changes.count
            reviewing[index] = nil
        }
        reviewedUpTo = changes.count
    }

    /// The changes an approval approves that its own approver made: the first within its scope
    /// (the whole document when staleness is off). nil too when the walk did not look (no separation).
    func selfApproval(_ index: Int, by approver: Identity) -> SubstantiveChange? {
        guard reviewsAuthors else { return nil }
        return firstChange(by: approver, in: approved[index] ?? (reviewing[index].map { $0..<changes.count } ?? 0..<0), approvedBy: index)
    }

    private func firstChange(by approver: Identity, in range: Range<Int>, approvedBy index: Int) -> SubstantiveChange? {
        let item = current.items[index]
        let reviewScope = scope == .off ? .document : scope
        return changes[range].first { change in
            change.origin.map { $0.author.isSamePerson(as: approver) } == true
                && reviewScope.covers(change.section, approvalIn: item.section, role: item.role ?? "")
        }
    }

    /// Approvals are still followed back to their role's previous approval.
    var isReviewing: Bool { !reviewing.isEmpty }

    /// Screens a parent version by its lines alone, without a parse. An approval whose exact
    /// line is there was given before; one written as a plain task item (`- [x] Security —
    /// Carol Weiss, 2026-02-27`) whose line is not is looked for by role and signer among the
    /// parent's plain item lines: given there (reworded) or given here. Returns the approvals
    /// given here, or nil when one cannot be told so (a sign-off form's line or row): then both
    /// versions are parsed.
    mutating func screen(_ bytes: [UInt8], configuration: Configuration) -> [Int]? {
        guard let keys = lineKeys else { return nil }
        let missing = keys.filter { !LineScreen.containsLine($0.value, in: bytes) }
        // An approval given here comes with the changes its commit made: those are read from a parse.
        if reviewsAuthors && !missing.isEmpty { return nil }
        if !reviewing.isEmpty {
            guard reviewing.keys.allSatisfy({ SnapshotDerivation.itemLine(current.items[$0].source) != nil }) else { return nil }
            // A checked line that may be an earlier approval of a role under review: only a parse tells
            // whether it is one (or a deliverable that starts with the role's name).
            let parentItems = LineScreen.checkedItemLines(bytes)
            let roles = Set(reviewing.keys.compactMap { current.items[$0].role?.foldedForComparison })
            if parentItems.contains(where: { roles.contains(ApprovalRole.inApprovalSection($0.item.text, configuration).foldedForComparison) }) {
                return nil
            }
        }
        guard !missing.isEmpty else {
            child = nil
            return []
        }
        guard missing.values.allSatisfy({ SnapshotDerivation.itemLine($0) != nil }) else { return nil }
        var given: [Int] = []
        let parentItems = LineScreen.checkedItemLines(bytes)
        for (evaluated, _) in missing {
            let item = current.items[evaluated]
            let earlier = parentItems.first { candidate in
                candidate.item.checked && ApprovalRole.inApprovalSection(candidate.item.text, configuration) == item.role
                    && ((try? Plan.signature(in: candidate.item.text, configuration)) ?? nil)?.signer == item.signer
            }
            // The same approval on a line written otherwise (another list marker, indent): given
            // before. Its text changed: given here, amending the one given before.
            if let earlier, earlier.item.text == item.text {
                lineKeys?[evaluated] = String(earlier.line)
            } else {
                if let earlier { amended[evaluated] = earlier.item.text }
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
        changes.first { scope.covers($0.section, approvalIn: item.section, role: item.role ?? "") }
    }

    /// Once every approval still looked for would be stale (or staleness is off), versions need
    /// only be screened for the approvals' lines.
    private mutating func settle() {
        guard let child, !isDone, lineKeys == nil else { return }
        let settled = tracked.keys.allSatisfy { scope == .off || staleness(of: current.items[$0]) != nil }
        if settled { lineKeys = tracked.mapValues { child.items[$0].source } }
    }
}
