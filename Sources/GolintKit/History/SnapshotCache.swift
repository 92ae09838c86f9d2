import GolintGit

/// Parsed versions by blob id, so a version shared by several commits (branches, reverts) is parsed
/// once. Bounded: history's memory must not grow with the number of commits.
final class SnapshotCache {
    private var entries: [ObjectID: DocumentSnapshot] = [:]
    private var order: [ObjectID] = []
    private var next = 0
    let capacity: Int

    init(capacity: Int = 1024) { self.capacity = capacity }

    func snapshot(_ id: ObjectID, path: String, repository: Repository, configuration: Configuration) throws -> DocumentSnapshot {
        if let cached = entries[id] { return cached }
        let snapshot = try DocumentSnapshot(bytes: try repository.blob(id), path: path, configuration: configuration)
        insert(snapshot, for: id)
        return snapshot
    }

    func contains(_ id: ObjectID) -> Bool { entries[id] != nil }

    func insert(_ snapshot: DocumentSnapshot, for id: ObjectID) {
        guard entries[id] == nil else { return }
        if order.count < capacity {
            order.append(id)
        } else {
            entries[order[next]] = nil
            order[next] = id
            next = (next + 1) % capacity
        }
        entries[id] = snapshot
    }
}
