import ArgumentParser
import Foundation
import GolintKit

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write one self-contained HTML page: status, burn-down, overdue work by owner, sign-offs, audit trail.")

    @Argument(help: "Paths or directories that narrow the documents.", completion: .file(extensions: ["md", "markdown"]))
    var paths: [String] = []

    @Option(name: .long, help: "Leave out commits reachable from this revision.")
    var since: String?

    @Option(name: .long, help: "The revision the report is of (default HEAD).")
    var until: String = "HEAD"

    @Flag(name: .long, help: "Only the main line's commits: each merge shows what its branch brought.")
    var firstParent = false

    @OptionGroup var evaluation: EvaluationTime

    @Option(name: .long, help: "The HTML file to write.", completion: .file(extensions: ["html"]))
    var output: String

    @OptionGroup var caching: CacheOptions
    @OptionGroup var common: CommonOptions

    func validate() throws {
        if output.isEmpty { throw ValidationError("--output needs a file name") }
    }

    func run() throws {
        var request = ReportRequest(now: evaluation.date)
        request.repository = common.repositoryAccess
        request.paths = paths
        request.since = since
        request.until = until
        request.firstParent = firstParent
        request.configurationFile = common.config
        request.output = output
        request.cache = caching.cache
        request.evaluationZone = evaluation.moment?.zone
        try finish(ReportRun.run(request), quiet: common.quiet)
    }
}
