import Foundation

/// Applies `golint-disable…` comments, and reports those that hide nothing or name an unknown rule.
public struct UnusedSuppressionRule: FindingFilter {
    public static let description = RuleDescription(
        id: "unused-suppression", name: "Unused suppression", severity: .warning,
        summary: "A `<!-- golint-disable… -->` comment that suppresses nothing or names an unknown rule.",
        triggering: [
            Example("↓<!-- golint-disable-next-line placeholder -->\nAll names filled in.\n", message: "'<!-- golint-disable-next-line placeholder -->' suppresses nothing"),
            Example("↓<!-- golint-disable-next-line placeholders -->\nOwner: [Team-Lead]\n"),
            Example("↓<!-- golint-disable overdue-item -->\n- [x] done\n<!-- golint-enable overdue-item -->\n"),
        ],
        nonTriggering: [
            Example("<!-- golint-disable-next-line placeholder -->\nOwner: [Team-Lead]\n"),
            Example("<!-- golint-disable placeholder -->\nOwner: [Team-Lead]\n<!-- golint-enable placeholder -->\n"),
            Example("<!-- golint-disable -->\n- [ ] Deploy (bis 2026-03-01)\n"),
            Example("```\n<!-- golint-disable-next-line placeholder -->\n```\n"),
        ])

    public init() {}

    public func filter(_ findings: [Finding], _ plan: Plan, in context: LintContext) -> FilteredFindings {
        let severity = context.severity(of: Self.description)
        var suppressions = Suppressions(plan.document, knownRules: RuleRegistry.ids)
        let (kept, hidden, unused) = suppressions.apply(to: findings)
        let suppressed = hidden.map { SuppressedFinding(finding: $0, kind: .inSource, justification: nil) }
        guard let severity else { return FilteredFindings(kept: kept, suppressed: suppressed) }
        let document = plan.document
        func finding(_ directive: Suppressions.Directive, _ message: String) -> Finding {
            Finding(rule: Self.description.id, severity: severity, path: document.path, line: directive.line,
                    column: document.column(of: directive.text, line: directive.line) ?? 1, message: message,
                    excerpt: directive.text, sourceLine: document.source.line(directive.line).trimmedSpaces.capped())
        }
        let unknown = suppressions.unknownRules.map { finding($0.0, "suppression names unknown rule '\($0.1)'") }
        let unknownLines = Set(unknown.map(\.line))
        return FilteredFindings(kept: kept + unknown + unused.filter { !unknownLines.contains($0.line) }.map { finding($0, "'\($0.text)' suppresses nothing") },
                                suppressed: suppressed)
    }
}
