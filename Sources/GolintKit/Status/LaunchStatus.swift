import Foundation

/// Where a launch stands over all its documents: what `golint status` prints and `report` opens with.
public struct LaunchStatus: Sendable {
    public let source: String
    public let commit: String?
    public let evaluatedAt: Date
    public let evaluationZone: TimeZone
    public let documents: [DocumentStatus]

    public var deliverables: DeliverableCounts { documents.reduce(DeliverableCounts()) { $0 + $1.deliverables } }
    public var approvals: ApprovalCounts { documents.reduce(ApprovalCounts()) { $0 + $1.approvals } }
    public var placeholders: Int { documents.reduce(0) { $0 + $1.placeholders.count } }
    public var overdue: [OverdueDeliverable] { documents.flatMap(\.overdue) }
    /// Whether approvals were verified against history (signoff roles configured).
    public var isVerifying: Bool { documents.contains(where: \.isVerifying) }

    public var nextDeadline: UpcomingDeadline? {
        documents.compactMap(\.nextDeadline).min { $0.deadline.instant < $1.deadline.instant }
    }

    /// T-0: the moment most documents name (the earliest of equals).
    public var launch: Anchor? {
        let anchors = documents.compactMap(\.launch)
        let counts = Dictionary(anchors.map { ($0.instant, 1) }, uniquingKeysWith: +)
        return anchors.min { (-counts[$0.instant]!, $0.instant) < (-counts[$1.instant]!, $1.instant) }
    }

    /// Nothing overdue, every approval given, no placeholder left.
    public var isReady: Bool { deliverables.overdue == 0 && approvals.given == approvals.total && placeholders == 0 }

    /// Overdue deliverables by owner, the most first; unowned ones last.
    public var overdueByOwner: [(owner: String?, items: [OverdueDeliverable])] { LaunchStatus.grouped(overdue) }

    /// `Go-live 2026-03-06 10:00 +01:00 in 2 d 4 h: 41/68 done, 5 overdue, 3/5 approvals, 5 placeholders`
    public var readiness: String { "\(readinessMoment): \(readinessCounts)" }

    /// `Go-live 2026-03-06 10:00 +01:00 in 2 d 4 h`, or `Launch` when no document names T-0.
    public var readinessMoment: String {
        launch.map { anchor in
            let left = TimeLeft.until(anchor.instant, from: evaluatedAt, pastWord: "ago")
            return "Go-live \(TimeLeft.moment(anchor.instant, in: anchor.timeZone))\(anchor.instant < evaluatedAt ? "," : "") \(left)"
        } ?? "Launch"
    }

    /// `41/68 done, 5 overdue, 3/5 approvals, 5 placeholders`: cancelled deliverables are not to be done.
    public var readinessCounts: String {
        let counts = deliverables, approvals = approvals
        var parts = ["\(counts.done)/\(counts.toDo) done", "\(counts.overdue) overdue",
                     "\(approvals.given)/\(approvals.total) approvals"]
        if isVerifying { parts[2] += " (\(approvals.verified) verified)" }
        parts.append("\(placeholders) placeholder\(placeholders == 1 ? "" : "s")")
        return parts.joined(separator: ", ")
    }

    /// Overdue deliverables by owner, the most first; unowned ones last.
    static func grouped(_ overdue: [OverdueDeliverable]) -> [(owner: String?, items: [OverdueDeliverable])] {
        let groups = Dictionary(grouping: overdue) { $0.owner }
        return groups.map { (owner: $0.key, items: $0.value) }
            .sorted { ($0.owner == nil ? 1 : 0, -$0.items.count, $0.owner ?? "") < ($1.owner == nil ? 1 : 0, -$1.items.count, $1.owner ?? "") }
    }
}
