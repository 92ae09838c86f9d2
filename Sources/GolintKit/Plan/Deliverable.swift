/// Something a plan asks someone to get done: a task item, a status-table row or a glyph line; some are approvals.
public struct Deliverable: Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// `- [ ] text`
        case task
        /// A row of a table with a status column.
        case tableRow = "table-row"
        /// `☐ text`, `- ✅ text`
        case glyph
        /// `- Product: Jana Krüger, 2026-04-09` in an approval section.
        case signoffLine = "sign-off-line"
        /// A row of a signature table (`| Role | Name | Signature | Date |`) in an approval section.
        case signatureRow = "signature-row"
    }

    public enum State: String, Sendable {
        case open, done, cancelled
    }

    public let kind: Kind
    /// The deliverable's own text, markup removed.
    public let text: String
    public let state: State
    /// Who owns it: an owner column, a leading role tag (`[Release Lead] Cut the release`), else the
    /// owner line of its section or document (`**Owner:** SRE-Lead`).
    public let owner: String?
    public let deadline: Deadline?
    /// The section it stands in (an index into `Document.sections`).
    public let section: Int
    public let line: Int
    public let column: Int
    /// For an approval (a deliverable of an approval section, or one that names an approval word):
    /// the role it names (`Security` in `Security-Freigabe eingeholt`).
    public let role: String?
    /// A given approval that names its signer and date (`signoff.signature`).
    public let signed: Bool
    /// On a sign-off form: who signed and when, as written (`Jana Krüger`, `2026-04-09`).
    public let signer: String?
    public let signedOn: String?

    public var isOpen: Bool { state == .open }

    public var isApproval: Bool { role != nil }

    /// The name as messages and excerpts quote it: at most 240 characters.
    public var title: String { text.capped(240) }
}
