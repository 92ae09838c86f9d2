import Foundation

/// A deadline that names a date golint cannot read, or a day that does not exist.
public struct UnparsableDeadlineRule: Rule {
    public static let description = RuleDescription(
        id: "unparsable-deadline", name: "Unparsable deadline", severity: .warning,
        summary: "A deadline line whose date cannot be read (`**Deadline:** next Tuesday`) or does not exist (`2026-02-30`).",
        triggering: [
            Example("**Deadline:** ↓next Tuesday\n"),
            Example("Frist: ↓31.04.2026\n"),
            Example("- [ ] Retro ansetzen (bis ↓2026-02-30)\n"),
            Example("### T-24h: ↓2026-02-30 10:00 CET\n"),
        ],
        nonTriggering: [
            Example("**Deadline:** 2026-03-03 EOD\n"),
            Example("**Deadline:** Bis **2026-03-05**\n"),
            Example("Frist: 5. März 2026\nDue: Mar 5, 2026\nDeadline: 5 March 2026 10:00 UTC\n"),
            Example("Stand: irgendwann\nBis morgen!\n"),
            Example("```\nDeadline: next Tuesday\n```\n"),
        ])

    public init() {}

    public func check(_ plan: Plan, now: Date) throws -> [RuleFinding] {
        plan.unreadableDeadlines.map {
            RuleFinding(line: $0.line, column: $0.column, message: "deadline '\($0.text)' \($0.reason)", excerpt: $0.text)
        }
    }
}
