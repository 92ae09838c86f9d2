import Foundation

/// Text left to be filled in: `[Primär-On-Call]`, `TBD`, `Owner: ______`, `2026-03-XX`.
public struct PlaceholderRule: Rule {
    public static let description = RuleDescription(
        id: "placeholder", name: "Placeholder", severity: .error,
        summary: "An unreplaced placeholder: a bracketed role token, TBD/TODO/XXX, a blank fill-in line, or a date with unknown parts.",
        triggering: [
            Example("## Eskalation\n\n- `↓[Primär-On-Call]`\n- ↓[Status-Kanal] klären\n"),
            Example("Owner: ↓TBD\n"),
            Example("| Rolle | Name |\n|---|---|\n| SRE | ↓[Name] |\n"),
            Example("Go-Live am ↓2026-03-XX\n"),
            Example("Notizen: ↓______\n"),
            Example("- [ ] ↓TODO: Runbook verlinken\n"),
            Example("- ↓[Backup-On-Call]\n- ↓[Backup-On-Call]\n"),
            Example("```\nOwner: ↓[Name]\n```\n", configuration: "placeholder:\n  in-code-blocks: true\n"),
            Example("On-Call: ↓[Jane]\n", configuration: "placeholder:\n  patterns: ['\\[(?:Jane|John)\\]']\n"),
        ],
        nonTriggering: [
            Example("- [ ] Business-Freigabe eingeholt\n- [x] Support informiert\n"),
            Example("Siehe [Status-Seite](https://status.example.com) und [Runbook][rb].\n\n[rb]: https://example.com\n"),
            Example("```markdown\nEntscheider: ______\n[Primär-On-Call]\n```\n"),
            Example("    indented code: [Primär-On-Call]\n"),
            Example("Datum: 2026-03-05, todo-list and xxxl are words\n"),
            Example("Entscheider: ______\n"),
        ])

    public init() {}

    public func check(_ plan: Plan, now: Date) throws -> [RuleFinding] {
        plan.placeholders.map {
            RuleFinding(line: $0.line, column: $0.column, message: "placeholder '\($0.excerpt)' is not replaced", excerpt: $0.excerpt)
        }
    }
}
