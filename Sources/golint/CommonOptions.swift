import ArgumentParser
import Foundation
import GolintKit

/// Options every command that reads a repository takes.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: "The repository (default: the one containing the current directory).")
    var repo: String?

    @Option(name: .long, help: "Configuration file on disk (default: .golint.yml at the repository root, from the same source as the documents).")
    var config: String?

    @Flag(name: .long, help: "Never colour the output.")
    var noColor = false

    @Flag(name: .long, help: "Print only errors, no summary.")
    var quiet = false

    /// The repository these options name: `--repo`, or the one git's environment names.
    var repositoryAccess: RepositoryAccess { RepositoryAccess(directory: repo) }

    /// A history walker configured as of `revision`.
    func historyWalker(configuredAt revision: String) throws -> HistoryWalker {
        try HistoryWalker(access: repositoryAccess, configurationRevision: revision, configurationFile: config)
    }

    /// Colour only on a terminal, and never with `NO_COLOR` set (no-color.org).
    var textStyle: TextStyle {
        let environment = ProcessInfo.processInfo.environment
        let color = !noColor && environment["NO_COLOR"].map(\.isEmpty) != false && isatty(STDOUT_FILENO) == 1
        return TextStyle(color: color, quiet: quiet)
    }
}

/// Writes a report to standard output at once.
func emit(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}

/// Writes a rendered report to standard output part by part, without copying it (reports run to
/// tens of megabytes).
func emit(_ output: ReportOutput) throws {
    try output.write { try FileHandle.standardOutput.write(contentsOf: $0) }
}

extension CheckFormat: ExpressibleByArgument {}
extension AuditFormat: ExpressibleByArgument {}
extension StatusFormat: ExpressibleByArgument {}
