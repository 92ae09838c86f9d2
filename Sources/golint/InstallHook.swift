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
        try finish(HookInstaller.run(in: common.repositoryAccess, force: force), quiet: common.quiet)
    }
}
