import Foundation

/// With `signoff.separation`: one person gives approvals for two roles of one document. Each
/// approval after that person's first is the finding.
public struct SignoffSameSignerRule: ApprovalRule {
    static let separation = "signoff:\n  separation: true\n"

    public static let description = RuleDescription(
        id: "signoff-same-signer", name: "Sign-off by the same signer", severity: .error,
        summary: "With signoff.separation: one person gives approvals for two roles of one document.",
        triggering: [
            Example("## Sign-off\n\n- [x] Product — Carol Weiss, 2026-02-27\n↓- [x] Security — Carol Weiss, 2026-02-27\n",
                    by: "Carol Weiss <carol@payments.example>", configuration: separation,
                    message: "'Security — Carol Weiss, 2026-02-27' was given in <commit> by Carol Weiss <carol@payments.example>, who gave 'Product — Carol Weiss, 2026-02-27' (line 3) too: one person signs one role"),
        ],
        nonTriggering: [
            Example("## Sign-off\n\n- [x] Product — Pat Product, 2026-02-27\n- [x] Security — Carol Weiss, 2026-02-27\n",
                    by: "Carol Weiss <carol@payments.example>",
                    after: [("Pat Product <pat@payments.example>", "## Sign-off\n\n- [x] Product — Pat Product, 2026-02-27\n- [ ] Security\n")],
                    configuration: separation),
            // Without separation, one person may sign several roles.
            Example("## Sign-off\n\n- [x] Product — Carol Weiss, 2026-02-27\n- [x] Security — Carol Weiss, 2026-02-27\n",
                    by: "Carol Weiss <carol@payments.example>", configuration: "signoff:\n  stale: document\n"),
        ])

    public init() {}

    public func check(_ approvals: [ApprovalRecord], verification: SignoffVerification) -> [RuleFinding] {
        guard verification.separation else { return [] }
        var first: [String: ApprovalRecord] = [:]
        var findings: [RuleFinding] = []
        for approval in approvals.sorted(by: { $0.line < $1.line }) {
            let person = approval.origin.author.email.lowercased()
            guard let earlier = first[person] else {
                first[person] = approval
                continue
            }
            guard earlier.role.foldedForComparison != approval.role.foldedForComparison else { continue }
            findings.append(RuleFinding(
                line: approval.line, column: approval.column,
                message: "'\(approval.text.firstLine.capped(80))' was given \(approval.origin.attribution), who gave "
                    + "'\(earlier.text.firstLine.capped(80))' (line \(earlier.line)) too: one person signs one role",
                excerpt: approval.text))
        }
        return findings
    }
}
