import ArgumentParser
import Foundation
import GolintKit

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "List the rules with id, default severity and description.")

    func run() throws {
        let width = RuleRegistry.ids.map(\.count).max() ?? 0
        for rule in RuleRegistry.rules {
            let description = rule.description
            let id = description.id.padding(toLength: width, withPad: " ", startingAt: 0)
            let severity = description.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)
            emit("\(id)  \(severity)  \(description.summary)\n")
        }
    }
}
