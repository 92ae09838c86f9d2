import Foundation
import GolintGit

/// Verification of approvals in one `check` run: what is trusted, and where each document's walk
/// starts. The trusted configuration also says which approval rules run at which severity, so that
/// a change cannot switch off the rules that judge it.
struct SignoffRun {
    let trust: SignoffTrust
    /// The configuration of the trusted revision (the evaluated one without `--trust-rev`).
    let trustedConfiguration: Configuration
    /// `--release`: the commit every approval must precede.
    let releaseCommit: CommitInfo?
    private let location: RepositoryLocation
    private let configuration: Configuration
    /// The commit each walk starts from: the evaluated one, or HEAD under a pending change.
    private let startCommit: CommitInfo?
    private let pending: Bool

    /// nil when the trusted configuration asks for no verification and the run does not trace approvals.
    /// `trusted`: where approvers, allowed signers and `.mailmap` are read from.
    /// `traceApprovals`: trace approvals even when no verification is configured.
    init?(source: DocumentSource, kind: SourceKind, repository: Repository, configuration: Configuration,
          trusted: TrustedConfiguration, traceApprovals: Bool, release: String? = nil) throws {
        guard trusted.configuration.verification.isEnabled || traceApprovals || release != nil else { return nil }
        releaseCommit = try release.map { try repository.commit($0) }
        trust = try SignoffTrust(verification: trusted.configuration.verification, readingFrom: trusted.source, repository: repository)
        trustedConfiguration = trusted.configuration
        location = repository.location
        self.configuration = configuration
        switch kind {
        case .revision:
            guard let commit = source.commit else {
                throw GolintError.usage("verifying sign-offs needs a commit: \(source.name) names a tree")
            }
            startCommit = commit
            pending = false
        case .index, .worktree:
            startCommit = repository.isHeadUnborn ? nil : try repository.commit("HEAD")
            pending = true
        }
    }

    /// The approval records of each document, by one walk back through history.
    func records(_ documents: [(path: String, snapshot: DocumentSnapshot)]) throws -> [[ApprovalRecord]] {
        let context = try SignoffContext(trust: trust, repository: Repository(location), configuration: configuration)
        let startTree = try startCommit.map { try context.repository.tree($0.treeID) }
        let requests = documents.map { document in
            // Under a pending change the walk starts from HEAD's version; at a revision, from the evaluated one.
            ApprovalProvenance.Request(path: document.path, current: document.snapshot, version: startTree?.entry(at: document.path)?.id)
        }
        let records = try ApprovalProvenance(context: context).records(requests, start: startCommit?.id, pending: pending)
        guard let release = releaseCommit else { return records }
        let window = trustedConfiguration.verification.emergencyWindow
        return try records.map { document in
            try document.map { record in
                var record = record
                record.release = try ReleaseStanding(record.origin, release: release, window: window, in: context.repository)
                return record
            }
        }
    }
}
