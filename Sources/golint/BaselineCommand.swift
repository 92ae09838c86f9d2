import ArgumentParser
import Foundation
import GolintKit

struct BaselineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline",
        abstract: "Write the current findings to a baseline file, to accept them and see only new ones.")

    @OptionGroup var source: SourceOptions

    @Option(name: .long, help: "Write the baseline to this file (default: standard output).", completion: .file(extensions: ["json"]))
    var output: String?

    @OptionGroup var common: CommonOptions

    func run() throws {
        try finish(CheckRun.baseline(source.request(common), file: output), quiet: common.quiet)
    }
}
