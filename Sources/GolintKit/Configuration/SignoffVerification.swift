import Foundation

/// `signoff.roles`, `require-signed-commits`, `allowed-signers` and `stale`: how golint checks
/// approvals against history. Off until one of them is set: a repository that names no approvers
/// and asks for no signatures gets no history walk and no `signoff-*` findings.
public struct SignoffVerification: Sendable {
    public enum StaleScope: String, Sendable {
        case document, section, off

        /// Whether a substantive change in `changed` (a section's heading) can make an approval of
        /// `role` in section `section` stale: anywhere in the document, or in its own section and
        /// those whose heading names its role (`Security review` for `Security`).
        func covers(_ changed: String, approvalIn section: String, role: String) -> Bool {
            switch self {
            case .off: false
            case .document: true
            case .section: changed == section || Self.names(changed, role: role)
            }
        }

        private static func names(_ heading: String, role: String) -> Bool {
            let headingWords = Set(heading.foldedForComparison.split { !$0.isLetter && !$0.isNumber })
            let roleWords = role.foldedForComparison.split { !$0.isLetter && !$0.isNumber }
            return !roleWords.isEmpty && roleWords.allSatisfy(headingWords.contains)
        }
    }

    static let keys: Set<String> = ["roles", "require-signed-commits", "allowed-signers", "stale", "separation", "min-approvers", "emergency-window"]

    /// Roles in the order written, each with its approvers' emails or globs (lower-cased).
    public var roles: [(role: String, approvers: [Glob])] = [] {
        didSet { roleKeys = roles.map { $0.role.lowercased() } }
    }
    /// The roles lower-cased, to find them at the start of a deliverable.
    public private(set) var roleKeys: [String] = []
    public var requireSignedCommits = false
    /// Repository path of the allowed-signers file, read from the trusted revision.
    public var allowedSignersFile: String?
    public var stale: StaleScope?
    /// `signoff.separation`: one person signs at most one role of a document.
    public var separation = false
    /// `signoff.emergency-window`: approvals this long after the release are emergencies, not errors.
    public var emergencyWindow: TimeInterval?
    /// `signoff.min-approvers`: how many distinct people must approve a role (`{Security: 2}`).
    public var minimumApprovers: [(role: String, count: Int)] = []

    public var isEnabled: Bool {
        !roles.isEmpty || requireSignedCommits || allowedSignersFile != nil || (stale ?? .off) != .off || separation || !minimumApprovers.isEmpty
    }

    /// Staleness as configured, `document` by default once verification is on.
    public var staleScope: StaleScope { stale ?? .document }

    /// The approvers of a role an approval names: the configured role equal to it or named in it
    /// as a word (`Security` for `Security-Freigabe eingeholt`'s role `Security`, or `Security Lead`).
    public func approvers(of role: String) -> (role: String, approvers: [Glob])? {
        let key = role.lowercased()
        if let exact = roles.first(where: { $0.role.lowercased() == key }) { return exact }
        let words = Set(key.split { !$0.isLetter && !$0.isNumber }.map(String.init))
        return roles.first { entry in
            let roleWords = entry.role.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
            return !roleWords.isEmpty && roleWords.allSatisfy(words.contains)
        }
    }
}
