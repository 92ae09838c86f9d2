import Foundation
import GolintGit

/// The cached records of one context: read once at the start of a walk, written back once at its
/// end when the walk computed anything new.
final class CachedTrail {
    let path: String
    private let key: [UInt8]
    private var records: [ObjectID: CommitRecord] = [:]
    private var order: [ObjectID] = []
    private var added = 0
    private(set) var hits = 0

    init(cache: HistoryCache, key: [UInt8]) {
        self.key = key
        path = cache.trails + "/" + key.prefix(16).hexadecimal + ".trail"
        // A missing, short, foreign or damaged file is no cache: its commits are computed again.
        guard let data = FileManager.default.contents(atPath: path),
              let stored = TrailArchive.decode([UInt8](data), key: key) else { return }
        for record in stored where records.updateValue(record, forKey: record.commit) == nil { order.append(record.commit) }
    }

    func record(_ commit: ObjectID) -> CommitRecord? {
        let record = records[commit]
        if record != nil { hits += 1 }
        return record
    }

    func add(_ record: CommitRecord) {
        guard record.isRepeatable, records.updateValue(record, forKey: record.commit) == nil else { return }
        order.append(record.commit)
        added += 1
    }

    /// Writes the trail when this walk added to it; a failure is returned as a note, not thrown:
    /// the history itself is complete either way.
    func save() -> String? {
        guard added > 0 else { return nil }
        let bytes = TrailArchive.encode(order.compactMap { records[$0] }, key: key)
        do {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            let stage = try StagedFile(beside: path)
            defer { stage.discard() }
            try stage.write(bytes)
            try stage.replace(path)
            added = 0
            return nil
        } catch let error as ReportFiles.WriteError {
            return "history cache not written: \(path): \(error.reason)"
        } catch {
            return "history cache not written: \(path): \((error as NSError).localizedFailureReason ?? error.localizedDescription)"
        }
    }
}
