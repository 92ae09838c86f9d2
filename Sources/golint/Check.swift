import ArgumentParser
import Foundation
import GolintKit

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Lint documents from a revision, the index or the working tree.")

    @Argument(help: "Paths or directories that narrow the documents.")
    var paths: [String] = []

    @Option(name: .long, help: "Read documents from this revision (default HEAD).")
    var rev: String?

    @Flag(name: .long, help: "Read the staged content: what the next commit will contain.")
    var staged = false

    @Flag(name: .long, help: "Read the files on disk.")
    var worktree = false

    @Option(name: .long, help: "Output format: text, json, sarif, github, junit.")
    var format: OutputFormat = .text

    @Option(name: .long, help: "Evaluation time, ISO 8601 (2026-03-06T12:00+01:00); default: now.")
    var now: String?

    @Flag(name: .long, help: "Fail on warnings too.")
    var strict = false

    @OptionGroup var common: CommonOptions

    func validate() throws {
        if [rev != nil, staged, worktree].filter({ $0 }).count > 1 {
            throw ValidationError("--rev, --staged and --worktree exclude each other")
        }
        guard OutputFormat.checkFormats.contains(format) else {
            throw ValidationError("check has no format '\(format.rawValue)' (text, json, sarif, github, junit)")
        }
        if let now, ISOTime.parse(now) == nil {
            throw ValidationError("--now '\(now)' is not an ISO 8601 time (2026-03-06T12:00:00+01:00)")
        }
    }

    func run() throws {
        let repository = try common.openRepository()
        var options = CheckOptions()
        options.source = staged ? .index : worktree ? .worktree : .revision(rev ?? "HEAD")
        options.paths = common.repositoryPaths(paths, in: repository)
        options.configurationFile = common.config
        if let now, let parsed = ISOTime.parse(now) {
            options.now = parsed.date
            options.evaluationZone = parsed.zone
        }
        let report = try Linter.check(repository: repository, options: options)
        emit(Reporters.render(report, format: format, style: common.textStyle))
        let failing: Severity = strict ? .warning : .error
        if report.findings.contains(where: { $0.severity >= failing }) { throw ExitCode(1) }
    }
}
