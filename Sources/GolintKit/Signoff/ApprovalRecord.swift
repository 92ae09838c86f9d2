import Foundation
import GolintGit

/// Where a given approval came from: the commit that gave it, or the pending change (the index or
/// the work tree) that gives it now.
public struct ApprovalOrigin: Sendable {
    /// nil: the pending change, attributed to the local identity.
    public let commit: CommitInfo?
    public let author: Identity
    /// nil for the pending change: nothing is signed yet.
    public let signature: SignatureCheck?
    /// A shallow clone ends here: the approval is at least this old.
    public let beforeShallowBoundary: Bool

    /// `3f2a91c` or `the pending change`.
    public var name: String { commit.map { String($0.id.description.prefix(7)) } ?? "the pending change" }
    /// `3f2a91c by Dave Mallory <dave@payments.example>`
    public var attribution: String { "in \(name) by \(author.description)" }
}

/// A change after an approval to what it approves: a deliverable added, removed, edited, reopened
/// or re-dated, a placeholder added.
public struct SubstantiveChange: Sendable {
    /// Set once the walk has read who made the change.
    public internal(set) var origin: ApprovalOrigin!
    public let kind: HistoryEvent.Kind
    public let item: String
    public let section: String

    /// `'Payment provider switched' was added in 9bc0d1e by Alice Adler`
    public var description: String {
        let verb: String = switch kind {
        case .itemAdded: "was added"
        case .itemRemoved: "was removed"
        case .unchecked: "was reopened"
        case .deadlineChanged: "was re-dated"
        case .placeholderAdded: "was added as a placeholder"
        default: "was edited"
        }
        return "'\(item.firstLine.capped(80))' \(verb) \(origin.commit == nil ? "in the pending change" : "in \(origin.name)") by \(origin.author.name)"
    }
}

/// A given approval with its history: what the `signoff-*` rules read.
public struct ApprovalRecord: Sendable {
    public let line: Int
    public let column: Int
    public let text: String
    public let role: String
    /// The signer the approval names, if it names one.
    public let signer: String?
    public let origin: ApprovalOrigin
    /// The configured role that applies, with its approvers; nil when `signoff.roles` names none.
    public let approvers: (role: String, approvers: [Glob])?
    /// The newest substantive change after the approval within its scope.
    public let staleBy: SubstantiveChange?
    /// `signoff.require-signed-commits`: approvals count only from commits with a good signature.
    public let signatureRequired: Bool
    /// What the approval said before its origin changed it, when that commit changed one already
    /// given (its signer, date or role) rather than giving it.
    public var amends: String? = nil

    /// With `signoff.separation`: a change the approval approves (since the previous approval of
    /// its role) that its own approver made; nil when there is none or separation is off.
    public var selfApproval: SubstantiveChange? = nil

    /// With `--release`: whether it was given before the release.
    public var release: ReleaseStanding?

    /// Changed after it was given by someone who may not give it: the change is the finding
    /// (`signoff-tampered`), not also who gave it, whom it names or how it was signed.
    public var isTampered: Bool { amends != nil && !isAuthorized }

    public var isAuthorized: Bool { origin.author.isAmong(approvers?.approvers) }

    public var identityMatches: Bool { origin.author.isNamed(by: signer) }

    public var hasGoodSignature: Bool {
        origin.signature?.isGood(for: origin.author.email) ?? false
    }

    /// Role, identity and signature all hold (never for a pending change: nothing is signed yet).
    public var verified: Bool { isAuthorized && identityMatches && hasGoodSignature }
}

/// Where an approval stands against the release (`--release REV`).
public struct ReleaseStanding: Sendable {
    public enum Kind: Sendable {
        /// From the release commit's history and not dated after it.
        case before
        /// After it: not an ancestor of the release commit, or committed later.
        case after
        /// After it, within `signoff.emergency-window`.
        case emergency
    }

    public let kind: Kind
    public let releaseCommit: String
    public let releaseTime: Date
    /// Why it is not before: `is not in its history` or `was committed 5 h after it`.
    public let reason: String?

    private init(_ kind: Kind, release: CommitInfo, reason: String?) {
        self.kind = kind
        releaseCommit = String(release.id.description.prefix(7))
        releaseTime = release.committer.time
        self.reason = reason
    }

    init(_ origin: ApprovalOrigin, release: CommitInfo, window: TimeInterval?, in repository: Repository) throws {
        guard let commit = origin.commit else {
            self.init(.after, release: release, reason: "is not committed yet")
            return
        }
        try self.init(commit, release: release, window: window, in: repository)
    }

    /// Where a commit stands against the release.
    init(_ commit: CommitInfo, release: CommitInfo, window: TimeInterval?, in repository: Repository) throws {
        let ancestor = try repository.isAncestor(commit.id, of: release.id)
        let late = commit.committer.time.timeIntervalSince(release.committer.time)
        if ancestor && late <= 0 {
            self.init(.before, release: release, reason: nil)
            return
        }
        let committedLater = "was committed \(TimeLeft.span(late)) after it"
        self.init(late > 0 && window.map { late <= $0 } == true ? .emergency : .after, release: release,
                  reason: ancestor ? committedLater : "is not in its history" + (late > 0 ? " and " + committedLater : ""))
    }
}
