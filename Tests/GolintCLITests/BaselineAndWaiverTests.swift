import Foundation
import GolintTestSupport
import XCTest

final class BaselineAndWaiverTests: CLITestCase {
    private let now = "--now=2026-03-06T12:00:00+01:00"

    func testBaselineSurvivesEditsElsewhereAndReportsStaleEntries() throws {
        let repository = try TestRepository()
        try repository.write("TASK_B.md", "# Plan\n\nOn-Call: [Primär-On-Call]\nBackup: TBD\n")
        try repository.commit("plan")
        let written = try golint(["baseline", now, "--output", ".golint-baseline.json"], in: repository.path)
        XCTAssertEqual(written.status, 0, written.stderr)
        XCTAssertEqual(written.stderr, "golint: wrote 2 findings to .golint-baseline.json\n")
        XCTAssertEqual(try golint(["check", now, "--baseline", ".golint-baseline.json"], in: repository.path).status, 0)

        // Lines move; one placeholder is filled; a new one appears.
        try repository.write("TASK_B.md", "# Plan\n\nIntro added above.\n\nOn-Call: [Primär-On-Call]\nBackup: Bob\nStatus: [Status-Kanal]\n")
        try repository.commit("edit")
        let result = try golint(["check", now, "--baseline", ".golint-baseline.json", "--format", "json"], in: repository.path)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(try findings(result).compactMap { $0["excerpt"] as? String }, ["[Status-Kanal]"])
        XCTAssertEqual(result.stderr, "golint: note: baseline entry no longer matches: TASK_B.md [placeholder] Backup: TBD\n")
        XCTAssertEqual(try golint(["check", "--baseline", "missing.json"], in: repository.path).status, 2)
    }

    func testWaiversHideUntilTheyExpire() throws {
        let repository = try TestRepository()
        try repository.write("docs/TASK_W.md", "On-Call: [Primär-On-Call]\n")
        try repository.write(".golint.yml", """
        waivers:
          - rule: placeholder
            path: "docs/**"
            text: "On-Call:"
            reason: rota is published on March 5th
            owner: sre-lead
            expires: 2026-03-05
        """)
        try repository.commit("waived")
        XCTAssertEqual(try golint(["check", "--now=2026-03-05T12:00:00Z"], in: repository.path).status, 0)
        let expired = try golint(["check", "--now=2026-03-06T12:00:00Z", "--format", "json"], in: repository.path)
        XCTAssertEqual(expired.status, 1)
        XCTAssertEqual(try findings(expired).compactMap { $0["rule"] as? String }.sorted(), ["expired-waiver", "placeholder"])
        let message = try XCTUnwrap(try findings(expired).first { $0["rule"] as? String == "expired-waiver" }?["message"] as? String)
        XCTAssertEqual(message, "waiver for placeholder (owner sre-lead: rota is published on March 5th; .golint.yml:2) expired on 2026-03-05")
    }

    func testSuppressionsAreHonouredInTheIndex() throws {
        let repository = try TestRepository()
        try repository.write("TASK_S.md", "Owner: [Team-Lead]\n")
        try repository.commit("plan")
        try repository.write("TASK_S.md", "<!-- golint-disable-next-line placeholder -->\nOwner: [Team-Lead]\n")
        try repository.git(["add", "TASK_S.md"])
        try repository.write("TASK_S.md", "Owner: [Team-Lead]\n")
        XCTAssertEqual(try golint(["check", "--staged"], in: repository.path).status, 0)
        XCTAssertEqual(try golint(["check", "--worktree"], in: repository.path).status, 1)
        XCTAssertEqual(try golint(["check"], in: repository.path).status, 1)
    }
}
