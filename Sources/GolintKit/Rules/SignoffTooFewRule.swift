import Foundation

/// With `signoff.min-approvers`: fewer distinct people approved a role than required. Reported on
/// the role's first approval.
public struct SignoffTooFewRule: ApprovalRule {
    static let twoForSecurity = "signoff:\n  min-approvers:\n    Security: 2\n"

    public static let description = RuleDescription(
        id: "signoff-too-few", name: "Too few approvers", severity: .error,
        summary: "With signoff.min-approvers: fewer distinct approvers for a role than required.",
        triggering: [
            Example("## Sign-off\n\n↓- [x] Security — Carol Weiss, 2026-02-27\n", by: "Carol Weiss <carol@payments.example>",
                    configuration: twoForSecurity,
                    message: "Security is approved by 1 person (Carol Weiss); signoff.min-approvers asks for 2"),
            // Two approvals, one person.
            Example("## Sign-off\n\n↓- [x] Security — Carol Weiss, 2026-02-27\n- [x] Security — Carol Weiss, 2026-03-01\n",
                    by: "Carol Weiss <carol@payments.example>", configuration: twoForSecurity),
        ],
        nonTriggering: [
            Example("## Sign-off\n\n- [x] Security — Carol Weiss, 2026-02-27\n- [x] Security — Sam Secure, 2026-02-28\n",
                    by: "Sam Secure <sam@payments.example>",
                    after: [("Carol Weiss <carol@payments.example>", "## Sign-off\n\n- [x] Security — Carol Weiss, 2026-02-27\n- [ ] Security\n")],
                    configuration: twoForSecurity),
        ])

    public init() {}

    public func check(_ approvals: [ApprovalRecord], verification: SignoffVerification) -> [RuleFinding] {
        verification.minimumApprovers.compactMap { role, count in
            let key = role.foldedForComparison
            let given = approvals.filter { ($0.approvers?.role ?? $0.role).foldedForComparison == key }.sorted { $0.line < $1.line }
            guard let first = given.first else { return nil }
            var people: [String: String] = [:]
            for approval in given { people[approval.origin.author.email.lowercased()] = approval.origin.author.name }
            guard people.count < count else { return nil }
            let names = people.values.sorted().joined(separator: ", ")
            return RuleFinding(line: first.line, column: first.column,
                               message: "\(role) is approved by \(people.count) \(people.count == 1 ? "person" : "people") (\(names)); signoff.min-approvers asks for \(count)",
                               excerpt: first.text)
        }
    }
}
