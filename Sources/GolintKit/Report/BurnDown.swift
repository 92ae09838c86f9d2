import Foundation
import GolintGit

/// Open deliverables of each document after every commit that changed it: the report's burn-down.
/// Observes the event builder while history walks, so each version is read off the plan history parsed.
final class BurnDown: EventObserver {
    struct Point: Equatable {
        let time: Date
        let commit: String
        let open: Int
    }

    private(set) var series: [String: [Point]] = [:]

    func hasSeen(_ version: ObjectID) -> Bool { false }

    func described(_ diff: SnapshotDiff, old: ObjectID?, new: ObjectID, after: DocumentSnapshot, path: String,
                   commit: CommitInfo, sides: [ObjectID], builder: EventBuilder) throws {
        series[path, default: []].append(Point(time: commit.committer.time, commit: commit.id.description,
                                               open: after.items.count { $0.state == .open }))
    }

    /// The series of each document under its newest name: a renamed document's earlier points come along.
    func following(renames events: [HistoryEvent]) -> [String: [Point]] {
        var result = series
        for event in events where event.kind == .documentRenamed {
            guard let old = event.before, let new = event.after, let earlier = result.removeValue(forKey: old) else { continue }
            result[new] = earlier + (result[new] ?? [])
        }
        return result.mapValues { $0.sorted { $0.time < $1.time } }
    }
}
