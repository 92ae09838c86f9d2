import Foundation
import GolintGit

/// One `golint check` (or `golint baseline`) from request to output: repository, source, baseline,
/// reports. The command line only parses options into a request and prints the outcome.
public struct CheckRequest: Sendable {
    public var repository = RepositoryAccess()
    /// Paths as given on the command line (relative to the current directory).
    public var paths: [String] = []
    public var options: CheckOptions
    public var baselineFile: String?
    public var format: CheckFormat = .text
    /// Further reports of the same run: all are written, or none.
    public var reports: [(format: CheckFormat, path: String)] = []
    public var style = TextStyle()
    /// Warnings fail the run too.
    public var strict = false
    /// SARIF's `automationDetails.id`: tells code scanning apart runs of several configurations.
    public var category: String?
    /// Sum the run up as Markdown for GitHub's job summary too.
    public var jobSummary = false
    /// Report only the findings this revision does not have (`--new-since`).
    public var newSince: String?

    public init(now: Date) {
        options = CheckOptions(now: now)
    }
}

public struct CheckOutcome: CommandOutcome, Sendable {
    public let output: ReportOutput
    public let notes: [String]
    public var done: [String] { [] }
    public let jobSummary: String?
    public let failed: Bool
    /// What the run found, before rendering.
    public let report: CheckReport
}

public enum CheckRun {
    public static func run(_ request: CheckRequest) throws -> CheckOutcome {
        var request = request
        // Markdown opens with where the launch stands.
        if request.jobSummary || request.format == .markdown || request.reports.contains(where: { $0.format == .markdown }) {
            request.options.summarize = true
        }
        var report = try reportingGitErrors { try check(request) }
        if let base = request.options.base {
            let changes = try reportingGitErrors { try ChangeCheck.findings(report, base: base, request) }
            report = report.with(findings: (report.findings + changes).sorted(by: Finding.ordered), suppressed: report.suppressed)
        }
        if let reference = request.newSince {
            report = try reportingGitErrors { try onlyNew(report, since: reference, request) }
        }
        var notes = report.notes
        if let file = request.baselineFile {
            let applied = try Baseline.read(file: file).apply(to: report.findings)
            report = report.with(findings: applied.kept, suppressed: report.suppressed + applied.hidden.map {
                SuppressedFinding(finding: $0, kind: .external, justification: "baseline \(file)")
            })
            for (entry, count) in applied.stale.prefix(20) {
                notes.append("baseline entry no longer matches\(count > 1 ? " (\(count)×)" : ""): \(entry.path) [\(entry.rule)] \(entry.text)")
            }
            if applied.stale.count > 20 { notes.append("\(applied.stale.count - 20) more baseline entries no longer match") }
        }
        let files = request.reports.map {
            (path: $0.path, output: Reporters.render(report, format: $0.format, style: TextStyle(), category: request.category, notes: notes))
        }
        try ReportFiles.writeAll(files)
        let failing: Severity = request.strict ? .warning : .error
        return CheckOutcome(output: Reporters.render(report, format: request.format, style: request.style, category: request.category, notes: notes),
                            notes: notes, jobSummary: request.jobSummary ? CheckMarkdownReporter.report(report) : nil,
                            failed: report.findings.contains { $0.severity >= failing }, report: report)
    }

    /// `golint status`: where the launch stands, by the same run `check` makes, in `format`.
    public static func status(_ request: CheckRequest, format: StatusFormat) throws -> Outcome {
        let status = try launchStatus(request)
        return Outcome(output: ReportOutput(StatusReporter.render(status, format: format, style: request.style)),
                       jobSummary: request.jobSummary ? StatusReporter.markdown(status) : nil)
    }

    /// Where the launch stands, by the same run `check` makes.
    static func launchStatus(_ request: CheckRequest, repository: Repository? = nil, configuration: Configuration? = nil) throws -> LaunchStatus {
        var request = request
        request.options.summarize = true
        return try reportingGitErrors { try check(request, repository: repository, configuration: configuration) }.status
    }

    /// `golint baseline`: the findings of a run as a baseline file, written to `file` (all or
    /// nothing) or to standard output.
    public static func baseline(_ request: CheckRequest, file: String?) throws -> Outcome {
        let baseline = Baseline(findings: try reportingGitErrors { try check(request) }.findings)
        guard let file else { return Outcome(output: ReportOutput(baseline.rendered())) }
        try ReportFiles.writeAll([(path: file, output: ReportOutput(baseline.rendered()))])
        return Outcome(done: ["wrote \(baseline.counts.values.reduce(0, +)) findings to \(file)"])
    }

    /// The report with only the findings `reference` does not have; the others become `existing`.
    private static func onlyNew(_ report: CheckReport, since reference: String, _ request: CheckRequest) throws -> CheckReport {
        var result = report
        result.newSince = reference
        let repository = try request.repository.open()
        // Before the first commit there is nothing to compare with: every finding is new.
        if reference == "HEAD" && repository.isHeadUnborn { return result }
        // An unknown revision is an error, findings or not.
        let referenceSource = try openSource(.revision(reference), in: repository)
        // No findings, nothing to compare (most commits a hook sees): the reference is not read.
        guard !report.findings.isEmpty else { return result }
        let compared = try Comparison(request, repository: repository, reference: referenceSource)
        let allEvaluated = Set(try compared.source.files { compared.configuration.isDocument($0) }.map(\.path))
        let referenceAll = try referenceSource.files { compared.referenceConfiguration.isDocument($0) }.map(\.path)
        var referenceOptions = request.options
        referenceOptions.source = .revision(reference)
        referenceOptions.paths = []
        referenceOptions.onlyChangedInIndex = false
        referenceOptions.summarize = false
        referenceOptions.documentFilter = NewFindings.referencePaths(evaluated: report.documentPaths, allEvaluated: allEvaluated,
                                                                     reference: referenceAll)
        let referenceReport = try Linter.check(repository: repository, options: referenceOptions)
        func snapshot(_ source: DocumentSource, _ configuration: Configuration) -> (String) throws -> DocumentSnapshot? {
            { path in try source.read(path: path).map { try DocumentSnapshot(bytes: $0, path: path, configuration: configuration) } }
        }
        let split = try NewFindings.split(report.findings, reference: referenceReport.findings, documents: report.documentPaths,
                                          referenceDocuments: referenceReport.documentPaths,
                                          read: snapshot(compared.source, compared.configuration),
                                          readReference: snapshot(referenceSource, compared.referenceConfiguration))
        result = result.with(findings: split.new, suppressed: report.suppressed)
        result.existing = split.existing
        return result
    }

    /// `repository` and `configuration`: already open (the report's history walk opened them).
    private static func check(_ request: CheckRequest, repository: Repository? = nil, configuration: Configuration? = nil) throws -> CheckReport {
        let repository = try repository ?? request.repository.open()
        var options = request.options
        options.paths = request.repository.repositoryPaths(request.paths, in: repository)
        return try Linter.check(repository: repository, options: options, configuration: configuration)
    }
}
