@testable import GolintKit
import GolintTestSupport
import XCTest

/// Waivers under a policy: who added each (its lines' last commit, or the pending change), read
/// from the trusted revision, and for how long.
final class GovernedWaiverTests: XCTestCase {
    static let policy = "waivers:\n  approvers: [rm@payments.example]\n  max-days: 30\n  entries:\n"
    static func waiver(expires: String) -> String {
        "    - {rule: placeholder, path: \"docs/**\", reason: \"rota not final\", owner: sre-lead, expires: \(expires)}\n"
    }

    private func repository() throws -> TestRepository {
        let repository = try TestRepository()
        try repository.write(".golint.yml", Self.policy)
        try repository.write("docs/TASK_LAUNCH.md", "# Launch\n\nOn-Call: [Primär-On-Call]\n")
        try repository.commit("Plan", author: "Rita Release", email: "rm@payments.example")
        return repository
    }

    /// The rules of the findings and suppressions of a check.
    private func check(_ repository: TestRepository, source: SourceKind = .revision("HEAD"), trustRevision: String? = nil) throws
        -> (findings: [String], suppressed: [String], messages: [String]) {
        var request = CheckRequest(now: ISOTime.parse("2026-03-06T12:00:00+01:00")!.date)
        request.repository = RepositoryAccess(directory: repository.path)
        request.options.source = source
        request.options.trustRevision = trustRevision
        let report = try CheckRun.run(request).report
        return (report.findings.map(\.rule), report.suppressed.map(\.finding.rule), report.findings.map(\.message))
    }

    func testAWaiverCountsOnlyFromAnApproverAndWithinMaxDays() throws {
        let repository = try repository()
        // Dave adds a waiver: it hides nothing and says who added it.
        try repository.write(".golint.yml", Self.policy + Self.waiver(expires: "2026-03-20"))
        let dave = try repository.commit("Waive", author: "Dave Mallory", email: "dave@payments.example")
        var result = try check(repository)
        XCTAssertEqual(result.findings, ["placeholder", "waiver-unauthorized"])
        XCTAssertEqual(result.messages.last, "waiver for placeholder (owner sre-lead: rota not final; .golint.yml:5) does not count: it was added in "
                       + "\(dave.prefix(7)) by Dave Mallory <dave@payments.example>, who is not among waivers.approvers")
        // Rita re-commits the same lines as they are: the newest change to its lines is still Dave's.
        try repository.write("docs/TASK_LAUNCH.md", "# Launch\n\nOn-Call: [Primär-On-Call]\n\nNotes.\n")
        try repository.commit("Notes", author: "Rita Release", email: "rm@payments.example")
        XCTAssertEqual(try check(repository).findings, ["placeholder", "waiver-unauthorized"])
        // Rita writes it anew: it counts.
        try repository.write(".golint.yml", Self.policy + Self.waiver(expires: "2026-03-21"))
        try repository.commit("Waive", author: "Rita Release", email: "rm@payments.example")
        result = try check(repository)
        XCTAssertEqual(result.findings, [])
        XCTAssertEqual(result.suppressed, ["placeholder"])
        // Longer than max-days allows: does not count.
        try repository.write(".golint.yml", Self.policy + Self.waiver(expires: "2026-06-30"))
        try repository.commit("Waive longer", author: "Rita Release", email: "rm@payments.example")
        result = try check(repository)
        XCTAssertEqual(result.findings, ["placeholder", "waiver-unauthorized"])
        XCTAssertTrue(result.messages.last?.hasSuffix("to 2026-06-30; waivers.max-days allows 30") == true, result.messages.last ?? "")
    }

    func testAPendingWaiverIsTheLocalIdentitysAndATrustedRevisionsWaiversAreTheOnesThatCount() throws {
        let repository = try repository()
        try repository.write(".golint.yml", Self.policy + Self.waiver(expires: "2026-03-20"))
        try repository.git(["config", "user.name", "Dave Mallory"])
        try repository.git(["config", "user.email", "dave@payments.example"])
        XCTAssertTrue(try check(repository, source: .worktree).messages.last?.contains("added in the pending change by Dave Mallory") == true)
        try repository.git(["config", "user.email", "rm@payments.example"])
        XCTAssertEqual(try check(repository, source: .worktree).suppressed, ["placeholder"])

        // On a branch, Rita's waiver is not yet on main: judged against main, it does not apply.
        try repository.git(["checkout", "-q", "-b", "waive"])
        try repository.commit("Waive", author: "Rita Release", email: "rm@payments.example")
        XCTAssertEqual(try check(repository).suppressed, ["placeholder"])
        let trusted = try check(repository, trustRevision: "main")
        XCTAssertEqual(trusted.findings, ["placeholder"], "main has no waiver: nothing is hidden, nothing to refuse")
        XCTAssertEqual(trusted.suppressed, [])
    }
}
