import Foundation

/// With `waivers.approvers` or `waivers.max-days`: a waiver added by someone the policy does not
/// name, or for longer than it allows, hides nothing; the finding it would waive stands beside this one.
public struct WaiverUnauthorizedRule: FindingFilter {
    static let waiver = "  entries:\n    - {rule: placeholder, path: \"docs/**\", reason: \"rota not final\", owner: sre-lead, expires: 2026-03-20}\n"

    public static let description = RuleDescription(
        id: "waiver-unauthorized", name: "Waiver not allowed",
        severity: .error,
        summary: "With waivers.approvers or waivers.max-days: a waiver added by someone else, or lasting longer, does not count.",
        triggering: [
            Example("On-Call: ↓[Primär-On-Call]\n", by: "Dave Mallory <dave@payments.example>",
                    configuration: "waivers:\n  approvers: [rm@payments.example]\n" + waiver,
                    message: "waiver for placeholder (owner sre-lead: rota not final; .golint.yml:4) does not count: "
                        + "it was added in <commit> by Dave Mallory <dave@payments.example>, who is not among waivers.approvers"),
            Example("On-Call: ↓[Primär-On-Call]\n", by: "Rita Release <rm@payments.example>",
                    configuration: "waivers:\n  max-days: 14\n" + waiver),
        ],
        nonTriggering: [
            Example("On-Call: [Primär-On-Call]\n", by: "Rita Release <rm@payments.example>",
                    configuration: "waivers:\n  approvers: [rm@payments.example]\n  max-days: 30\n" + waiver),
            // Without a policy, a waiver counts whoever added it.
            Example("On-Call: [Primär-On-Call]\n", by: "Dave Mallory <dave@payments.example>", configuration: "waivers:\n" + waiver),
        ])

    public init() {}

    public func filter(_ findings: [Finding], _ plan: Plan, in context: LintContext) -> FilteredFindings {
        let refused = plan.configuration.waivers.filter { $0.refusal != nil && $0.path.matches(plan.document.path) }
        guard !refused.isEmpty, let severity = context.severity(of: Self.description) else { return FilteredFindings(kept: findings, suppressed: []) }
        var result: [Finding] = []
        for finding in findings {
            result.append(finding)
            guard let waiver = refused.first(where: { $0.matches(finding) }) else { continue }
            result.append(Finding(
                rule: Self.description.id, severity: severity, path: finding.path, line: finding.line, column: finding.column,
                message: "waiver for \(waiver.description) does not count: it \(waiver.refusal!)",
                excerpt: finding.excerpt, sourceLine: finding.sourceLine))
        }
        return FilteredFindings(kept: result, suppressed: [])
    }
}
