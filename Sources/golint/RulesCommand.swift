import ArgumentParser
import Foundation
import GolintKit

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "List the rules with id, default severity and description.")

    @Option(name: .long, help: "Output format.")
    var format: RuleListFormat = .text

    func run() throws {
        try emit(RuleListReporter.render(RuleRegistry.rules.map { $0.description }, format: format))
    }
}

extension RuleListFormat: ExpressibleByArgument {}
