@testable import GolintKit
import XCTest

/// The registry's stages: every rule runs in exactly one, the filters in their stated order, and a
/// rule that ships switched off runs only once the configuration names it.
final class RuleStageTests: XCTestCase {
    func testEveryRuleRunsInExactlyOneStage() {
        for rule in RuleRegistry.rules {
            let stages = [rule is any DocumentRule.Type, rule is any ApprovalRule.Type, rule is any ChangeRule.Type, rule is any FindingFilter.Type]
                .filter { $0 }
            XCTAssertEqual(stages.count, 1, "\(rule.description.id) runs in \(stages.count) stages")
        }
        let filterIDs = RuleRegistry.filters.map { $0.description.id }
        XCTAssertEqual(filterIDs, ["unused-suppression", "expired-waiver", "waiver-unauthorized"],
                       "inline suppressions first, then waivers, then the waivers their policy refuses (they hide nothing)")
        XCTAssertEqual(Set(filterIDs), Set(RuleRegistry.rules.filter { $0 is any FindingFilter.Type }.map { $0.description.id }),
                       "every registered filter runs, once")
        XCTAssertEqual(RuleRegistry.documentRules.count + RuleRegistry.approvalRules.count + RuleRegistry.changeRules.count + RuleRegistry.filters.count,
                       RuleRegistry.rules.count)
    }

    func testAnOptInRuleIsOffUntilConfigured() throws {
        var description = OverdueItemRule.description
        description.isOptIn = true
        var configuration = Configuration.shipped()
        XCTAssertNil(configuration.severity(of: description), "off by default")
        XCTAssertEqual(configuration.severity(of: OverdueItemRule.description), .error, "a rule that is not opt-in runs at its severity")
        try ConfigurationLoader.apply(yaml: "rules:\n  overdue-item: warning\n", file: ".golint.yml", kind: .configuration, to: &configuration)
        XCTAssertEqual(configuration.severity(of: description), .warning, "on once configured")
    }

    func testTheReadmeRuleTableIsGolintRulesAsMarkdown() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let table = RuleListReporter.render(RuleRegistry.rules.map { $0.description }, format: .markdown)
        XCTAssertTrue(readme.contains("\n" + table + "\n"), "README's rule table differs from golint rules --format markdown:\n\(table)")
    }

    func testRulesListSaysWhichRulesShipSwitchedOff() {
        var optIn = OverdueItemRule.description
        optIn.isOptIn = true
        let text = RuleListReporter.render([optIn, PlaceholderRule.description], format: .text)
        XCTAssertTrue(text.hasPrefix("overdue-item  off      An open deliverable"), text)
        XCTAssertTrue(text.contains("(opt-in: runs once `.golint.yml` gives it a severity)\nplaceholder   error    "), text)
        let markdown = RuleListReporter.render([optIn], format: .markdown)
        XCTAssertTrue(markdown.hasSuffix("gives it a severity) | off |\n"), markdown)
    }
}
