import ArgumentParser
import Foundation
import GolintKit

struct InstallHook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install-hook",
        abstract: "Install the pre-commit hook (honours core.hooksPath; never replaces a hook without --force).")

    @Flag(name: .long, help: "Keep an existing pre-commit hook as pre-commit.golint-chained and run it first.")
    var force = false

    @OptionGroup var common: CommonOptions

    func run() throws {
        let repository = try common.openRepository()
        let result = try HookInstaller.install(in: repository, golint: executablePath(), force: force)
        if !common.quiet {
            emit("installed \(result.path)" + (result.chained.map { " (runs \($0) first)" } ?? "") + "\n")
        }
    }

    /// This binary's absolute path, so the hook works without golint on PATH.
    private func executablePath() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }
}
