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
        let result = try HookInstaller.install(in: common.repositoryAccess, force: force)
        if !common.quiet {
            emit("installed \(result.path)" + (result.chained.map { " (runs \($0) first)" } ?? "") + "\n")
        }
        if !result.golintOnPath {
            note("golint is not on PATH: the hook stops every commit that stages a document until it is, or until GOLINT names it")
        }
    }
}
