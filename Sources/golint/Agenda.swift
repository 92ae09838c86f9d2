import ArgumentParser
import Foundation
import GolintKit

struct AgendaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agenda",
        abstract: "Per owner: what is overdue, what falls due soon, and the approvals still to give (for scheduled runs).")

    @OptionGroup var source: SourceOptions

    @Option(name: .long, help: ArgumentHelp("List what falls due within this span: 7d, 36h, 90m.", valueName: "span"))
    var dueWithin = "7d"

    @Option(name: .long, help: ArgumentHelp("Only this owner: a name or role, an email (its roles in signoff.roles), or me.", valueName: "who"))
    var owner: String?

    @Option(name: .long, help: ArgumentHelp("Show only what changed since the run that wrote this file, then rewrite it.", valueName: "file"),
            completion: .file(extensions: ["json"]))
    var sinceDigest: String?

    @Option(name: .long, help: "Output format.")
    var format: AgendaFormat = .text

    @OptionGroup var common: CommonOptions

    func validate() throws {
        _ = try span()
    }

    func span() throws -> TimeInterval {
        guard let seconds = TimeLeft.seconds(in: dueWithin) else {
            throw ValidationError("--due-within takes a span such as 7d, 36h or 90m: '\(dueWithin)'")
        }
        return seconds
    }

    func run() throws {
        var request = AgendaRequest(source.request(common))
        request.dueWithin = try span()
        request.owner = owner
        request.digestFile = sinceDigest
        request.format = format
        try finish(AgendaRun.run(request), quiet: common.quiet)
    }
}

extension AgendaFormat: ExpressibleByArgument {}
