import Crypto
import Foundation

/// `golint agenda`: per owner, what is overdue, what falls due within a window, and the approvals
/// still to give, at one evaluation time. Built from the same run `status` makes, so an item is
/// overdue here exactly when `check` reports it.
public struct Agenda: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case overdue
        case due
        case approval
    }

    public struct Entry: Sendable, Equatable {
        public let kind: Kind
        public let item: String
        public let owner: String
        public let path: String
        public let line: Int
        public let deadline: Deadline?
        /// Stable while the item keeps its text and document: a calendar entry's UID, a digest's key.
        public let id: String
    }

    public let source: String
    public let evaluatedAt: Date
    public let evaluationZone: TimeZone
    public let dueWithin: TimeInterval
    /// Overdue first (most late first), then due (soonest first), then approvals; owners by name.
    public private(set) var entries: [Entry]
    /// With a digest: entries of the last run that are no longer on the agenda (done, or gone).
    public var settled: [Entry] = []
    /// Only what changed since the last run is listed.
    public var sinceDigest = false

    /// The owners, in the order they are listed.
    public var owners: [String] { entries.map(\.owner).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } } }

    /// Owners the status does not name: the deliverable's own owner, its section's, or an approval's role.
    public static let unassigned = "unassigned"

    public init(status: LaunchStatus, dueWithin: TimeInterval, owners filter: Set<String>? = nil) {
        source = status.source
        evaluatedAt = status.evaluatedAt
        evaluationZone = status.evaluationZone
        self.dueWithin = dueWithin
        var entries: [Entry] = []
        for document in status.documents {
            for open in document.openDeliverables {
                let kind: Kind
                if open.isOverdue {
                    kind = .overdue
                } else if open.isApproval {
                    kind = .approval
                } else if let deadline = open.deadline, deadline.instant.timeIntervalSince(status.evaluatedAt) <= dueWithin {
                    kind = .due
                } else {
                    continue
                }
                let owner = open.owner ?? Self.unassigned
                if let filter, !filter.contains(owner.lowercased()) { continue }
                entries.append(Entry(kind: kind, item: open.item, owner: owner, path: open.path, line: open.line, deadline: open.deadline,
                                     id: Self.identity(path: open.path, item: open.item)))
            }
        }
        let order = Dictionary(uniqueKeysWithValues: Kind.allCases.enumerated().map { ($1, $0) })
        self.entries = entries.sorted { a, b in
            if a.owner != b.owner { return a.owner == Self.unassigned ? false : b.owner == Self.unassigned ? true : a.owner < b.owner }
            if a.kind != b.kind { return order[a.kind]! < order[b.kind]! }
            let (x, y) = (a.deadline?.instant ?? .distantFuture, b.deadline?.instant ?? .distantFuture)
            return x != y ? x < y : (a.path, a.line) < (b.path, b.line)
        }
    }

    /// `3f0c…@golint`: a digest of the document and the item's text, so that edits to other lines,
    /// and moves within the document, keep it.
    static func identity(path: String, item: String) -> String {
        let digest = SHA256.hash(data: Data((path + "\u{0}" + item).utf8))
        return digest.prefix(12).hexadecimal + "@golint"
    }

    /// Only what changed since the last run: entries new or of another kind than `digest` recorded,
    /// and, as `settled`, those it recorded that are gone.
    public func changed(since digest: AgendaDigest) -> Agenda {
        var result = self
        result.sinceDigest = true
        let current = Set(entries.map(\.id))
        result.settled = digest.entries.filter { !current.contains($0.key) }.sorted { $0.key < $1.key }.map { id, recorded in
            Entry(kind: recorded.kind, item: recorded.item, owner: recorded.owner, path: recorded.path, line: 0, deadline: nil, id: id)
        }
        result.entries = entries.filter { digest.entries[$0.id]?.kind != $0.kind }
        return result
    }
}

/// What the last `agenda --since-digest` run listed: a small JSON file the next run reads.
public struct AgendaDigest: Sendable, Equatable {
    public struct Recorded: Sendable, Equatable {
        public let kind: Agenda.Kind
        public let item: String
        public let owner: String
        public let path: String
    }

    public var entries: [String: Recorded] = [:]

    public init() {}

    public init(_ agenda: Agenda) {
        for entry in agenda.entries {
            entries[entry.id] = Recorded(kind: entry.kind, item: entry.item, owner: entry.owner, path: entry.path)
        }
    }

    /// Reads a digest file; `file` names it in the error for a file that is not one.
    public init(json bytes: [UInt8], file: String) throws {
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
              object["golint-agenda-digest"] as? Int == 1, let items = object["entries"] as? [String: [String: String]]
        else { throw GolintError.usage("\(file) is not an agenda digest (written by golint agenda --since-digest)") }
        for (id, fields) in items {
            guard let kind = fields["kind"].flatMap(Agenda.Kind.init), let item = fields["item"], let owner = fields["owner"],
                  let path = fields["path"] else { throw GolintError.usage("\(file): entry \(id) is incomplete") }
            entries[id] = Recorded(kind: kind, item: item, owner: owner, path: path)
        }
    }

    public var json: String {
        let items: [(String, JSONValue)] = entries.keys.sorted().map { id in
            let entry = entries[id]!
            return (id, .object([("kind", .string(entry.kind.rawValue)), ("item", .string(entry.item)), ("owner", .string(entry.owner)),
                                 ("path", .string(entry.path))]))
        }
        return JSONValue.object([("golint-agenda-digest", .int(1)), ("entries", .object(items))]).rendered()
    }
}
