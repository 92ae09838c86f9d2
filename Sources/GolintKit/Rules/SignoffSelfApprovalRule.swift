import Foundation

/// With `signoff.separation`: an approval given by someone who made a change it approves — a
/// substantive change in its scope since the previous approval of its role (or since the document
/// began). Approval by someone other than the author is what change management asks for.
public struct SignoffSelfApprovalRule: ApprovalRule {
    static let separation = "signoff:\n  separation: true\n"
    static let before = "## Tasks\n\n- [ ] Runbook reviewed\n\n## Sign-off\n\n- [ ] Product\n"

    public static let description = RuleDescription(
        id: "signoff-self-approval", name: "Self-approval", severity: .error,
        summary: "With signoff.separation: an approval given by the author of a substantive change it approves.",
        triggering: [
            // The approver adds work and approves it in one commit.
            Example("## Tasks\n\n- [ ] Runbook reviewed\n- [ ] Rollback rehearsed\n\n## Sign-off\n\n↓- [x] Product — Bob Builder, 2026-02-27\n",
                    by: "Bob Builder <bob@payments.example>", after: [("Alice Adler <alice@payments.example>", before)],
                    configuration: separation,
                    message: "'Product — Bob Builder, 2026-02-27' was given in <commit> by Bob Builder <bob@payments.example>, "
                        + "who made a change it approves: 'Rollback rehearsed' was added in <commit> by Bob Builder"),
            // … or in an earlier commit.
            Example("## Tasks\n\n- [ ] Runbook reviewed by ops\n\n## Sign-off\n\n↓- [x] Product — Bob Builder, 2026-02-27\n",
                    by: "Bob Builder <bob@payments.example>",
                    after: [("Alice Adler <alice@payments.example>", before),
                            ("Bob Builder <bob@payments.example>", "## Tasks\n\n- [ ] Runbook reviewed by ops\n\n## Sign-off\n\n- [ ] Product\n")],
                    configuration: separation),
        ],
        nonTriggering: [
            // Someone else made the change.
            Example("## Tasks\n\n- [ ] Runbook reviewed\n- [ ] Rollback rehearsed\n\n## Sign-off\n\n- [x] Product — Bob Builder, 2026-02-27\n",
                    by: "Bob Builder <bob@payments.example>",
                    after: [("Alice Adler <alice@payments.example>", "## Tasks\n\n- [ ] Runbook reviewed\n- [ ] Rollback rehearsed\n\n## Sign-off\n\n- [ ] Product\n")],
                    configuration: separation),
            // Bob's own change was approved by Pat before; Bob approves only what came after it.
            Example("## Tasks\n\n- [ ] Runbook reviewed\n- [ ] Load test\n\n## Sign-off\n\n- [x] Product — Bob Builder, 2026-02-27\n",
                    by: "Bob Builder <bob@payments.example>",
                    after: [("Bob Builder <bob@payments.example>", before),
                            ("Pat Product <pat@payments.example>", "## Tasks\n\n- [ ] Runbook reviewed\n\n## Sign-off\n\n- [x] Product — Pat Product, 2026-02-26\n"),
                            ("Alice Adler <alice@payments.example>", "## Tasks\n\n- [ ] Runbook reviewed\n- [ ] Load test\n\n## Sign-off\n\n- [ ] Product\n")],
                    configuration: separation),
            // Without separation, nobody asks who made the change.
            Example("## Tasks\n\n- [ ] Runbook reviewed\n- [ ] Rollback rehearsed\n\n## Sign-off\n\n- [x] Product — Bob Builder, 2026-02-27\n",
                    by: "Bob Builder <bob@payments.example>", after: [("Alice Adler <alice@payments.example>", before)],
                    configuration: "signoff:\n  stale: document\n"),
        ])

    public init() {}

    public func message(for approval: ApprovalRecord) -> String? {
        guard let change = approval.selfApproval, !approval.isTampered else { return nil }
        return "'\(approval.text.firstLine.capped(80))' was given \(approval.origin.attribution), who made a change it approves: \(change.description)"
    }
}
