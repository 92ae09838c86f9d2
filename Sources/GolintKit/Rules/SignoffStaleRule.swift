import Foundation

/// An approval followed by a substantive change to what it approves (`signoff.stale`: the whole
/// document, or the approval's section and the section named by its role).
public struct SignoffStaleRule: ApprovalRule {
    static let written = "## Scope\n\n- [x] Card payments via Acquirer A\n\n## Sign-off\n\n- [x] Security — Carol Weiss, 2026-02-27\n"

    public static let description = RuleDescription(
        id: "signoff-stale", name: "Sign-off stale", severity: .warning,
        summary: "An approval followed by a substantive change to what it approves: a deliverable added, removed, edited, reopened or re-dated, a placeholder added.",
        triggering: [
            Example("## Scope\n\n- [x] Card payments via Acquirer A\n- [ ] Payment provider switched\n\n## Sign-off\n\n↓- [x] Security — Carol Weiss, 2026-02-27\n",
                    by: "Alice Adler <alice@payments.example>", after: [("Carol Weiss <carol@payments.example>", written)],
                    configuration: "signoff:\n  stale: document\n", message: "approval 'Security' (<commit>, 2026-02-25) is stale: 'Payment provider switched' was added in <commit> by Alice Adler"),
            // With `stale: section`, the section its role names counts: the pen test was reopened.
            Example("## Security review\n\n- [ ] Pen test passed\n\n## Sign-off\n\n↓- [x] Security — Carol Weiss, 2026-02-27\n",
                    by: "Alice Adler <alice@payments.example>",
                    after: [("Carol Weiss <carol@payments.example>", "## Security review\n\n- [x] Pen test passed\n\n## Sign-off\n\n- [x] Security — Carol Weiss, 2026-02-27\n")],
                    configuration: "signoff:\n  stale: section\n"),
        ],
        nonTriggering: [
            // Checking a box is progress, not a change to what was approved.
            Example("## Scope\n\n- [x] Card payments via Acquirer A\n\n## Sign-off\n\n- [x] Security — Carol Weiss, 2026-02-27\n- [x] Legal — Jana Krüger, 2026-03-01\n",
                    by: "Jana Krüger <jana@legal.example>", after: [("Carol Weiss <carol@payments.example>", written)],
                    configuration: "signoff:\n  stale: document\n"),
            Example(written + "\n## Notes\n\n- [ ] Retro scheduled\n",
                    by: "Alice Adler <alice@payments.example>",
                    after: [("Carol Weiss <carol@payments.example>", written + "\n## Notes\n\n- [ ] Retro sheduled\n")],
                    configuration: "signoff:\n  stale: section\n"),
            Example("## Scope\n\n- [x] Card payments via Acquirer A\n- [ ] Payment provider switched\n\n## Sign-off\n\n- [x] Security — Carol Weiss, 2026-02-27\n",
                    by: "Alice Adler <alice@payments.example>", after: [("Carol Weiss <carol@payments.example>", written)],
                    configuration: "signoff:\n  stale: 'off'\n  roles:\n    Security: [carol@payments.example]\n"),
        ])

    public init() {}

    public func message(for approval: ApprovalRecord) -> String? {
        guard let change = approval.staleBy else { return nil }
        let date = approval.origin.commit.map { ", " + ISOTime.format($0.author.time, in: TimeZone(secondsFromGMT: $0.author.offsetMinutes * 60) ?? TimeZones.utc).prefix(10) } ?? ""
        return "approval '\(approval.role)' (\(approval.origin.name)\(date)) is stale: \(change.description)"
    }
}
