import Foundation

/// One change to a checklist, attributed to the commit that made it.
public struct HistoryEvent: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case documentAdded = "document-added"
        case documentRemoved = "document-removed"
        case documentRenamed = "document-renamed"
        case itemAdded = "item-added"
        case itemRemoved = "item-removed"
        case itemEdited = "item-edited"
        case itemMoved = "item-moved"
        case checked
        case unchecked
        case cancelled
        case deadlineChanged = "deadline-changed"
        case placeholderAdded = "placeholder-added"
        case placeholderFilled = "placeholder-filled"
        case signed
        case signatureRemoved = "signature-removed"
        /// A decision field's option chosen: `Go / No-Go: [x] GO [ ] NO-GO`.
        case decided
    }

    public let commit: String
    public let authorName: String
    public let authorEmail: String
    public let committerName: String
    public let committerEmail: String
    /// The commit's signature, as checked (`none` for an unsigned commit).
    public let signature: SignatureCheck
    /// On approval events: whether role, identity and signature all hold; nil on other events.
    public let verified: Bool?
    public let time: Date
    /// The author's UTC offset in minutes, to print the time as it was recorded.
    public let offsetMinutes: Int
    public let path: String
    public let kind: Kind
    public let item: String?
    public let line: Int?
    public let before: String?
    public let after: String?
    /// On approval events: whether a later change in the walked range changed what it approves
    /// in substance (`signoff.stale`); nil on other events.
    public internal(set) var stale: Bool?
    /// What the event means to approvals, for telling which are stale.
    let approval: EventDraft.Approval?
    let substance: String?

    public var isoTime: String {
        ISOTime.format(time, in: TimeZone(secondsFromGMT: offsetMinutes * 60) ?? TimeZones.utc)
    }
}

/// An event before it is attributed to a commit.
struct EventDraft: Equatable {
    /// The approval an event gives: its role, the signer it names, its section.
    struct Approval: Equatable, Sendable {
        let role: String
        let signer: String?
        let section: String
    }

    let kind: HistoryEvent.Kind
    let item: String?
    let line: Int?
    let before: String?
    let after: String?
    /// Set on events that give an approval (`signed`, or `checked` on an approval).
    var approval: Approval? = nil
    /// For a change in substance to what approvals approve (a deliverable added, removed, edited,
    /// reopened or re-dated, a placeholder added), the section it is in.
    var substance: String? = nil
}
