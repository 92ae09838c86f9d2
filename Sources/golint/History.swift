import ArgumentParser
import Foundation
import GolintKit

struct History: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Report, commit by commit, who checked, filled, signed or moved what.")

    @Argument(help: "Paths or directories that narrow the documents.")
    var paths: [String] = []

    @Option(name: .long, help: "Leave out commits reachable from this revision.")
    var since: String?

    @Option(name: .long, help: "Walk back from this revision (default HEAD).")
    var until: String = "HEAD"

    @OptionGroup var output: AuditOutputOptions
    @OptionGroup var common: CommonOptions

    func run() throws {
        let format = output.format
        let walker = try common.historyWalker(configuredAt: until)
        var options = HistoryOptions()
        options.paths = walker.repositoryPaths(paths)
        options.since = since
        options.until = until
        let progress = ProgressLine()
        let report = try walker.history(options, progress: progress.update)
        progress.finish()
        if !report.shallowBoundary.isEmpty {
            let boundary = report.shallowBoundary.map { String($0.prefix(10)) }.joined(separator: ", ")
            note("shallow clone; history stops at \(boundary) (older commits are not in this clone)")
        }
        let header = HistoryReporter.Header(since: since, until: until, commits: report.commits, shallowBoundary: report.shallowBoundary)
        try emit(HistoryReporter.render(report.events, header: header, format: format))
    }
}

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "The checklist events between two revisions, as one step.")

    @Argument(help: "The older revision.") var revA: String
    @Argument(help: "The newer revision.") var revB: String
    @Argument(help: "Paths or directories that narrow the documents.") var paths: [String] = []

    @OptionGroup var output: AuditOutputOptions
    @OptionGroup var common: CommonOptions

    func run() throws {
        let format = output.format
        let walker = try common.historyWalker(configuredAt: revB)
        let events = try walker.diff(from: revA, to: revB, paths: walker.repositoryPaths(paths))
        try emit(HistoryReporter.render(events, header: .init(since: revA, until: revB, commits: 1, shallowBoundary: []), format: format))
    }
}

struct Blame: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Who last changed the state of each item and sign-off in a document.")

    @Argument(help: "The document.") var path: String

    @Option(name: .long, help: "The revision to blame (default HEAD).")
    var rev: String = "HEAD"

    @OptionGroup var output: AuditOutputOptions
    @OptionGroup var common: CommonOptions

    func run() throws {
        let format = output.format
        let walker = try common.historyWalker(configuredAt: rev)
        let documentPath = walker.repositoryPaths([path])[0]
        let entries = try walker.blame(path: documentPath, revision: rev)
        if let boundary = entries.first(where: \.beforeShallowBoundary) {
            note("shallow clone; history stops at \(boundary.lastChange.commit.prefix(10)) (older commits are not in this clone)")
        }
        emit(HistoryReporter.renderBlame(entries, path: documentPath, revision: rev, format: format))
    }
}

/// The output format of history, diff and blame.
struct AuditOutputOptions: ParsableArguments {
    @Option(name: .long, help: "Output format.")
    var format: AuditFormat = .text
}

/// "walking commits 1200/10000" on stderr, only on a terminal and only for long walks.
final class ProgressLine {
    private let enabled = isatty(STDERR_FILENO) == 1
    private var shown = false

    func update(_ done: Int, _ total: Int) {
        guard enabled, total >= 500, done % 100 == 0 || done == total else { return }
        FileHandle.standardError.write(Data("\rwalking commits \(done)/\(total)".utf8))
        shown = true
    }

    func finish() {
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
