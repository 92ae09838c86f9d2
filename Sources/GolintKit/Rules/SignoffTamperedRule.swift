import Foundation

/// An approval changed after it was given — its signer, date or role — in a commit by someone who
/// is not an approver of its role. The change is the approval's provenance now: the finding says
/// who changed it and what it said before.
public struct SignoffTamperedRule: ApprovalRule {
    static let roles = "signoff:\n  roles:\n    Security: [carol@payments.example]\n"
    static let given = "## Sign-off\n\n- [x] Security — Carol Weiss, 2026-02-27\n"

    public static let description = RuleDescription(
        id: "signoff-tampered", name: "Sign-off tampered", severity: .error,
        summary: "An approval whose signer, date or role was changed after it was given, in a commit by someone who is not an approver of its role.",
        triggering: [
            Example("## Sign-off\n\n↓- [x] Security — Carol Weiss, 2026-03-04\n", by: "Dave Mallory <dave@payments.example>",
                    after: [("Alice Adler <alice@payments.example>", "## Sign-off\n\n- [ ] Security\n"), ("Carol Weiss <carol@payments.example>", given)],
                    configuration: roles,
                    message: "'Security — Carol Weiss, 2026-03-04' was changed in <commit> by Dave Mallory <dave@payments.example>, who is not a Security approver; before, it said 'Security — Carol Weiss, 2026-02-27'"),
            // Another signer written over Carol's approval.
            Example("## Sign-off\n\n↓- [x] Security — Dave Mallory, 2026-02-27\n", by: "Dave Mallory <dave@payments.example>",
                    after: [("Carol Weiss <carol@payments.example>", given)], configuration: roles),
        ],
        nonTriggering: [
            // Carol corrects her own date.
            Example("## Sign-off\n\n- [x] Security — Carol Weiss, 2026-02-28\n", by: "Carol Weiss <carol@payments.example>",
                    after: [("Carol Weiss <carol@payments.example>", given)], configuration: roles),
            // Dave moves Carol's approval, as it was, into another section: a move keeps who gave it.
            Example("## Security\n\n- [x] Security — Carol Weiss, 2026-02-27\n\n## Sign-off\n\n- [ ] Legal\n", by: "Dave Mallory <dave@payments.example>",
                    after: [("Carol Weiss <carol@payments.example>", given + "- [ ] Legal\n")], configuration: roles),
        ])

    public init() {}

    public func message(for approval: ApprovalRecord) -> String? {
        guard approval.isTampered, let before = approval.amends else { return nil }
        return "'\(approval.text.firstLine.capped(80))' was changed \(approval.origin.attribution), who is not a \(approval.approvers?.role ?? approval.role) approver; "
            + "before, it said '\(before.firstLine.capped(80))'"
    }
}
