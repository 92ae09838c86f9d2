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
        let status = try CheckRun.status(source.request(common))
        try JobSummary.append(StatusReporter.markdown(status))
        emit(StatusReporter.render(status, format: format, style: common.textStyle))
    }
}
