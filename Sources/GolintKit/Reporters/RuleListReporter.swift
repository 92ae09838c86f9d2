import Foundation

public enum RuleListFormat: String, CaseIterable, Sendable {
    case text, markdown
}

/// `golint rules`: every rule with its id, default severity and summary. The README's rule table
/// is the Markdown form (summaries are Markdown already: only a column break is escaped).
public enum RuleListReporter {
    public static func render(_ rules: [RuleDescription], format: RuleListFormat) -> String {
        switch format {
        case .text:
            let width = rules.map(\.id.count).max() ?? 0
            return rules.map { rule in
                let id = rule.id.padding(toLength: width, withPad: " ", startingAt: 0)
                let severity = defaultSeverity(rule).padding(toLength: 7, withPad: " ", startingAt: 0)
                return "\(id)  \(severity)  \(rule.summary)\(rule.isOptIn ? optInNote : "")\n"
            }.joined()
        case .markdown:
            return "| id | finds | default |\n|---|---|---|\n" + rules.map { rule in
                "| `\(rule.id)` | \((rule.summary + (rule.isOptIn ? optInNote : "")).replacingOccurrences(of: "|", with: "\\|")) | \(defaultSeverity(rule)) |\n"
            }.joined()
        }
    }

    private static let optInNote = " (opt-in: runs once `.golint.yml` gives it a severity)"

    private static func defaultSeverity(_ rule: RuleDescription) -> String {
        rule.defaultSeverity?.rawValue ?? "off"
    }
}
