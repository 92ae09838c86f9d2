/// Something a plan asks someone to get done: a task item, and (in approval sections) an approval.
public struct Deliverable: Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// `- [ ] text`
        case task
        /// A row of a table with a status column.
        case tableRow = "table-row"
        /// `☐ text`, `- ✅ text`
        case glyph
    }

    public enum State: String, Sendable {
        case open, done, cancelled
    }

    public let kind: Kind
    /// The deliverable's own text, markup removed.
    public let text: String
    public let state: State
    /// Who owns it: an owner column, or a leading role tag (`[Release Lead] Cut the release`).
    public let owner: String?
    public let deadline: Deadline?
    /// The section it stands in (an index into `Document.sections`).
    public let section: Int
    public let line: Int
    public let column: Int
    /// It stands in an approval section.
    public let isApproval: Bool
    /// A given approval that names its signer and date (`signoff.signature`).
    public let signed: Bool

    public var isOpen: Bool { state == .open }

    /// The first line of the text, for messages.
    public var title: String { text.firstLine }
}
