import Foundation

/// One `golint history`, `diff` or `blame`: which commits, which documents, which format.
public struct AuditRequest {
    public enum Scope: Sendable {
        /// Commits reachable from `until` and not from `since`, one by one (with `firstParent`, the
        /// main line's only: each merge as what its branch brought).
        case history(since: String?, until: String, firstParent: Bool = false)
        /// Two revisions compared as one step.
        case diff(from: String, to: String)
        /// The last change to each item of one document.
        case blame(path: String, revision: String)

        /// The revision whose configuration applies.
        var configuredAt: String {
            switch self {
            case let .history(_, until, _): until
            case let .diff(_, to): to
            case let .blame(_, revision): revision
            }
        }
    }

    public var scope: Scope
    public var repository = RepositoryAccess()
    /// Paths as given on the command line (relative to the current directory).
    public var paths: [String] = []
    public var configurationFile: String?
    public var format: AuditFormat = .text
    /// Where commits already walked are remembered; nil walks every commit.
    public var cache: HistoryCache?
    /// Told how many commits of how many are walked (a long history's progress line).
    public var progress: ((Int, Int) -> Void)?

    public init(_ scope: Scope) {
        self.scope = scope
    }
}

public enum AuditRun {
    public static func run(_ request: AuditRequest) throws -> Outcome {
        let walker = try HistoryWalker(access: request.repository, configurationRevision: request.scope.configuredAt,
                                       configurationFile: request.configurationFile)
        var outcome = Outcome()
        switch request.scope {
        case let .history(since, until, firstParent):
            var options = HistoryOptions()
            options.firstParent = firstParent
            options.paths = walker.repositoryPaths(request.paths)
            options.since = since
            options.until = until
            options.cache = request.cache
            let report = try walker.history(options, progress: request.progress)
            if !report.shallowBoundary.isEmpty { outcome.notes.append(shallowNote(report.shallowBoundary)) }
            outcome.notes += report.notes
            let header = HistoryReporter.Header(since: since, until: until, commits: report.commits, shallowBoundary: report.shallowBoundary)
            outcome.output = HistoryReporter.render(report.events, header: header, format: request.format)
        case let .diff(from, to):
            let events = try walker.diff(from: from, to: to, paths: walker.repositoryPaths(request.paths))
            outcome.output = HistoryReporter.render(events, header: .init(since: from, until: to, commits: 1, shallowBoundary: []), format: request.format)
        case let .blame(path, revision):
            let documentPath = walker.repositoryPaths([path])[0]
            let entries = try walker.blame(path: documentPath, revision: revision)
            if let boundary = entries.first(where: \.beforeShallowBoundary) { outcome.notes.append(shallowNote([boundary.lastChange.commit])) }
            outcome.output = ReportOutput(HistoryReporter.renderBlame(entries, path: documentPath, revision: revision, format: request.format))
        }
        return outcome
    }

    private static func shallowNote(_ commits: [String]) -> String {
        "shallow clone; history stops at \(commits.map { String($0.prefix(10)) }.joined(separator: ", ")) (older commits are not in this clone)"
    }
}
