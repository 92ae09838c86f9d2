import ArgumentParser
import Foundation
import GolintKit

struct Evidence: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a folder an auditor can take: the approvals, events and findings of a period, how they were produced, and their SHA-256 sums.",
        subcommands: [VerifyEvidence.self])

    @Option(name: .long, help: "Leave out commits reachable from this revision (the period's start).")
    var since: String?

    @Option(name: .long, help: "The period's end (default HEAD); findings are checked here.")
    var until: String = "HEAD"

    @Option(name: .long, help: "The release commit or tag approvals must precede.")
    var release: String?

    @Option(name: .long, help: "Read approvers, allowed signers, .mailmap and waivers from this revision.")
    var trustRev: String?

    @OptionGroup var evaluation: EvaluationTime

    // Optional to the parser, so that `evidence verify DIR` does not ask for it.
    @Option(name: .long, help: "The folder to create (it must not exist, or be empty); required.", completion: .directory)
    var output: String?

    @OptionGroup var common: CommonOptions

    func run() throws {
        try finish(EvidenceRun.write(request(commandLine: ["golint"] + CommandLine.arguments.dropFirst())), quiet: common.quiet)
    }

    func request(commandLine: [String]) throws -> EvidenceRequest {
        guard let output else { throw ValidationError("evidence needs --output DIR, the folder to create") }
        var request = EvidenceRequest(now: evaluation.date, output: output, commandLine: commandLine)
        request.repository = common.repositoryAccess
        request.since = since
        request.until = until
        request.release = release
        request.trustRevision = trustRev
        request.configurationFile = common.config
        return request
    }
}

struct VerifyEvidence: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Derive an evidence folder again from the repository: exit 0 when every file is identical, 1 naming the first difference.")

    @Argument(help: "The evidence folder.", completion: .directory)
    var directory: String

    @OptionGroup var common: CommonOptions

    func run() throws {
        try finish(EvidenceRun.verify(directory, access: common.repositoryAccess), quiet: common.quiet)
    }
}
