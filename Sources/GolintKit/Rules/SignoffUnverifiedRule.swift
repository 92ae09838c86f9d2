import Foundation

/// With `require-signed-commits`: an approval given in a commit without a good signature by the
/// author's key (an allowed signer's SSH key, or an OpenPGP key in gpg's keyring).
public struct SignoffUnverifiedRule: ApprovalRule {
    public static let description = RuleDescription(
        id: "signoff-unverified", name: "Sign-off unverified", severity: .error,
        summary: "With signoff.require-signed-commits: an approval given in a commit without a good signature by an allowed signer.",
        triggering: [
            Example("## Sign-off\n\n↓- [x] Security — Carol Weiss, 2026-02-27\n", by: "Carol Weiss <carol@payments.example>",
                    configuration: "signoff:\n  require-signed-commits: true\n", message: "'Security — Carol Weiss, 2026-02-27' was given in <commit> by Carol Weiss <carol@payments.example> without a good signature (signature none: the commit is not signed)"),
        ],
        nonTriggering: [
            Example("## Sign-off\n\n- [x] Security — Carol Weiss, 2026-02-27\n", by: "Carol Weiss <carol@payments.example>",
                    configuration: SignoffUnauthorizedRule.roles),
            Example("## Sign-off\n\n- [ ] Security\n", by: "Carol Weiss <carol@payments.example>",
                    configuration: "signoff:\n  require-signed-commits: true\n"),
        ])

    public init() {}

    public func message(for approval: ApprovalRecord) -> String? {
        // A pending change is signed when it is committed: only commits are held to it.
        // A tampered approval is that one finding (`signoff-tampered`).
        guard approval.signatureRequired, !approval.isTampered, let signature = approval.origin.signature, !approval.hasGoodSignature else { return nil }
        let why: String
        if signature.status == .good, let signer = signature.signer {
            why = "it is signed with \(signer)'s key, not the author's"
        } else {
            why = "signature \(signature.status.rawValue)" + (signature.reason.map { ": \($0)" } ?? "")
        }
        return "'\(approval.text.firstLine.capped(80))' was given \(approval.origin.attribution) without a good signature (\(why))"
    }
}
