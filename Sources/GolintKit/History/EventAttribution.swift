import Foundation
import GolintGit

/// Attributes an event to its commit: author and committer (after `.mailmap`), time, the commit's
/// signature, and for an event that gives an approval whether it is verified (role, identity and
/// signature all hold, against the configured approvers and allowed signers).
final class EventAttribution {
    private let repository: Repository
    private let mailmap: Mailmap
    private let signatures: SignatureVerifier
    private let verification: SignoffVerification
    private var identities: [ObjectID: (author: Identity, committer: Identity)] = [:]

    /// `source` is the revision the configuration was read from: `.mailmap` and the allowed signers come from there too.
    init(repository: Repository, configuration: Configuration, source: DocumentSource) throws {
        self.repository = repository
        verification = configuration.verification
        mailmap = try Mailmap(text: try source.read(path: ".mailmap") ?? [])
        let allowed = try AllowedSigners.load(verification.allowedSignersFile, from: source)
        signatures = SignatureVerifier(allowedSigners: allowed.signers, name: allowed.name)
    }

    func event(_ draft: EventDraft, path: String, commit: CommitInfo) -> HistoryEvent {
        let people = identities(of: commit)
        let signature = (try? signatures.check(commit, authorEmail: people.author.email, in: repository))
            ?? SignatureCheck(status: .unchecked, format: nil, signer: nil, reason: "the signature could not be read")
        let verified = draft.approval.map { approval in
            people.author.isAmong(verification.approvers(of: approval.role)?.approvers)
                && people.author.isNamed(by: approval.signer)
                && signature.isGood(for: people.author.email)
        }
        return HistoryEvent(commit: commit.id.description, authorName: people.author.name, authorEmail: people.author.email,
                            committerName: people.committer.name, committerEmail: people.committer.email, signature: signature,
                            verified: verified, time: commit.author.time, offsetMinutes: commit.author.offsetMinutes, path: path,
                            kind: draft.kind, item: draft.item, line: draft.line, before: draft.before, after: draft.after,
                            stale: nil, approval: draft.approval, substance: draft.substance)
    }

    private func identities(of commit: CommitInfo) -> (author: Identity, committer: Identity) {
        if let known = identities[commit.id] { return known }
        let author = mailmap.resolve(name: commit.author.name, email: commit.author.email)
        let committer = mailmap.resolve(name: commit.committer.name, email: commit.committer.email)
        let result = (Identity(name: author.name, email: author.email), Identity(name: committer.name, email: committer.email))
        if identities.count > 4096 { identities.removeAll() }
        identities[commit.id] = result
        return result
    }
}
