import Foundation
import GolintGit

/// What a run trusts: the configuration of `--trust-rev` (else the evaluated one) and where it was
/// read. Approvers, allowed signers, `.mailmap`, the approval rules' severities and the waivers come
/// from it, so that a change cannot loosen the rules that judge it.
struct TrustedConfiguration {
    let source: DocumentSource
    /// How `source` reads: the evaluated source's kind, or the trusted revision.
    let kind: SourceKind
    let configuration: Configuration

    init(_ revision: String?, evaluated: (source: DocumentSource, kind: SourceKind, configuration: Configuration), repository: Repository,
         explicitFile: String?) throws {
        guard let revision else {
            (source, kind, configuration) = evaluated
            return
        }
        source = try RevisionSource(repository: repository, revision: revision)
        kind = .revision(revision)
        configuration = try Configuration.load(from: source, explicitFile: explicitFile)
    }

    /// The trusted waivers, each with `refusal` set where `waivers.approvers` or `waivers.max-days`
    /// does not let it count.
    func governedWaivers(repository: Repository, now: Date) throws -> [Waiver] {
        guard configuration.waiverPolicy.isGoverned, !configuration.waivers.isEmpty else { return configuration.waivers }
        let governance = WaiverGovernance(
            policy: configuration.waiverPolicy, repository: repository, source: source, kind: kind,
            mailmap: try Mailmap(text: try source.read(path: ".mailmap") ?? []), localIdentity: try Identity.local(in: repository),
            now: now, zone: configuration.timezone ?? TimeZones.utc)
        return try governance.govern(configuration.waivers)
    }
}
