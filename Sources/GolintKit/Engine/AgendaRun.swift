import Foundation
import GolintGit

/// One `golint agenda`: the documents of a source at an evaluation time, per owner.
public struct AgendaRequest: Sendable {
    public var check: CheckRequest
    /// Due within this many seconds of the evaluation time (default 7 days).
    public var dueWithin: TimeInterval = 7 * 86_400
    /// An owner's name or role, an email (its roles through `signoff.roles`), or `me`.
    public var owner: String?
    /// Show only what changed since the run that wrote this file, then rewrite it.
    public var digestFile: String?
    public var format: AgendaFormat = .text

    public init(_ check: CheckRequest) {
        self.check = check
    }
}

public enum AgendaRun {
    public static func run(_ request: AgendaRequest) throws -> Outcome {
        var check = request.check
        check.options.summarize = true
        let repository = try reportingGitErrors { try check.repository.open() }
        let owners = try request.owner.map { try ownerNames($0, check: check, repository: repository) }
        let status = try CheckRun.launchStatus(check, repository: repository)
        var agenda = Agenda(status: status, dueWithin: request.dueWithin, owners: owners)
        var outcome = Outcome()
        if let file = request.digestFile {
            let previous = try FileManager.default.contents(atPath: file).map { try AgendaDigest(json: [UInt8]($0), file: file) } ?? AgendaDigest()
            let full = agenda
            agenda = full.changed(since: previous)
            try ReportFiles.writeAll([(path: file, output: ReportOutput(AgendaDigest(full).json))])
        }
        outcome.output = ReportOutput(AgendaReporter.render(agenda, format: request.format))
        return outcome
    }

    /// The owner names `who` stands for, lower-cased: itself; for an email, the roles whose
    /// approvers it matches; for `me`, the local git identity's name and email, and those roles.
    static func ownerNames(_ who: String, check: CheckRequest, repository: Repository) throws -> Set<String> {
        var names: Set<String>, email: String?
        if who == "me" {
            let me = try Identity.local(in: repository)
            names = Set([me.name, me.email].filter { !$0.isEmpty }.map { $0.lowercased() })
            guard !names.isEmpty else { throw GolintError.usage("--owner me: git knows no user.name or user.email here") }
            email = me.email.isEmpty ? nil : me.email
        } else {
            names = [who.lowercased()]
            email = who.contains("@") ? who : nil
        }
        guard let email else { return names }
        let configuration = try Configuration.load(from: openSource(check.options.source, in: repository),
                                                   explicitFile: check.options.configurationFile)
        let person = Identity(name: "", email: email)
        for (role, approvers) in configuration.verification.roles where person.isAmong(approvers) { names.insert(role.lowercased()) }
        return names
    }
}
