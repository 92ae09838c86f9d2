import Foundation

/// An approval that names one signer but was given in a commit by someone else.
public struct SignoffIdentityMismatchRule: ApprovalRule {
    public static let description = RuleDescription(
        id: "signoff-identity-mismatch", name: "Sign-off identity mismatch", severity: .error,
        summary: "An approval that names one signer but was given in a commit by someone else (after .mailmap).",
        triggering: [
            Example("## Sign-off\n\n↓- [x] Security — Carol Weiss, 2026-02-27\n", by: "Dave Mallory <dave@payments.example>",
                    configuration: SignoffUnauthorizedRule.roles, message: "'Security — Carol Weiss, 2026-02-27' names Carol Weiss but was given in <commit> by Dave Mallory <dave@payments.example>"),
            Example("## Freigabe\n\n| Rolle | Name | Datum |\n|---|---|---|\n| ↓Legal | Jana Krüger | 2026-03-01 |\n",
                    by: "Dave Mallory <dave@payments.example>", configuration: SignoffUnauthorizedRule.roles),
        ],
        nonTriggering: [
            Example("## Sign-off\n\n- [x] Security — Carol Weiss, 2026-02-27\n", by: "Carol Weiss <carol@payments.example>",
                    configuration: SignoffUnauthorizedRule.roles),
            Example("## Sign-off\n\n- [x] Security — carol weiß, 2026-02-27\n", by: "Carol Weiss <carol@payments.example>",
                    configuration: SignoffUnauthorizedRule.roles),
            Example("## Freigabe\n\n- Legal: Jana Krüger, 2026-03-01\n", by: "Jana Krüger <jana@legal.example>",
                    configuration: SignoffUnauthorizedRule.roles),
        ])

    public init() {}

    public func message(for approval: ApprovalRecord) -> String? {
        guard !approval.identityMatches, !approval.isTampered, let signer = approval.signer else { return nil }
        return "'\(approval.text.firstLine.capped(80))' names \(signer) but was given \(approval.origin.attribution)"
    }
}
