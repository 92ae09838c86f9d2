import ArgumentParser
import Foundation
import GolintKit

@main
struct GolintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "golint",
        abstract: "Lint go-live checklists in a git repository: overdue items, placeholders, missing sign-offs.",
        version: Golint.versionLine,
        subcommands: [Check.self, Status.self, Report.self, History.self, Diff.self, Blame.self, BaselineCommand.self, RulesCommand.self, InstallHook.self])

    /// Exit codes are the contract's: 0 clean, 1 findings, 2 could not run (bad arguments included,
    /// where ArgumentParser would use 64). Errors are one line on stderr.
    static func main() {
        do {
            var command = try parseDirectly() ?? parseAsRoot()
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

    /// Building the whole command tree costs about 2 ms of reflection per start, a fifth of a hook's
    /// budget; `golint check …` (what hooks and CI run) is parsed against its subcommand alone.
    /// Help, version and completion requests, and anything that fails to parse, go through the root
    /// so that usage and error messages read the same.
    static func parseDirectly() -> ParsableCommand? {
        let arguments = CommandLine.arguments.dropFirst()
        guard let name = arguments.first,
              let subcommand = configuration.subcommands.first(where: { $0._commandName == name }),
              !arguments.contains(where: { $0 == "help" || $0 == "-h" || $0.hasPrefix("--help") || $0.hasPrefix("--version")
                  || $0.hasPrefix("--generate-completion") || $0.hasPrefix("--experimental") })
        else { return nil }
        return try? subcommand.parseAsRoot(Array(arguments.dropFirst()))
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("golint: \(message)\n".utf8))
        Foundation.exit(2)
    }
}
