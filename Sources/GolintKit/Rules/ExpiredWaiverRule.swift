import Foundation

/// Applies the waivers of `.golint.yml` and reports those past their `expires` date: an expired
/// waiver hides nothing any more, and is itself an error where the finding it waived stands.
public struct ExpiredWaiverRule: FindingFilter {
    public static let description = RuleDescription(
        id: "expired-waiver", name: "Expired waiver", severity: .error,
        summary: "A waiver in .golint.yml whose `expires` date has passed; the finding it waived is reported again.",
        triggering: [
            Example("On-Call: ↓[Primär-On-Call]\n", configuration: """
            waivers:
              - {rule: placeholder, path: "docs/**", reason: "rota not final", owner: sre-lead, expires: 2026-03-01}
            """, message: "waiver for placeholder (owner sre-lead: rota not final; .golint.yml:2) expired on 2026-03-01"),
        ],
        nonTriggering: [
            Example("On-Call: [Primär-On-Call]\n", configuration: """
            waivers:
              - {rule: placeholder, path: "docs/**", reason: "rota not final", owner: sre-lead, expires: 2026-12-31}
            """),
            Example("On-Call: [Primär-On-Call]\n", configuration: """
            waivers:
              - {rule: placeholder, path: "docs/TASK_EXAMPLE.md", text: "On-Call:", reason: "agreed", owner: rm}
            """),
        ])

    public init() {}

    public func filter(_ findings: [Finding], _ plan: Plan, in context: LintContext) -> FilteredFindings {
        let severity = context.severity(of: Self.description)
        // A waiver its policy refuses hides nothing (`waiver-unauthorized` says why).
        let waivers = plan.configuration.waivers.filter { $0.refusal == nil && $0.path.matches(plan.document.path) }
        guard !waivers.isEmpty else { return FilteredFindings(kept: findings, suppressed: []) }
        let zone = plan.configuration.timezone ?? TimeZones.utc
        var result: [Finding] = [], suppressed: [SuppressedFinding] = []
        for finding in findings {
            guard let waiver = waivers.first(where: { $0.matches(finding) }) else {
                result.append(finding)
                continue
            }
            guard let expires = waiver.expires, let end = expires.instant(hour: 23, minute: 59, second: 59, in: zone), context.now > end else {
                suppressed.append(SuppressedFinding(finding: finding, kind: .external,
                                                    justification: "waiver (owner \(waiver.owner)): \(waiver.reason); \(waiver.file):\(waiver.line)"))
                continue
            }
            result.append(finding)
            if let severity {
                result.append(Finding(
                    rule: Self.description.id, severity: severity, path: finding.path, line: finding.line, column: finding.column,
                    message: "waiver for \(waiver.description) expired on \(ISOTime.day(expires))",
                    excerpt: finding.excerpt, sourceLine: finding.sourceLine))
            }
        }
        return FilteredFindings(kept: result, suppressed: suppressed)
    }
}
