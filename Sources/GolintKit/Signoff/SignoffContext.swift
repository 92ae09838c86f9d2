import Foundation
import GolintGit

/// What verification trusts, read once per run from the trusted revision (`--trust-rev`, else the
/// evaluated source): the approvers, the allowed signers, the `.mailmap`; and the local identity a
/// pending change is attributed to.
struct SignoffTrust: Sendable {
    let verification: SignoffVerification
    let allowedSigners: AllowedSigners
    let allowedSignersName: String
    let mailmapText: [UInt8]
    let localIdentity: Identity

    /// `source` is where trusted files are read from: the trusted revision or the evaluated source.
    init(verification: SignoffVerification, readingFrom source: DocumentSource, repository: Repository) throws {
        self.verification = verification
        (allowedSigners, allowedSignersName) = try AllowedSigners.load(verification.allowedSignersFile, from: source)
        mailmapText = try source.read(path: ".mailmap") ?? []
        localIdentity = try Identity.local(in: repository)
    }
}

/// One worker's view of history for verification: its own repository handle, parsed versions,
/// signature checks and mailmap.
final class SignoffContext {
    let trust: SignoffTrust
    let repository: Repository
    let store: VersionStore
    let selection: CommitSelection
    private let mailmap: Mailmap
    private let signatures: SignatureVerifier
    private let boundary: Set<ObjectID>

    init(trust: SignoffTrust, repository: Repository, configuration: Configuration) throws {
        self.trust = trust
        self.repository = repository
        store = VersionStore(repository: repository, configuration: configuration, capacity: 64)
        selection = CommitSelection(repository: repository, configuration: configuration, paths: [])
        mailmap = try Mailmap(text: trust.mailmapText)
        signatures = SignatureVerifier(allowedSigners: trust.allowedSigners, name: trust.allowedSignersName)
        boundary = repository.shallowBoundary
    }

    func identity(of commit: CommitInfo) -> Identity {
        Identity(name: commit.author.name, email: commit.author.email, mailmap: mailmap)
    }

    func origin(_ commit: CommitInfo, beforeShallowBoundary: Bool = false) throws -> ApprovalOrigin {
        let author = identity(of: commit)
        return ApprovalOrigin(commit: commit, author: author, signature: try signatures.check(commit, authorEmail: author.email, in: repository),
                              beforeShallowBoundary: beforeShallowBoundary)
    }

    var pendingOrigin: ApprovalOrigin {
        ApprovalOrigin(commit: nil, author: Identity(name: trust.localIdentity.name, email: trust.localIdentity.email, mailmap: mailmap),
                       signature: nil, beforeShallowBoundary: false)
    }

    func isShallowBoundary(_ id: ObjectID) -> Bool { boundary.contains(id) }
}
