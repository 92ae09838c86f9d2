import ArgumentParser
import Foundation
import GolintKit

struct Blame: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Who last changed the state of each item and sign-off in a document.")

    @Argument(help: "The document.", completion: .file(extensions: ["md", "markdown"])) var path: String

    @Option(name: .long, help: "The revision to blame (default HEAD).")
    var rev: String = "HEAD"

    @OptionGroup var output: AuditOutputOptions
    @OptionGroup var common: CommonOptions

    func run() throws {
        try finish(AuditRun.run(output.request(.blame(path: path, revision: rev), paths: [], common)), quiet: common.quiet)
    }
}
