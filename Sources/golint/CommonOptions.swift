import ArgumentParser
import Foundation
import GolintKit

/// Options every command that reads a repository takes.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: "The repository (default: the one containing the current directory).", completion: .directory)
    var repo: String?

    @Option(name: .long, help: "Configuration file on disk (default: .golint.yml at the repository root, from the same source as the documents).",
            completion: .file(extensions: ["yml", "yaml"]))
    var config: String?

    @Flag(name: .long, help: "Never colour the output.")
    var noColor = false

    @Flag(name: .long, help: "Print only errors, no summary.")
    var quiet = false

    /// The repository these options name: `--repo`, or the one git's environment names.
    var repositoryAccess: RepositoryAccess { RepositoryAccess(directory: repo) }

    /// Colour only on a terminal, and never with `NO_COLOR` set (no-color.org).
    var textStyle: TextStyle {
        let environment = ProcessInfo.processInfo.environment
        let color = !noColor && environment["NO_COLOR"].map(\.isEmpty) != false && isatty(STDOUT_FILENO) == 1
        return TextStyle(color: color, quiet: quiet)
    }
}

/// Prints what a run gave back: notes, what it did (unless `--quiet`), the job summary, the
/// output; exit status 1 when it failed.
func finish(_ outcome: some CommandOutcome, quiet: Bool) throws {
    outcome.notes.forEach(note)
    if !quiet { outcome.done.forEach { FileHandle.standardError.write(Data("golint: \($0)\n".utf8)) } }
    if let summary = outcome.jobSummary { try JobSummary.append(summary) }
    try emit(outcome.output)
    if outcome.failed { throw ExitCode(1) }
}

/// Writes a report to standard output at once.
func emit(_ text: String) throws {
    try writeStandardOutput(Array(text.utf8))
}

/// Writes a rendered report to standard output part by part, without copying it (reports run to
/// tens of megabytes).
func emit(_ output: ReportOutput) throws {
    try output.write(writeStandardOutput)
}

/// A failed write (a full disk, a file-size limit) stops the run with one line naming the cause, exit 2.
private func writeStandardOutput(_ bytes: [UInt8]) throws {
    if let code = writeAll(bytes, to: STDOUT_FILENO) {
        throw GolintError.usage("cannot write standard output: \(String(cString: strerror(code)))")
    }
}

extension CheckFormat: ExpressibleByArgument {}
extension AuditFormat: ExpressibleByArgument {}
extension StatusFormat: ExpressibleByArgument {}

func note(_ message: String) {
    FileHandle.standardError.write(Data("golint: note: \(message)\n".utf8))
}
