import ArgumentParser
import Foundation
import GolintKit

/// `--now`: the moment deadlines are judged at (check, baseline, status, report).
struct EvaluationTime: ParsableArguments {
    @Option(name: .long, help: "Evaluation time, ISO 8601 (2026-03-06T12:00+01:00); default: now.")
    var now: String?

    func validate() throws {
        if let now, ISOTime.parse(now) == nil {
            throw ValidationError("--now '\(now)' is not an ISO 8601 time (2026-03-06T12:00:00+01:00)")
        }
    }

    /// The moment and the zone it was written in; nil for the current time.
    var moment: (date: Date, zone: TimeZone)? { now.flatMap { ISOTime.parse($0) } }

    /// The evaluation time: `--now`, else the clock, read here once for the whole run.
    var date: Date { moment?.date ?? Date() }
}

/// Options of `check` and `baseline`: which documents, from where, at what time.
struct SourceOptions: ParsableArguments {
    @Argument(help: "Paths or directories that narrow the documents.", completion: .file(extensions: ["md", "markdown"]))
    var paths: [String] = []

    @Option(name: .long, help: "Read documents from this revision (default HEAD).")
    var rev: String?

    @Flag(name: .long, help: "Read the staged content: what the next commit will contain.")
    var staged = false

    @Flag(name: .long, help: "Read the files on disk.")
    var worktree = false

    @Flag(name: .long, help: "Only documents the index changes against HEAD (with --staged; for hooks).")
    var changed = false

    @OptionGroup var evaluation: EvaluationTime

    @Option(name: .long, help: "Read approvers, allowed signers and .mailmap from this revision (default: where the documents are read).")
    var trustRev: String?

    func validate() throws {
        if [rev != nil, staged, worktree].filter({ $0 }).count > 1 {
            throw ValidationError("--rev, --staged and --worktree exclude each other")
        }
        if changed && !staged { throw ValidationError("--changed goes with --staged") }
    }

    /// The request these options and the common ones describe.
    func request(_ common: CommonOptions) -> CheckRequest {
        var request = CheckRequest(now: evaluation.date)
        request.repository = common.repositoryAccess
        request.paths = paths
        request.options.source = staged ? .index : worktree ? .worktree : .revision(rev ?? "HEAD")
        request.options.onlyChangedInIndex = changed
        request.options.trustRevision = trustRev
        request.options.configurationFile = common.config
        request.options.evaluationZone = evaluation.moment?.zone
        request.style = common.textStyle
        return request
    }
}
