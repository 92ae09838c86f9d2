import ArgumentParser
import Foundation
import GolintKit

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "The checklist events between two revisions, as one step.")

    @Argument(help: "The older revision.") var revA: String
    @Argument(help: "The newer revision.") var revB: String
    @Argument(help: "Paths or directories that narrow the documents.", completion: .file(extensions: ["md", "markdown"])) var paths: [String] = []

    @OptionGroup var output: AuditOutputOptions
    @OptionGroup var common: CommonOptions

    func run() throws {
        try finish(AuditRun.run(output.request(.diff(from: revA, to: revB), paths: paths, common)), quiet: common.quiet)
    }
}
