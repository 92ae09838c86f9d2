import ArgumentParser
import Foundation
import GolintKit

@main
struct GolintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "golint",
        abstract: "Lint go-live checklists in a git repository: overdue items, placeholders, missing sign-offs.",
        discussion: GolintCommand.discussion,
        version: Golint.versionLine,
        subcommands: [Check.self, Status.self, AgendaCommand.self, Report.self, History.self, Diff.self, Blame.self, Evidence.self, BaselineCommand.self, RulesCommand.self, CacheCommand.self, InstallHook.self])

    /// The sections of `golint --help` and of the manual page after the options: one text for both.
    static let discussion = """
        EXIT STATUS
          0  ran; nothing at error severity (with --strict: nor at warning)
          1  ran; findings at error severity (evidence verify: the folder differs)
          2  could not run: bad arguments, no repository, invalid configuration,
             an unknown revision; one line on standard error, no report file

        ENVIRONMENT
          GOLINT        the golint the pre-commit hook runs (default: on PATH)
          NO_COLOR      never colour the output
          GIT_DIR, GIT_WORK_TREE, GIT_INDEX_FILE, GIT_OBJECT_DIRECTORY
                        the repository, work tree and index, as git reads them
          GIT_AUTHOR_NAME, GIT_AUTHOR_EMAIL
                        who gives the approvals of --staged and --worktree
          GITHUB_STEP_SUMMARY
                        check and status append a Markdown summary to it
          XDG_CACHE_HOME, HOME
                        history and report cache what they learnt of each
                        commit in $XDG_CACHE_HOME/golint (else ~/.cache/golint)

        FILES
          .golint.yml   configuration, read from where the documents are read
          rules/*.yml   rule packs that .golint.yml names under packs:
          signoff.allowed-signers
                        SSH keys (git's allowed signers format), read from
                        the trusted revision (--trust-rev)
          .mailmap      one identity per person in history and sign-offs

        EXAMPLES
          golint check                     lint the documents at HEAD
          golint check --staged --changed --new-since HEAD   the pre-commit hook
          golint check --format sarif --output junit=golint.xml
          golint status --now 2026-03-06T12:00+01:00
          golint agenda --owner me --due-within 3d --format ics
          golint history --since v1.0 --format csv
          golint evidence --since v1.0 --until v1.1 --release v1.1 --output q1
          golint report --output launch.html
        """

    /// Exit codes are the contract's: 0 clean, 1 findings, 2 could not run (bad arguments included,
    /// where ArgumentParser would use 64). Errors are one line on stderr.
    static func main() {
        TemporaryFiles.installHandlers()
        do {
            var command = try parseDirectly() ?? parseAsRoot()
            try command.run()
        } catch let error as GolintError {
            fail(error.description)
        } catch let error as ExitCode {
            Foundation.exit(error.rawValue)
        } catch {
            if exitCode(for: error) == .success { exit(withError: error) }
            fail(mistypedCommand() ?? oneLine(fullMessage(for: error)) ?? "\(error)")
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

    /// ArgumentParser's message on one line: its first line, with the values it lists below
    /// (`Please provide one of the following:` then `- text`, `- json`, …) joined onto it.
    static func oneLine(_ message: String) -> String? {
        let lines = message.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        guard var first = lines.first else { return nil }
        if first.hasSuffix(":") {
            let values = lines.dropFirst().prefix { $0.hasPrefix("- ") }.map { String($0.dropFirst(2)) }
            if !values.isEmpty { first += " " + values.joined(separator: ", ") + "." }
        }
        return first.hasPrefix("Error: ") ? String(first.dropFirst(7)) + " (see golint --help)" : first
    }

    /// `golint chek`: the command meant, when the first argument is one or two edits from one.
    static func mistypedCommand() -> String? {
        guard let name = CommandLine.arguments.dropFirst().first, !name.hasPrefix("-") else { return nil }
        let names = configuration.subcommands.map { $0._commandName }
        guard !names.contains(name), let nearest = names.min(by: { editDistance(name, $0) < editDistance(name, $1) }),
              editDistance(name, nearest) <= 2 else { return nil }
        return "unknown command '\(name)'; did you mean '\(nearest)'? (see golint --help)"
    }

    /// Levenshtein distance, by characters.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("golint: \(message)\n".utf8))
        Foundation.exit(2)
    }
}
