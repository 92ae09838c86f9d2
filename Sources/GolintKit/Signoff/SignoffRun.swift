import Foundation
import GolintGit

/// Verification of approvals in one `check` run: what is trusted, where each document's walk
/// starts, and which `signoff-*` rules run at which severity (the trusted configuration's, so that
/// a change cannot switch off the rules that judge it).
struct SignoffRun {
    let trust: SignoffTrust
    let rules: [(rule: any SignoffRule, severity: Severity)]
    private let location: RepositoryLocation
    private let configuration: Configuration
    /// The commit each walk starts from: the evaluated one, or HEAD under a pending change.
    private let startCommit: CommitInfo?
    private let pending: Bool

    /// nil when the trusted configuration asks for no verification and the run does not trace approvals.
    init?(options: CheckOptions, source: DocumentSource, repository: Repository, configuration: Configuration) throws {
        let trustedSource = try options.trustRevision.map { try RevisionSource(repository: repository, revision: $0) as DocumentSource } ?? source
        let trusted = options.trustRevision == nil ? configuration
            : try Configuration.load(from: trustedSource, explicitFile: options.configurationFile)
        guard trusted.verification.isEnabled || options.traceApprovals else { return nil }
        trust = try SignoffTrust(verification: trusted.verification, readingFrom: trustedSource, repository: repository)
        rules = !trusted.verification.isEnabled ? [] : RuleRegistry.rules.compactMap { type in
            guard let rule = type.init() as? any SignoffRule, let severity = trusted.severity(of: type.description) else { return nil }
            return (rule, severity)
        }
        location = repository.location
        self.configuration = configuration
        switch options.source {
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
        return try ApprovalProvenance(context: context).records(requests, start: startCommit?.id, pending: pending)
    }
}
