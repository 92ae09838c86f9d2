import ArgumentParser
import Foundation
import GolintKit

struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Where the launch stands: done, overdue, approvals and placeholders per document and workstream.")

    @OptionGroup var source: SourceOptions

    @Option(name: .long, help: "Output format.")
    var format: StatusFormat = .text

    @OptionGroup var common: CommonOptions

    func run() throws {
        var request = source.request(common)
        request.jobSummary = JobSummary.isRequested
        try finish(CheckRun.status(request, format: format), quiet: common.quiet)
    }
}
