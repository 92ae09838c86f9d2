import ArgumentParser
import Foundation
import GolintKit

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

    @Option(name: .long, help: "Evaluation time, ISO 8601 (2026-03-06T12:00+01:00); default: now.")
    var now: String?

    func validate() throws {
        if [rev != nil, staged, worktree].filter({ $0 }).count > 1 {
            throw ValidationError("--rev, --staged and --worktree exclude each other")
        }
        if changed && !staged { throw ValidationError("--changed goes with --staged") }
        if let now, ISOTime.parse(now) == nil {
            throw ValidationError("--now '\(now)' is not an ISO 8601 time (2026-03-06T12:00:00+01:00)")
        }
    }

    func run(_ common: CommonOptions) throws -> CheckReport {
        let repository = try common.openRepository()
        var options = CheckOptions()
        options.source = staged ? .index : worktree ? .worktree : .revision(rev ?? "HEAD")
        options.paths = common.repositoryPaths(paths, in: repository)
        options.onlyChangedInIndex = changed
        options.configurationFile = common.config
        if let now, let parsed = ISOTime.parse(now) {
            options.now = parsed.date
            options.evaluationZone = parsed.zone
        }
        return try Linter.check(repository: repository, options: options)
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

    @OptionGroup var common: CommonOptions

    func validate() throws {
        _ = try outputs()
    }

    /// `--output sarif=golint.sarif` as (format, path) pairs.
    func outputs() throws -> [(OutputFormat, String)] {
        try output.map { spec in
            guard let equals = spec.firstIndex(of: "="), let format = CheckFormat(rawValue: String(spec[..<equals]))?.format,
                  spec.index(after: equals) < spec.endIndex
            else { throw ValidationError("--output takes FORMAT=PATH with a format of text, json, sarif, github, junit: '\(spec)'") }
            return (format, String(spec[spec.index(after: equals)...]))
        }
    }

    func run() throws {
        var report = try source.run(common)
        if let baseline {
            let applied = try Baseline.read(file: baseline).apply(to: report.findings)
            report = report.with(findings: applied.kept)
            for (entry, count) in applied.stale.prefix(20) {
                note("baseline entry no longer matches\(count > 1 ? " (\(count)×)" : ""): \(entry.path) [\(entry.rule)] \(entry.text)")
            }
            if applied.stale.count > 20 { note("\(applied.stale.count - 20) more baseline entries no longer match") }
        }
        // Reports are written only once the run has succeeded: a failed run writes nothing.
        for (format, path) in try outputs() {
            do {
                try Reporters.render(report, format: format, style: TextStyle()).write(toFile: path, atomically: true, encoding: .utf8)
            } catch {
                throw GolintError.usage("\(path): cannot write the \(format.rawValue) report")
            }
        }
        emit(Reporters.render(report, format: format.format, style: common.textStyle))
        let failing: Severity = strict ? .warning : .error
        if report.findings.contains(where: { $0.severity >= failing }) { throw ExitCode(1) }
    }
}

struct BaselineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline",
        abstract: "Write the current findings to a baseline file, to accept them and see only new ones.")

    @OptionGroup var source: SourceOptions

    @Option(name: .long, help: "The baseline file to write.")
    var output = ".golint-baseline.json"

    @OptionGroup var common: CommonOptions

    func run() throws {
        let report = try source.run(common)
        let baseline = Baseline(findings: report.findings)
        do {
            try baseline.rendered().write(toFile: output, atomically: true, encoding: .utf8)
        } catch {
            throw GolintError.usage("\(output): cannot write the baseline")
        }
        if !common.quiet { emit("wrote \(report.findings.count) findings to \(output)\n") }
    }
}

func note(_ message: String) {
    FileHandle.standardError.write(Data("golint: note: \(message)\n".utf8))
}
