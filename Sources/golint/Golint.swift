import ArgumentParser
import Foundation
import GolintKit

@main
struct GolintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "golint",
        abstract: "Lint go-live checklists in a git repository: overdue items, placeholders, missing sign-offs.",
        version: Golint.version,
        subcommands: [Check.self, History.self, Diff.self, Blame.self, BaselineCommand.self, RulesCommand.self, InstallHook.self])

    /// Exit codes are the contract's: 0 clean, 1 findings, 2 could not run (bad arguments included,
    /// where ArgumentParser would use 64). Errors are one line on stderr.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as GolintError {
            fail(error.description)
        } catch let error as ExitCode {
            Foundation.exit(error.rawValue)
        } catch {
            if exitCode(for: error) == .success { exit(withError: error) }
            let message = fullMessage(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
            fail(message.hasPrefix("Error: ") ? String(message.dropFirst(7)) + " (see golint --help)" : message)
        }
        Foundation.exit(0)
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("golint: \(message)\n".utf8))
        Foundation.exit(2)
    }
}
