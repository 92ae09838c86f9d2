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
    @Argument(help: "Paths or directories that narrow the documents.")
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
        return request
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Lint documents from a revision, the index or the working tree.")

    @OptionGroup var source: SourceOptions

    @Option(name: .long, help: "Output format.")
    var format: CheckFormat = .text

    @Option(name: .long, help: ArgumentHelp("Also write a report to a file, FORMAT=PATH (sarif=golint.sarif); repeatable.", valueName: "format=path"))
    var output: [String] = []

    @Option(name: .long, help: "Hide the findings accepted in this baseline file (see golint baseline).")
    var baseline: String?

    @Flag(name: .long, help: "Fail on warnings too.")
    var strict = false

    @Option(name: .long, help: "SARIF category (automationDetails.id), to tell apart several golint runs in code scanning.")
    var category: String?

    @OptionGroup var common: CommonOptions

    func validate() throws {
        _ = try outputs()
    }

    /// `--output sarif=golint.sarif` as (format, path) pairs.
    func outputs() throws -> [(CheckFormat, String)] {
        try output.map { spec in
            guard let equals = spec.firstIndex(of: "="), let format = CheckFormat(rawValue: String(spec[..<equals])),
                  spec.index(after: equals) < spec.endIndex
            else { throw ValidationError("--output takes FORMAT=PATH with a format of \(CheckFormat.allCases.map(\.rawValue).joined(separator: ", ")): '\(spec)'") }
            return (format, String(spec[spec.index(after: equals)...]))
        }
    }

    func run() throws {
        var request = source.request(common)
        request.baselineFile = baseline
        request.format = format
        request.reports = try outputs().map { (format: $0.0, path: $0.1) }
        request.style = common.textStyle
        request.strict = strict
        request.category = category
        request.options.summarize = JobSummary.isRequested
        let outcome = try CheckRun.run(request)
        if JobSummary.isRequested { try JobSummary.append(CheckMarkdownReporter.report(outcome.report)) }
        outcome.notes.forEach(note)
        try emit(outcome.output)
        if outcome.failed { throw ExitCode(1) }
    }
}

struct BaselineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline",
        abstract: "Write the current findings to a baseline file, to accept them and see only new ones.")

    @OptionGroup var source: SourceOptions

    @Option(name: .long, help: "Write the baseline to this file (default: standard output).")
    var output: String?

    @OptionGroup var common: CommonOptions

    func run() throws {
        let baseline = try CheckRun.baseline(source.request(common))
        guard let output else { return emit(baseline.rendered()) }
        try ReportFiles.writeAll([(path: output, output: ReportOutput(baseline.rendered()))])
        if !common.quiet { emit("wrote \(baseline.counts.values.reduce(0, +)) findings to \(output)\n") }
    }
}

func note(_ message: String) {
    FileHandle.standardError.write(Data("golint: note: \(message)\n".utf8))
}
