import Foundation
import GolintTestSupport
import XCTest

/// `golint status`: its numbers are check's, its text fits 80 columns, colour only on a terminal,
/// and in GitHub Actions it lands in the job summary.
final class StatusCommandTests: CLITestCase {
    /// Every plan fixture and both seeds in one repository: tables, T-minus schedules, forms, German and English.
    private func plansRepository() throws -> TestRepository {
        let repository = try seededRepository()
        let plans = Fixtures.directory + "/plans"
        for name in try FileManager.default.contentsOfDirectory(atPath: plans).sorted() where name.hasSuffix(".md") {
            try repository.write("docs/" + name, bytes: Array(try Data(contentsOf: URL(fileURLWithPath: plans + "/" + name))))
        }
        try repository.commit("plans")
        return repository
    }

    /// Status and check at one revision and moment: deliverables are check's items and checked
    /// ones, overdue are the findings that carry a passed deadline, placeholders check's placeholder findings.
    private func assertStatusAgreesWithCheck(_ repository: TestRepository, now: String, rev: String = "HEAD",
                                             file: StaticString = #filePath, line: UInt = #line) throws {
        let arguments = ["--rev", rev, "--now", now, "--format", "json"]
        let status = try json(golint(["status"] + arguments, in: repository.path))
        let check = try json(golint(["check"] + arguments, in: repository.path))
        let findings = try XCTUnwrap(check["findings"] as? [[String: Any]])
        let summary = try XCTUnwrap(check["summary"] as? [String: Any])
        let documents = try XCTUnwrap(status["documents"] as? [[String: Any]])
        let total = try XCTUnwrap(status["total"] as? [String: Any])
        let deliverables = try XCTUnwrap(total["deliverables"] as? [String: Int])
        XCTAssertEqual(total["documents"] as? Int, summary["documents"] as? Int, file: file, line: line)
        XCTAssertEqual(deliverables["total"], summary["items"] as? Int, "at \(now)", file: file, line: line)
        XCTAssertEqual(deliverables["done"], summary["checked"] as? Int, "at \(now)", file: file, line: line)
        XCTAssertEqual(deliverables["done"]! + deliverables["open"]! + deliverables["cancelled"]!, deliverables["total"], file: file, line: line)
        for document in documents {
            let path = try XCTUnwrap(document["path"] as? String)
            let own = findings.filter { $0["path"] as? String == path }
            let overdue = own.filter { ["overdue-item", "missing-signature"].contains($0["rule"] as? String) && !($0["deadline"] is NSNull) }
            let counts = try XCTUnwrap(document["deliverables"] as? [String: Int])
            XCTAssertEqual(counts["overdue"], overdue.count, "\(path) at \(now)", file: file, line: line)
            XCTAssertEqual(document["placeholders"] as? Int, own.count { $0["rule"] as? String == "placeholder" }, "\(path) at \(now)",
                           file: file, line: line)
            let owners = try XCTUnwrap(document["overdueByOwner"] as? [[String: Any]])
            XCTAssertEqual(owners.reduce(0) { $0 + ($1["overdue"] as? Int ?? 0) }, overdue.count, file: file, line: line)
        }
        XCTAssertEqual(total["placeholders"] as? Int, findings.count { $0["rule"] as? String == "placeholder" }, file: file, line: line)
    }

    func testNumbersAreChecksOnTheSeedsAndPlans() throws {
        let repository = try plansRepository()
        for now in ["2026-01-15T09:00:00+01:00", "2026-03-03T12:00:00+01:00", "2026-03-06T11:30:00+01:00", "2026-06-01T00:00:00Z"] {
            try assertStatusAgreesWithCheck(repository, now: now)
        }
    }

    func testNumbersAreChecksAtEveryCommitOfTheDemoHistory() throws {
        let repository = try demoRepository()
        let commits = try repository.git(["rev-list", "HEAD"]).split(separator: "\n").map(String.init)
        XCTAssertEqual(commits.count, 5)
        for commit in commits {
            try assertStatusAgreesWithCheck(repository, now: "2026-03-06T12:00:00+01:00", rev: commit)
        }
    }

    func testOverdueSuppressedInlineIsNotCounted() throws {
        let repository = try TestRepository()
        try repository.write("docs/TASK_X.md", """
        # Plan

        **Deadline:** 2026-03-05

        - [ ] [DevOps] Rollback geprobt
        - [ ] [QA] Smoke tests <!-- golint-disable-line overdue-item -->
        - [x] Backup geprüft
        """)
        try repository.commit("plan")
        let status = try json(golint(["status", "--now", "2026-03-06T00:00:00Z", "--format", "json"], in: repository.path))
        let document = try XCTUnwrap((status["documents"] as? [[String: Any]])?.first)
        XCTAssertEqual(document["deliverables"] as? [String: Int], ["total": 3, "done": 1, "open": 2, "cancelled": 0, "overdue": 1])
        let owners = try XCTUnwrap(document["overdueByOwner"] as? [[String: Any]])
        XCTAssertEqual(owners.map { $0["owner"] as? String }, ["DevOps"])
    }

    func testTextAndMarkdownGoldenOnTheSeeds() throws {
        let repository = try seededRepository()
        try repository.commit("seeds")
        for (format, file) in [("text", "seeds.txt"), ("markdown", "seeds.md")] {
            let result = try golint(["status", "--now", "2026-03-04T18:00:00+01:00", "--format", format], in: repository.path)
            XCTAssertEqual(result.status, 0, result.stderr)
            let output = result.stdout.replacingOccurrences(of: try repository.git(["rev-parse", "--short=7", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines),
                                                            with: "<commit>")
            let goldenPath = Fixtures.directory + "/status/" + file
            if ProcessInfo.processInfo.environment["GOLINT_UPDATE_GOLDEN"] == "1" {
                try output.write(toFile: goldenPath, atomically: true, encoding: .utf8)
            }
            XCTAssertEqual(output, try String(contentsOfFile: goldenPath, encoding: .utf8), "status --format \(format); GOLINT_UPDATE_GOLDEN=1 rewrites it")
        }
    }

    func testTextFitsEightyColumns() throws {
        let repository = try plansRepository()
        let long = "docs/" + String(repeating: "very-long-folder-name/", count: 5) + "TASK_WITH_A_NAME_THAT_GOES_ON.md"
        try repository.write(long, """
        # Plan

        ## A workstream whose heading is far longer than any terminal line would ever hold on a laptop

        - [ ] [An owner with a very long role name indeed] A deliverable with a long, long text (bis 2026-03-09)
        - [ ] Contact [Primär-On-Call] and [Sekundär-On-Call] and [Eskalation Management] and [Vendor-Hotline]

        ## Sign-off

        - [ ] Security
        """)
        try repository.commit("long names")
        for now in ["2026-03-03T12:00:00+01:00", "2026-03-10T12:00:00+01:00"] {
            let result = try golint(["status", "--now", now], in: repository.path)
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertTrue(result.stdout.contains("…ONG_FOLDER") || result.stdout.contains("…"), result.stdout)
            for line in result.stdout.split(separator: "\n") {
                XCTAssertLessThanOrEqual(line.count, 80, "too wide: \(line)")
            }
            XCTAssertFalse(result.stdout.contains("\u{1B}["), "no colour when standard output is not a terminal")
        }
    }

    /// Colour on a terminal only: a pseudo-terminal from script(1), and never with NO_COLOR or --no-color.
    func testColourOnlyOnATerminal() throws {
        let repository = try seededRepository()
        try repository.commit("seeds")
        func onTerminal(_ arguments: String, environment: [String: String] = [:]) throws -> String {
            try TestRepository.run("/usr/bin/script", ["-qec", "\(CLITestCase.binary) status --now 2026-03-04T18:00:00+01:00 \(arguments)", "/dev/null"],
                                   in: repository.path, environment: environment, check: false).stdout
        }
        XCTAssertTrue(try onTerminal("", environment: ["NO_COLOR": ""]).contains("\u{1B}[32m"), "a terminal gets colour")
        XCTAssertFalse(try onTerminal("--no-color").contains("\u{1B}["))
        XCTAssertFalse(try onTerminal("", environment: ["NO_COLOR": "1"]).contains("\u{1B}["))
    }

    func testJobSummaryIsAppendedByCheckAndStatus() throws {
        let repository = try seededRepository()
        try repository.commit("seeds")
        let summary = repository.path + "/../summary-\(UUID().uuidString).md"
        defer { try? FileManager.default.removeItem(atPath: summary) }
        try "### Earlier step\n".write(toFile: summary, atomically: true, encoding: .utf8)
        let now = ["--now", "2026-03-04T18:00:00+01:00"]
        let markdown = try golint(["status", "--format", "markdown"] + now, in: repository.path).stdout
        XCTAssertEqual(try String(contentsOfFile: summary, encoding: .utf8), "### Earlier step\n", "nothing is written without the variable")
        let check = try golint(["check"] + now, in: repository.path, environment: ["GITHUB_STEP_SUMMARY": summary])
        XCTAssertEqual(check.status, 1, check.stderr)
        XCTAssertFalse(check.stdout.contains("### Launch status"), "the summary goes to the file, not to standard output")
        let status = try golint(["status"] + now, in: repository.path, environment: ["GITHUB_STEP_SUMMARY": summary])
        XCTAssertEqual(status.status, 0, status.stderr)
        let checkMarkdown = try golint(["check", "--format", "markdown"] + now, in: repository.path).stdout
        XCTAssertTrue(checkMarkdown.hasPrefix(markdown) && checkMarkdown.contains("| Severity | Location | Finding | Rule |"), checkMarkdown)
        XCTAssertEqual(try String(contentsOfFile: summary, encoding: .utf8), "### Earlier step\n" + checkMarkdown + markdown)
        XCTAssertTrue(markdown.contains("| Document | Progress |"), markdown)
    }

    func testHostileTextStaysInsideItsMarkdownCell() throws {
        let repository = try TestRepository()
        try repository.write("docs/TASK_X.md", "# Plan\n\n**Deadline:** 2026-03-05\n\n- [ ] `<script>alert(1)</script>` | broken | table\n")
        try repository.commit("plan")
        let markdown = try golint(["status", "--now", "2026-03-04T00:00:00Z", "--format", "markdown"], in: repository.path).stdout
        XCTAssertTrue(markdown.contains("&lt;script>alert(1)&lt;/script> \\| broken \\| table"), markdown)
        XCTAssertFalse(markdown.contains("<script"), markdown)
    }

    func testADocumentWithNothingToCountIsNotShownAsDone() throws {
        let repository = try TestRepository()
        try repository.write("docs/TASK_NOTES.md", "# Notes\n\nNothing to do here.\n")
        try repository.write("docs/TASK_BINARY.md", "bin\u{0}ary")
        try repository.commit("plans")
        let text = try golint(["status", "--now", "2026-03-04T00:00:00Z"], in: repository.path).stdout
        XCTAssertTrue(text.contains("docs/TASK_NOTES.md\n  no deliverables\n"), text)
        XCTAssertTrue(text.contains("docs/TASK_BINARY.md\n  not read (see check)\n"), text)
        XCTAssertFalse(text.contains("100%"), text)
        let markdown = try golint(["status", "--now", "2026-03-04T00:00:00Z", "--format", "markdown"], in: repository.path).stdout
        XCTAssertTrue(markdown.contains("| docs/TASK_NOTES.md | no deliverables |"), markdown)
        XCTAssertTrue(markdown.contains("| docs/TASK_BINARY.md | not read |"), markdown)
    }

    func testBadRevisionIsOneLineAndExitTwo() throws {
        let repository = try seededRepository()
        try repository.commit("seeds")
        let result = try golint(["status", "--rev", "no-such-rev"], in: repository.path)
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr)
        XCTAssertTrue(result.stdout.isEmpty)
    }
}
