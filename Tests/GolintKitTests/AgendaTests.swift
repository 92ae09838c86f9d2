@testable import GolintKit
import GolintTestSupport
import XCTest

/// `golint agenda` on a repository the test builds: per owner, overdue, due soon and approvals;
/// the owner filter; the digest that makes a second run quiet; Slack's limits; stable calendar UIDs.
final class AgendaTests: XCTestCase {
    static let plan = """
        # Launch

        ## DevOps

        Owner: DevOps-Lead

        - [ ] Provision the database (bis 2026-03-05)
        - [ ] Configure TLS (bis 2026-03-09)
        - [ ] Write the runbook (bis 2026-04-30)
        - [x] Set up the network (bis 2026-03-01)

        ## Sign-off

        - [ ] Security
        - [x] Product — Pat Product, 2026-03-01

        """

    private func repository(_ text: String = AgendaTests.plan, configuration: String? = nil) throws -> TestRepository {
        let repository = try TestRepository()
        try repository.write("docs/TASK_LAUNCH.md", text)
        if let configuration { try repository.write(".golint.yml", configuration) }
        try repository.commit("plan")
        return repository
    }

    private func agenda(_ repository: TestRepository, now: String = "2026-03-06T12:00:00+01:00", owner: String? = nil,
                        digest: String? = nil, format: AgendaFormat = .json) throws -> String {
        var check = CheckRequest(now: ISOTime.parse(now)!.date)
        check.repository = RepositoryAccess(directory: repository.path)
        check.options.evaluationZone = ISOTime.parse(now)?.zone
        var request = AgendaRequest(check)
        request.owner = owner
        request.digestFile = digest
        request.format = format
        return String(decoding: try AgendaRun.run(request).output.bytes, as: UTF8.self)
    }

    private func entries(_ json: String) throws -> [String] {
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        return try XCTUnwrap(object["entries"] as? [[String: Any]]).map { "\($0["owner"]!) \($0["kind"]!) \($0["item"]!)" }
    }

    func testEachOwnerGetsWhatIsOverdueDueAndToApprove() throws {
        let repository = try repository()
        XCTAssertEqual(try entries(agenda(repository)), [
            "DevOps-Lead overdue Provision the database (bis 2026-03-05)",
            "DevOps-Lead due Configure TLS (bis 2026-03-09)",
            "Security approval Security",
        ], "done work and work due after the window are not listed")
        XCTAssertEqual(try entries(agenda(repository, owner: "security")), ["Security approval Security"], "an owner or role, any case")
        let text = try agenda(repository, format: .text)
        XCTAssertTrue(text.contains("    'Provision the database (bis 2026-03-05)' docs/TASK_LAUNCH.md:7 · 2026-03-06 00:59 +01:00 (11 h late)"), text)
        XCTAssertTrue(text.contains("'Configure TLS (bis 2026-03-09)' docs/TASK_LAUNCH.md:8 · 2026-03-10 00:59 +01:00 (in 3 d 12 h)"), text)
        XCTAssertTrue(text.hasSuffix("Security\n  Approvals to give\n    'Security' docs/TASK_LAUNCH.md:14\n"), "an approval without a deadline: \(text)")
    }

    func testAnEmailStandsForTheRolesItApproves() throws {
        let repository = try repository(configuration: "signoff:\n  roles:\n    Security: [carol@example.com]\n")
        XCTAssertEqual(try entries(agenda(repository, owner: "carol@example.com")), ["Security approval Security"])
        try repository.git(["config", "user.email", "carol@example.com"])
        XCTAssertEqual(try entries(agenda(repository, owner: "me")), ["Security approval Security"])
    }

    func testASecondRunWithTheDigestReportsOnlyWhatChanged() throws {
        let repository = try repository()
        let digest = repository.path + "/../agenda-\(UUID().uuidString).json"
        defer { try? FileManager.default.removeItem(atPath: digest) }
        XCTAssertEqual(try entries(agenda(repository, digest: digest)).count, 3, "the first run lists everything")
        XCTAssertEqual(try entries(agenda(repository, digest: digest)), [], "nothing changed")
        XCTAssertTrue(try agenda(repository, digest: digest, format: .text).hasSuffix("Nothing changed since the last run.\n"))
        // Time makes TLS overdue; the database is done.
        try repository.write("docs/TASK_LAUNCH.md", Self.plan.replacingOccurrences(of: "- [ ] Provision", with: "- [x] Provision"))
        try repository.commit("database")
        let later = try agenda(repository, now: "2026-03-10T12:00:00+01:00", digest: digest)
        XCTAssertEqual(try entries(later), ["DevOps-Lead overdue Configure TLS (bis 2026-03-09)"])
        let settled = try XCTUnwrap((try JSONSerialization.jsonObject(with: Data(later.utf8)) as? [String: Any])?["settled"] as? [[String: Any]])
        XCTAssertEqual(settled.map { $0["item"] as? String }, ["Provision the database (bis 2026-03-05)"])
        try "not json".write(toFile: digest, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try agenda(repository, digest: digest)) { XCTAssertTrue("\($0)".contains("is not an agenda digest"), "\($0)") }
    }

    func testSlackBodiesStayWithinBlockKitLimits() throws {
        // 80 owners with 60 items each: more sections and text than one message takes.
        var text = "# Launch\n"
        for owner in 0..<80 {
            text += "\n## Team \(owner)\n\nOwner: Owner-\(owner)\n\n"
            text += (0..<60).map { "- [ ] A deliverable with a long enough name to fill the text, number \($0) (bis 2026-03-0\(1 + $0 % 5))\n" }.joined()
        }
        let body = try agenda(try repository(text), format: .slack)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
        let blocks = try XCTUnwrap(object["blocks"] as? [[String: Any]])
        XCTAssertEqual(blocks.count, 50)
        for block in blocks {
            let text = try XCTUnwrap((block["text"] as? [String: Any])?["text"] as? String)
            XCTAssertLessThanOrEqual(text.count, block["type"] as? String == "header" ? 150 : 3_000)
        }
        XCTAssertTrue(((blocks.last?["text"] as? [String: Any])?["text"] as? String)?.hasPrefix("… and ") == true)
    }

    func testCalendarUIDsStayWhenOtherLinesChange() throws {
        let repository = try repository()
        func uids() throws -> [String] {
            try agenda(repository, format: .ics).components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") }
        }
        let before = try uids()
        XCTAssertEqual(before.count, 2, "one VTODO per dated entry")
        try repository.write("docs/TASK_LAUNCH.md", "Intro line.\n\n" + Self.plan.replacingOccurrences(of: "Write the runbook", with: "Write the full runbook"))
        try repository.commit("edit elsewhere")
        XCTAssertEqual(try uids(), before)
        XCTAssertEqual(AgendaReporter.folded(String(repeating: "é", count: 50)).components(separatedBy: "\r\n ").map(\.utf8.count), [74, 26])
    }
}
