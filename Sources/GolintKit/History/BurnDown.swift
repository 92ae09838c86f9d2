import Foundation

/// Open deliverables of each document after every commit that changed it: the report's burn-down,
/// read off the records history made of each commit.
enum BurnDown {
    struct Point: Equatable {
        let time: Date
        let commit: String
        let open: Int
    }

    /// The series of each document under its newest name: a renamed document's earlier points come along.
    static func series(of records: [CommitRecord]) -> [String: [Point]] {
        var result: [String: [Point]] = [:]
        for record in records {
            for work in record.openWork {
                result[work.path, default: []].append(Point(time: record.committerTime, commit: record.commit.description, open: work.open))
            }
            for event in record.events where event.kind == .documentRenamed {
                guard let old = event.before, let new = event.after, let earlier = result.removeValue(forKey: old) else { continue }
                result[new] = earlier + (result[new] ?? [])
            }
        }
        return result.mapValues { $0.sorted { $0.time < $1.time } }
    }
}
