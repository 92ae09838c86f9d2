import Foundation

/// With `check --release REV`: an approval given in a commit that is not in the release commit's
/// history, or committed after it. Within `signoff.emergency-window` it is an emergency approval,
/// shown as `info`, never silently.
public struct SignoffAfterReleaseRule: ApprovalRule {
    static let plan = "## Sign-off\n\n- [ ] Security\n"
    static let signed = "## Sign-off\n\n- [x] Security — Carol Weiss, 2026-02-27\n"

    public static let description = RuleDescription(
        id: "signoff-after-release", name: "Sign-off after the release", severity: .error,
        summary: "With --release: an approval given in a commit that is not an ancestor of the release commit, or dated after it.",
        triggering: [
            Example("## Sign-off\n\n↓- [x] Security — Carol Weiss, 2026-02-27\n", by: "Carol Weiss <carol@payments.example>",
                    after: [("Alice Adler <alice@payments.example>", plan)], configuration: "", release: "HEAD~1",
                    message: "'Security — Carol Weiss, 2026-02-27' was given in <commit> by Carol Weiss <carol@payments.example> after the release <commit>: it is not in its history and was committed 1 h after it"),
        ],
        nonTriggering: [
            Example(signed + "\nNotes: rollback rehearsed.\n", by: "Alice Adler <alice@payments.example>",
                    after: [("Alice Adler <alice@payments.example>", plan), ("Carol Weiss <carol@payments.example>", signed)],
                    configuration: "", release: "HEAD~1"),
            // Without --release nothing is judged against one.
            Example(signed, by: "Carol Weiss <carol@payments.example>", after: [("Alice Adler <alice@payments.example>", plan)], configuration: ""),
        ])

    public static var needsVerification: Bool { false }

    public init() {}

    public func message(for approval: ApprovalRecord) -> String? {
        guard let release = approval.release, release.kind != .before, let reason = release.reason else { return nil }
        let given = "'\(approval.text.firstLine.capped(80))' was given \(approval.origin.attribution) after the release \(release.releaseCommit)"
        return release.kind == .emergency ? "\(given), inside signoff.emergency-window: an emergency approval (it \(reason))" : "\(given): it \(reason)"
    }

    public func check(_ approvals: [ApprovalRecord], verification: SignoffVerification) -> [RuleFinding] {
        approvals.compactMap { approval in
            message(for: approval).map { message in
                var finding = RuleFinding(line: approval.line, column: approval.column, message: message, excerpt: approval.text)
                if approval.release?.kind == .emergency { finding.severity = .info }
                return finding
            }
        }
    }
}
