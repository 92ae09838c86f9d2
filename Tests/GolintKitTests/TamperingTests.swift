@testable import GolintKit
import GolintTestSupport
import XCTest

/// An approval is what it says: the commit that last changed its signer, date or role gave it as
/// it stands, for check, status, blame and history alike; a move keeps who gave it.
final class TamperingTests: XCTestCase {
    static let roles = "signoff:\n  roles:\n    Security: [carol@payments.example]\n"
    static let given = "# Launch\n\n## Security\n\n- [x] Pen test passed\n\n## Sign-off\n\n- [x] Security — Carol Weiss, 2026-02-27\n- [ ] Legal\n"

    private func repository() throws -> TestRepository {
        let repository = try TestRepository()
        try repository.write(".golint.yml", Self.roles)
        try repository.write("docs/TASK_LAUNCH.md", Self.given)
        try repository.commit("Security signs", author: "Carol Weiss", email: "carol@payments.example")
        return repository
    }

    private func check(_ repository: TestRepository) throws -> CheckReport {
        var request = CheckRequest(now: ISOTime.parse("2026-03-06T12:00:00+01:00")!.date)
        request.repository = RepositoryAccess(directory: repository.path)
        request.options.summarize = true
        return try CheckRun.run(request).report
    }

    private func walker(_ repository: TestRepository) throws -> HistoryWalker {
        try HistoryWalker(access: RepositoryAccess(directory: repository.path), configurationRevision: "HEAD", configurationFile: nil)
    }

    func testAChangedDateIsTamperingAndEveryOutputNamesWhoChangedIt() throws {
        let repository = try repository()
        try repository.write("docs/TASK_LAUNCH.md", Self.given.replacingOccurrences(of: "2026-02-27", with: "2026-03-04"))
        let dave = try repository.commit("Fix the date", author: "Dave Mallory", email: "dave@payments.example")
        let report = try check(repository)
        let signoff = report.findings.filter { $0.rule.hasPrefix("signoff-") }
        XCTAssertEqual(signoff.map(\.rule), ["signoff-tampered"], "one finding for one problem")
        XCTAssertEqual(signoff.first?.line, 9)
        XCTAssertTrue(signoff.first?.message.contains("by Dave Mallory <dave@payments.example>, who is not a Security approver; before, it said 'Security — Carol Weiss, 2026-02-27'") == true,
                      signoff.first?.message ?? "")
        let approval = try XCTUnwrap(report.statuses.first?.approvalList.first { $0.role == "Security" })
        XCTAssertEqual(approval.commit, dave, "the sign-off matrix credits the change")
        XCTAssertEqual(approval.standing, .unverified)
        let blame = try walker(repository).blame(path: "docs/TASK_LAUNCH.md", revision: "HEAD")
        XCTAssertEqual(blame.first { $0.line == 9 }?.lastChange.authorName, "Dave Mallory")
        let events = try walker(repository).history(HistoryOptions()).events.filter { $0.item?.hasPrefix("Security —") == true }
        XCTAssertEqual(events.map { "\($0.kind.rawValue) \($0.authorName) \($0.verified.map(String.init) ?? "-")" },
                       ["signed Carol Weiss false", "signed Dave Mallory false"], "unsigned commits: neither is verified; Dave's is not authorized either")
    }

    func testAMoveKeepsWhoGaveIt() throws {
        let repository = try repository()
        let carol = try repository.git(["rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
        // Dave moves Carol's approval, as it was, into the Security section.
        try repository.write("docs/TASK_LAUNCH.md", Self.given.replacingOccurrences(of: "- [x] Security — Carol Weiss, 2026-02-27\n", with: "")
            .replacingOccurrences(of: "- [x] Pen test passed\n", with: "- [x] Pen test passed\n- [x] Security — Carol Weiss, 2026-02-27\n"))
        try repository.commit("Move", author: "Dave Mallory", email: "dave@payments.example")
        let report = try check(repository)
        XCTAssertEqual(report.findings.filter { $0.rule.hasPrefix("signoff-") }.map(\.rule), [])
        XCTAssertEqual(report.statuses.first?.approvalList.first { $0.role == "Security" }?.commit, carol)
    }
}

/// `check --release REV`: approvals from the release's history pass; one from a branch merged
/// after the release fails; a late one inside `signoff.emergency-window` is shown as an emergency.
final class ReleaseTests: XCTestCase {
    func testApprovalsAfterTheReleaseAndEmergencies() throws {
        for (window, expected) in [(nil, ["error signoff-after-release"]), ("48h", ["info signoff-after-release"])] as [(String?, [String])] {
            let repository = try TestRepository()
            try repository.write(".golint.yml", window.map { "signoff:\n  emergency-window: \($0)\n" } ?? "")
            try repository.write("docs/TASK_LAUNCH.md", "## Sign-off\n\n- [x] Product — Pat Product, 2026-02-27\n- [ ] Security\n")
            try repository.commit("Product signs", author: "Pat Product")
            try repository.git(["tag", "v1.0"])
            try repository.git(["checkout", "-q", "-b", "late"])
            try repository.write("docs/TASK_LAUNCH.md", "## Sign-off\n\n- [x] Product — Pat Product, 2026-02-27\n- [x] Security — Carol Weiss, 2026-03-01\n")
            try repository.commit("Security signs", author: "Carol Weiss")
            try repository.git(["checkout", "-q", "main"])
            _ = try repository.git(["merge", "-q", "--no-ff", "--no-edit", "late"])
            var request = CheckRequest(now: ISOTime.parse("2026-03-06T12:00:00+01:00")!.date)
            request.repository = RepositoryAccess(directory: repository.path)
            request.options.release = "v1.0"
            let findings = try CheckRun.run(request).report.findings.filter { $0.rule.hasPrefix("signoff-") }
            XCTAssertEqual(findings.map { "\($0.severity.rawValue) \($0.rule)" }, expected, window ?? "no window")
            XCTAssertEqual(findings.first?.line, 4, "Carol's approval, not Pat's")
            XCTAssertTrue(findings.first?.message.contains("after the release") == true, findings.first?.message ?? "")
        }
    }
}

/// `check --base REV`: work removed instead of done, and deadlines moved after they passed, with
/// who did it — a commit, or the pending change.
final class HiddenWorkTests: XCTestCase {
    func testRemovedWorkAndAMovedLaunchAreNamed() throws {
        let repository = try TestRepository()
        let plan = "# Launch\n\nT-0: 2026-02-20 10:00\n\n## Work\n\n- [ ] Rehearse the rollback (T-1d)\n- [ ] Brief the support desk (T-1d)\n"
        try repository.write("docs/TASK_LAUNCH.md", plan)
        try repository.commit("plan")
        try repository.write("docs/TASK_LAUNCH.md", plan.replacingOccurrences(of: "T-0: 2026-02-20 10:00", with: "T-0: 2026-03-20 10:00"))
        try repository.commit("Later launch", author: "Dave Mallory")
        try repository.write("docs/TASK_LAUNCH.md", plan.replacingOccurrences(of: "T-0: 2026-02-20 10:00", with: "T-0: 2026-03-20 10:00")
            .replacingOccurrences(of: "- [ ] Brief the support desk (T-1d)\n", with: ""))
        try repository.git(["add", "-A"])
        var request = CheckRequest(now: ISOTime.parse("2026-03-06T12:00:00+01:00")!.date)
        request.repository = RepositoryAccess(directory: repository.path)
        request.options.source = .index
        request.options.base = "HEAD~1"
        let findings = try CheckRun.run(request).report.findings.filter { ["deliverable-removed", "deadline-postponed"].contains($0.rule) }
        XCTAssertEqual(findings.map { "\($0.line) \($0.rule)" }, ["3 deadline-postponed", "5 deliverable-removed"],
                       "one finding for the moved T-0, not one per deliverable that follows it: \(findings.map(\.message))")
        XCTAssertEqual(findings.first?.message, "T-0 moved from 2026-02-20T10:00:00Z to 2026-03-20T10:00:00Z in the pending change or since HEAD~1, after it had passed")
        XCTAssertEqual(findings.last?.message, "open deliverable 'Brief the support desk (T-1d)' was removed in the pending change or since HEAD~1, not done or cancelled")
    }
}
