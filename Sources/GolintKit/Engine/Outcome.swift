import Foundation

/// What a command's run gives back. The command line only prints it: the output on standard
/// output, notes on standard error, what was done unless `--quiet`, the job summary where the
/// runner asks for one, exit status 1 when the run failed.
public protocol CommandOutcome {
    var output: ReportOutput { get }
    /// Remarks on the run (a shallow clone's history ended, a baseline entry no longer matches).
    var notes: [String] { get }
    /// What the run did besides its output (`wrote report.html (12 KiB)`).
    var done: [String] { get }
    /// Markdown for GitHub's job summary, when the request asked for one.
    var jobSummary: String? { get }
    /// Findings at the failing severity.
    var failed: Bool { get }
}

/// The outcome of every command but `check`.
public struct Outcome: CommandOutcome, Sendable {
    public var output = ReportOutput("")
    public var notes: [String] = []
    public var done: [String] = []
    public var jobSummary: String?
    public var failed = false
}
