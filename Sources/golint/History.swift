import ArgumentParser
import Foundation
import GolintKit

struct History: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Report, commit by commit, who checked, filled, signed or moved what.")

    @Argument(help: "Paths or directories that narrow the documents.", completion: .file(extensions: ["md", "markdown"]))
    var paths: [String] = []

    @Option(name: .long, help: "Leave out commits reachable from this revision.")
    var since: String?

    @Option(name: .long, help: "Walk back from this revision (default HEAD).")
    var until: String = "HEAD"

    @Flag(name: .long, help: "Only the main line's commits: each merge reports what its branch brought.")
    var firstParent = false

    @OptionGroup var output: AuditOutputOptions
    @OptionGroup var caching: CacheOptions
    @OptionGroup var common: CommonOptions

    func run() throws {
        let progress = ProgressLine()
        var request = output.request(.history(since: since, until: until, firstParent: firstParent), paths: paths, common)
        request.progress = progress.update
        request.cache = caching.cache
        let outcome = try AuditRun.run(request)
        progress.finish()
        try finish(outcome, quiet: common.quiet)
    }
}
