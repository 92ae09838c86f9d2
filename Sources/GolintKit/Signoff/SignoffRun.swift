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

    /// nil when the trusted configuration asks for no verification.
    init?(options: CheckOptions, source: DocumentSource, repository: Repository, configuration: Configuration) throws {
        let trustedSource = try options.trustRevision.map { try RevisionSource(repository: repository, revision: $0) as DocumentSource } ?? source
        let trusted = options.trustRevision == nil ? configuration
            : try Configuration.load(from: trustedSource, explicitFile: options.configurationFile)
        guard trusted.verification.isEnabled else { return nil }
        trust = try SignoffTrust(verification: trusted.verification, readingFrom: trustedSource, repository: repository)
        rules = RuleRegistry.rules.compactMap { type in
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

    /// A worker's verifier, with its own repository handle.
    func worker() throws -> Worker {
        Worker(run: self, context: try SignoffContext(trust: trust, repository: Repository(location), configuration: configuration))
    }

    struct Worker {
        let run: SignoffRun
        let context: SignoffContext

        func records(_ plan: Plan, path: String, blob: ObjectID?) throws -> [ApprovalRecord] {
            let snapshot = DocumentSnapshot(plan: plan)
            guard snapshot.items.contains(where: ApprovalProvenance.isGiven) else { return [] }
            let version: ObjectID?
            if run.pending {
                version = try run.startCommit.flatMap { try context.repository.tree($0.treeID).entry(at: path)?.id }
            } else {
                version = blob
            }
            let start = ApprovalProvenance.Start(commit: run.startCommit, version: version, pending: run.pending)
            return try ApprovalProvenance(context: context).records(path: path, current: snapshot, start: start)
        }
    }
}
