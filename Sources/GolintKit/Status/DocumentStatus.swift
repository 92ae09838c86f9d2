import Foundation

/// Done, open, cancelled and overdue deliverables of a document, a workstream or the launch.
public struct DeliverableCounts: Sendable, Equatable {
    public internal(set) var total = 0
    public internal(set) var done = 0
    public internal(set) var open = 0
    public internal(set) var cancelled = 0
    /// Open and past its deadline: `check` reports each (overdue-item, or missing-signature for an approval).
    public internal(set) var overdue = 0

    /// The deliverables to be done: cancelled ones are not.
    public var toDo: Int { total - cancelled }

    /// Done of those to be done, in whole percent (100 when nothing is to be done).
    public var percentDone: Int { toDo == 0 ? 100 : done * 100 / toDo }

    mutating func count(_ state: Deliverable.State, overdue isOverdue: Bool) {
        total += 1
        switch state {
        case .done: done += 1
        case .open: open += 1
        case .cancelled: cancelled += 1
        }
        if isOverdue { overdue += 1 }
    }

    static func + (lhs: DeliverableCounts, rhs: DeliverableCounts) -> DeliverableCounts {
        DeliverableCounts(total: lhs.total + rhs.total, done: lhs.done + rhs.done, open: lhs.open + rhs.open,
                          cancelled: lhs.cancelled + rhs.cancelled, overdue: lhs.overdue + rhs.overdue)
    }
}

/// Given and verified approvals among a document's deliverables.
public struct ApprovalCounts: Sendable, Equatable {
    public internal(set) var total = 0
    public internal(set) var given = 0
    /// Given by an approver of the role, as named, with a good signature (only when verification is configured).
    public internal(set) var verified = 0

    static func + (lhs: ApprovalCounts, rhs: ApprovalCounts) -> ApprovalCounts {
        ApprovalCounts(total: lhs.total + rhs.total, given: lhs.given + rhs.given, verified: lhs.verified + rhs.verified)
    }
}

/// The open deliverable whose deadline comes next.
public struct UpcomingDeadline: Sendable, Equatable {
    public let item: String
    public let path: String
    public let line: Int
    public let deadline: Deadline
}

/// An open deliverable past its deadline, with whom it belongs to.
public struct OverdueDeliverable: Sendable, Equatable {
    public let item: String
    public let owner: String?
    public let path: String
    public let line: Int
    public let deadline: Deadline
}

/// One approval of a document: its role, and whether, by whom and when it was given.
public struct ApprovalStatus: Sendable, Equatable {
    public enum Standing: String, Sendable {
        /// Not given yet.
        case open
        /// Given; verification is not configured or did not run (a pending change).
        case given
        /// Given by an approver of the role, as named, with a good signature.
        case verified
        /// Given, but not by an approver, not by the one named, or without a good signature.
        case unverified
        /// Given, then what it approves changed.
        case stale
    }

    public let role: String
    public let item: String
    public let line: Int
    public let signer: String?
    public let signedOn: String?
    public let standing: Standing
    /// The commit that gave it, its author and time, when history was read.
    public let commit: String?
    public let author: String?
    public let time: Date?
    /// Why it is not verified, or what made it stale.
    public let remark: String?
}

/// An open deliverable, dated or an approval still to give: what `golint agenda` lists.
public struct OpenDeliverable: Sendable, Equatable {
    public let item: String
    /// Its owner, or for an approval the role that gives it.
    public let owner: String?
    public let path: String
    public let line: Int
    public let deadline: Deadline?
    public let isApproval: Bool
    /// `check` reports it as overdue.
    public let isOverdue: Bool
}

/// A section with deliverables: a workstream of the plan.
public struct WorkstreamStatus: Sendable, Equatable {
    public let name: String
    public let line: Int
    public let deliverables: DeliverableCounts
    public let nextDeadline: UpcomingDeadline?
}

/// Where one document stands: `golint status` per document, built from its plan and the findings
/// `check` kept for it, so that the numbers are check's.
public struct DocumentStatus: Sendable, Equatable {
    public let path: String
    public let deliverables: DeliverableCounts
    public let approvals: ApprovalCounts
    public let approvalList: [ApprovalStatus]
    /// Placeholders `check` reports (placeholder findings kept after suppressions).
    public let placeholders: [Placeholder]
    public let overdue: [OverdueDeliverable]
    /// Every open deliverable that has a deadline or is an approval, in document order.
    public let openDeliverables: [OpenDeliverable]
    public let nextDeadline: UpcomingDeadline?
    public let workstreams: [WorkstreamStatus]
    /// The document's T-0, if it names one.
    public let launch: Anchor?
    /// The distinct deadlines its deliverables have, earliest first.
    public let deadlines: [Deadline]
    /// Whether golint could not read it (binary, too large, unreadable): its counts say nothing.
    public let isUnread: Bool

    /// Whether its approvals were verified against history (roles or signatures configured).
    public var isVerifying: Bool { approvalList.contains { $0.standing == .verified || $0.standing == .unverified } }

    /// Rules whose findings at a deliverable's line mean it is overdue, when they carry a deadline.
    static let overdueRules = Set(RuleRegistry.rules.map { $0.description }.filter { $0.marksOverdue }.map { $0.id })

    init(plan: Plan, findings: [Finding], approvals records: [ApprovalRecord]?, now: Date) {
        path = plan.path
        launch = plan.launch
        isUnread = plan.document.source.isUnchecked
        let overdueLines = Set(findings.filter { $0.deadline != nil && Self.overdueRules.contains($0.rule) }.map(\.line))
        let placeholderLines = Set(findings.filter { $0.rule == PlaceholderRule.description.id }.map(\.line))
        placeholders = plan.placeholders.filter { placeholderLines.contains($0.line) }
        var counts = DeliverableCounts(), approvalCounts = ApprovalCounts()
        // By section index: a plan has few sections, and most deliverables share theirs with the one before.
        let sectionCount = plan.document.sections.count
        var sectionCounts = [DeliverableCounts?](repeating: nil, count: sectionCount)
        var sectionNext = [UpcomingDeadline?](repeating: nil, count: sectionCount)
        var sectionOrder: [Int] = []
        var overdue: [OverdueDeliverable] = [], approvalList: [ApprovalStatus] = [], open: [OpenDeliverable] = []
        var next: UpcomingDeadline?
        var deadlines: [Date: Deadline] = [:]
        let recordsByLine = Dictionary((records ?? []).map { ($0.line, $0) }, uniquingKeysWith: { first, _ in first })
        for deliverable in plan.deliverables {
            let section = deliverable.section
            let isOverdue = deliverable.isOpen && overdueLines.contains(deliverable.line)
            counts.count(deliverable.state, overdue: isOverdue)
            if sectionCounts[section] == nil {
                sectionOrder.append(section)
                sectionCounts[section] = DeliverableCounts()
            }
            sectionCounts[section]!.count(deliverable.state, overdue: isOverdue)
            if deliverable.isOpen, deliverable.deadline != nil || deliverable.isApproval {
                open.append(OpenDeliverable(item: deliverable.title, owner: deliverable.role ?? deliverable.owner, path: plan.path,
                                            line: deliverable.line, deadline: deliverable.deadline, isApproval: deliverable.isApproval,
                                            isOverdue: isOverdue))
            }
            if let deadline = deliverable.deadline {
                if deadlines[deadline.instant] == nil { deadlines[deadline.instant] = deadline }
                if isOverdue {
                    overdue.append(OverdueDeliverable(item: deliverable.title, owner: deliverable.owner, path: plan.path,
                                                      line: deliverable.line, deadline: deadline))
                } else if deliverable.isOpen, !deadline.hasPassed(at: now),
                          sectionNext[section].map({ deadline.instant < $0.deadline.instant }) ?? true {
                    let upcoming = UpcomingDeadline(item: deliverable.title, path: plan.path, line: deliverable.line, deadline: deadline)
                    sectionNext[section] = upcoming
                    if next.map({ deadline.instant < $0.deadline.instant }) ?? true { next = upcoming }
                }
            }
            guard let role = deliverable.role else { continue }
            approvalCounts.total += 1
            let given = deliverable.state == .done
            if given { approvalCounts.given += 1 }
            let approval = Self.approval(deliverable, role: role, given: given, record: given ? recordsByLine[deliverable.line] : nil)
            if approval.standing == .verified { approvalCounts.verified += 1 }
            approvalList.append(approval)
        }
        self.deadlines = deadlines.values.sorted { $0.instant < $1.instant }
        deliverables = counts
        approvals = approvalCounts
        self.approvalList = approvalList
        self.overdue = overdue
        openDeliverables = open
        nextDeadline = next
        workstreams = sectionOrder.map { index in
            let heading = plan.document.sections[index].heading
            return WorkstreamStatus(name: heading?.text ?? plan.path, line: heading?.line ?? 1,
                                    deliverables: sectionCounts[index]!, nextDeadline: sectionNext[index])
        }
    }

    private static func approval(_ deliverable: Deliverable, role: String, given: Bool, record: ApprovalRecord?) -> ApprovalStatus {
        var standing: ApprovalStatus.Standing = given ? .given : .open
        var remark: String?
        if let record {
            if let stale = record.staleBy {
                standing = .stale
                remark = stale.description
            } else if record.approvers != nil || record.signatureRequired {
                standing = record.verified ? .verified : .unverified
                if !record.isAuthorized {
                    remark = "\(record.origin.author.email) is not an approver of \(record.approvers?.role ?? role)"
                } else if !record.identityMatches {
                    remark = "names \(record.signer ?? "someone else"), given by \(record.origin.author.name)"
                } else if !record.hasGoodSignature {
                    remark = record.origin.signature.map { $0.reason ?? "signature \($0.status.rawValue)" } ?? "not signed yet"
                }
            }
        }
        return ApprovalStatus(role: role, item: deliverable.title, line: deliverable.line, signer: deliverable.signer,
                              signedOn: deliverable.signedOn, standing: standing,
                              commit: record?.origin.commit?.id.description, author: record?.origin.author.description,
                              time: record?.origin.commit?.author.time, remark: remark)
    }
}
