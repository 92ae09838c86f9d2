import ArgumentParser
import Foundation
import GolintKit

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Lint documents from a revision, the index or the working tree.")

    @OptionGroup var source: SourceOptions

    @Option(name: .long, help: "Output format.")
    var format: CheckFormat = .text

    @Option(name: .long, help: ArgumentHelp("Also write a report to a file, FORMAT=PATH (sarif=golint.sarif); repeatable.", valueName: "format=path"), completion: .file())
    var output: [String] = []

    @Option(name: .long, help: "Hide the findings accepted in this baseline file (see golint baseline).", completion: .file(extensions: ["json"]))
    var baseline: String?

    @Option(name: .long, help: ArgumentHelp("Report only the findings this revision does not have, at the same --now (HEAD in the hook; the merge base in a pull request).", valueName: "rev"))
    var newSince: String?

    @Option(name: .long, help: ArgumentHelp("Approvals must come from this release's history and not after it (a tag or commit).", valueName: "rev"))
    var release: String?

    @Option(name: .long, help: ArgumentHelp("Judge what the change since this revision did: open work removed, deadlines moved after they passed.", valueName: "rev"))
    var base: String?

    @Flag(name: .long, help: "Fail on warnings too.")
    var strict = false

    @Option(name: .long, help: "SARIF category (automationDetails.id), to tell apart several golint runs in code scanning.")
    var category: String?

    @OptionGroup var common: CommonOptions

    func validate() throws {
        _ = try outputs()
    }

    /// `--output sarif=golint.sarif` as (format, path) pairs.
    func outputs() throws -> [(CheckFormat, String)] {
        try output.map { spec in
            guard let equals = spec.firstIndex(of: "="), let format = CheckFormat(rawValue: String(spec[..<equals])),
                  spec.index(after: equals) < spec.endIndex
            else { throw ValidationError("--output takes FORMAT=PATH with a format of \(CheckFormat.allCases.map(\.rawValue).joined(separator: ", ")): '\(spec)'") }
            return (format, String(spec[spec.index(after: equals)...]))
        }
    }

    func run() throws {
        var request = source.request(common)
        request.baselineFile = baseline
        request.format = format
        request.reports = try outputs().map { (format: $0.0, path: $0.1) }
        request.strict = strict
        request.category = category
        request.newSince = newSince
        request.options.release = release
        request.options.base = base
        request.jobSummary = JobSummary.isRequested
        try finish(CheckRun.run(request), quiet: common.quiet)
    }
}
