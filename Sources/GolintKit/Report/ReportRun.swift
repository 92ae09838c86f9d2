import Foundation

/// One `golint report`: the status at `until`, the history up to it, one HTML file.
public struct ReportRequest: Sendable {
    public var repository = RepositoryAccess()
    /// Paths as given on the command line (relative to the current directory).
    public var paths: [String] = []
    public var since: String?
    public var until = "HEAD"
    /// The audit trail of the main line only: each merge as what its branch brought.
    public var firstParent = false
    public var now: Date
    public var evaluationZone: TimeZone?
    public var configurationFile: String?
    public var output = "golint-report.html"
    /// Where commits already walked are remembered; nil walks every commit.
    public var cache: HistoryCache?

    public init(now: Date) {
        self.now = now
    }
}

public enum ReportRun {
    /// Writes the report. Nothing is written when anything fails.
    public static func run(_ request: ReportRequest) throws -> Outcome {
        let (html, notes) = try render(request)
        try ReportFiles.writeAll([(path: request.output, output: ReportOutput(html))])
        return Outcome(notes: notes, done: ["wrote \(request.output) (\(html.utf8.count / 1024) KiB)"])
    }

    /// The report's HTML, and notes on how it was made.
    static func render(_ request: ReportRequest) throws -> (html: String, notes: [String]) {
        // The walker first: in a repository without commits, its error says what is missing.
        let walker = try HistoryWalker(access: request.repository, configurationRevision: request.until,
                                       configurationFile: request.configurationFile)
        var check = CheckRequest(now: request.now)
        check.repository = request.repository
        check.paths = request.paths
        check.options.source = .revision(request.until)
        check.options.evaluationZone = request.evaluationZone
        check.options.configurationFile = request.configurationFile
        // The sign-off matrix names the commit of every given approval.
        check.options.traceApprovals = true
        // The repository and configuration the walker opened serve the status too.
        let status = try CheckRun.launchStatus(check, repository: walker.repository, configuration: walker.configuration)

        var options = HistoryOptions()
        options.paths = walker.repositoryPaths(request.paths)
        options.since = request.since
        options.until = request.until
        options.firstParent = request.firstParent
        options.cache = request.cache
        let history = try walker.history(options)
        let range = (request.since.map { "\($0)..\(request.until)" } ?? "every commit up to \(request.until)")
            + (request.firstParent ? ", first parents only" : "")
        return (ReportPage(status: status, history: history, burnDown: history.burnDown, range: range).html(), history.notes)
    }
}
