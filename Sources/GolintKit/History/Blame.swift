import Foundation
import GolintGit

/// Who last changed the state of each task item and sign-off in a document.
public struct BlameEntry: Sendable, Equatable {
    public let line: Int
    public let text: String
    public let checked: Bool
    public let isApproval: Bool
    public let signed: Bool
    /// The event that last set this state: item-added, checked, unchecked, signed, signature-removed.
    public let lastChange: HistoryEvent
    /// A shallow clone ends at `lastChange`'s commit: the state is at least that old.
    public let beforeShallowBoundary: Bool
}

extension HistoryWalker {
    /// Blames the items of `path` as of `revision`, following the document through renames.
    public func blame(path: String, revision: String) throws -> [BlameEntry] {
        try reportingGitErrors { try blameItems(path: path, revision: revision) }
    }

    private static func key(_ event: HistoryEvent) -> String {
        "\(event.commit) \(event.path) \(event.line ?? 0) \(event.kind.rawValue) \(event.item ?? "")"
    }

    private func blameItems(path: String, revision: String) throws -> [BlameEntry] {
        let commit = try repository.commit(revision)
        guard let entry = try repository.tree(commit.treeID).entry(at: path) else {
            throw GolintError.usage("\(path): no such document at \(revision)")
        }
        guard configuration.isDocument(path) else { throw GolintError.usage("\(path) is not a document (see include/exclude)") }
        var options = HistoryOptions()
        options.until = revision
        let provenance = ItemProvenance()
        let events = try walk(options, observer: provenance).events
        // The approval events as history marked them: stale or not.
        var stale: [String: Bool] = [:]
        for event in events where event.stale != nil { stale[Self.key(event)] = event.stale }
        let snapshot = try store.snapshot(entry.id, path)
        guard let origins = provenance.origins[entry.id] else { return [] }
        return zip(snapshot.items, origins).map { item, origin in
            var change = origin.event
            if change.approval != nil { change.stale = stale[Self.key(change)] ?? false }
            return BlameEntry(line: item.line, text: item.text, checked: item.checked, isApproval: item.isApproval,
                              signed: item.signed, lastChange: change, beforeShallowBoundary: origin.beforeShallowBoundary)
        }
    }
}
