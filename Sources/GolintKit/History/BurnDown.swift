import Foundation

/// Open deliverables of each document after every commit that changed it: the report's burn-down,
/// read off the record history makes of each commit, one commit at a time.
struct BurnDown {
    struct Point: Equatable {
        let time: Date
        let commit: String
        let open: Int
    }

    private var points: [String: [Point]] = [:]

    /// Adds a commit's points; a renamed document's earlier points go with it to its new name.
    mutating func add(_ record: CommitRecord) {
        if !record.openWork.isEmpty {
            let commit = record.commit.description
            for work in record.openWork {
                points[work.path, default: []].append(Point(time: record.committerTime, commit: commit, open: work.open))
            }
        }
        for event in record.events where event.kind == .documentRenamed {
            guard let old = event.before, let new = event.after, let earlier = points.removeValue(forKey: old) else { continue }
            points[new] = earlier + (points[new] ?? [])
        }
    }

    /// Each document's points, oldest first.
    var series: [String: [Point]] {
        points.mapValues { $0.sorted { $0.time < $1.time } }
    }
}
