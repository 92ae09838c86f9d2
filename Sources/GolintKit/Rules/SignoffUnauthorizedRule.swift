import Foundation

/// An approval given in a commit whose author (after `.mailmap`) is not an approver of its role.
public struct SignoffUnauthorizedRule: ApprovalRule {
    static let roles = "signoff:\n  roles:\n    Security: [carol@payments.example]\n    Legal: ['*@legal.example']\n"

    public static let description = RuleDescription(
        id: "signoff-unauthorized", name: "Sign-off unauthorized", severity: .error,
        summary: "An approval given in a commit whose author is not an approver of its role (signoff.roles).",
        triggering: [
            Example("## Sign-off\n\n↓- [x] Security — Carol Weiss, 2026-02-27\n", by: "Dave Mallory <dave@payments.example>",
                    after: [("Alice Adler <alice@payments.example>", "## Sign-off\n\n- [ ] Security\n")], configuration: roles, message: "'Security — Carol Weiss, 2026-02-27' was given in <commit> by Dave Mallory <dave@payments.example>; Security approvers: carol@payments.example"),
            Example("## Tasks\n\n↓- [x] Legal-Freigabe eingeholt — Dave Mallory, 2026-03-01\n", by: "Dave Mallory <dave@payments.example>",
                    configuration: roles),
            // A configured role and a signer make an approval anywhere.
            Example("## Tasks\n\n↓- [x] Security: Dave Mallory, 2026-03-01\n", by: "Dave Mallory <dave@payments.example>", configuration: roles),
        ],
        nonTriggering: [
            Example("## Sign-off\n\n- [x] Security — Carol Weiss, 2026-02-27\n", by: "Carol Weiss <carol@payments.example>",
                    after: [("Alice Adler <alice@payments.example>", "## Sign-off\n\n- [ ] Security\n")], configuration: roles),
            Example("## Sign-off\n\n- [x] Legal — Jana Krüger, 2026-03-01\n", by: "Jana Krüger <jana@legal.example>", configuration: roles),
            Example("## Tasks\n\n- [x] Security review scheduled\n", by: "Dave Mallory <dave@payments.example>", configuration: roles),
            // No approvers are configured for DevOps.
            Example("## Sign-off\n\n- [x] DevOps — Dave Mallory, 2026-03-01\n", by: "Dave Mallory <dave@payments.example>", configuration: roles),
            // Carol gave it; Dave only fixed a typo elsewhere afterwards.
            Example("## Sign-off\n\n- [x] Security — Carol Weiss, 2026-02-27\n\n## Notes\n\nRollback tested.\n", by: "Dave Mallory <dave@payments.example>",
                    after: [("Carol Weiss <carol@payments.example>", "## Sign-off\n\n- [x] Security — Carol Weiss, 2026-02-27\n\n## Notes\n\nRolback tested.\n")],
                    configuration: roles),
        ])

    public init() {}

    public func message(for approval: ApprovalRecord) -> String? {
        // A change to an approval given before is `signoff-tampered`.
        guard !approval.isAuthorized, !approval.isTampered, let role = approval.approvers else { return nil }
        return "'\(approval.text.firstLine.capped(80))' was given \(approval.origin.attribution); \(role.role) approvers: "
            + role.approvers.map(\.pattern).joined(separator: ", ")
    }
}
