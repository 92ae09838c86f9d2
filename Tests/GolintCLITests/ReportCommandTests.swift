import Foundation
import GolintTestSupport
import XCTest

/// `golint report` without a browser: its numbers, its burn-down against status at each commit,
/// and that it writes nothing when it cannot run.
final class ReportCommandTests: CLITestCase {
    static let now = "2026-03-06T12:00:00+01:00"

    private func report(_ repository: TestRepository, _ arguments: [String] = []) throws -> String {
        let page = repository.path + "/../report-\(UUID().uuidString).html"
        defer { try? FileManager.default.removeItem(atPath: page) }
        let result = try golint(["report", "--now", Self.now, "--output", page] + arguments, in: repository.path)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("wrote \(page)"), result.stderr)
        return try String(contentsOfFile: page, encoding: .utf8)
    }

    /// Every value the template writes is escaped: it has no triple or ampersand tag.
    func testTheTemplateEscapesEveryValue() throws {
        let template = try String(contentsOfFile: CLITestCase.packageRoot + "/Sources/GolintKit/Resources/report.mustache", encoding: .utf8)
        XCTAssertFalse(template.contains("{{{") || template.contains("{{&"), "an unescaped tag in the report template")
        XCTAssertFalse(template.contains("http://") || template.contains("https://"), "the report loads nothing from the network")
    }

    func testReadinessIsStatusReadiness() throws {
        let repository = try demoRepository()
        let html = try report(repository)
        let status = try json(golint(["status", "--now", Self.now, "--format", "json"], in: repository.path))
        let readiness = try XCTUnwrap(status["readiness"] as? String)
        XCTAssertTrue(html.contains("<div class=\"banner blocked\" id=\"readiness\"><strong>Not ready: work is overdue</strong>\(readiness)</div>"), html)
    }

    /// Each dot of a burn-down is the open count status reports for that document at that commit.
    func testBurnDownPointsAreStatusAtEachCommit() throws {
        let repository = try demoRepository()
        let html = try report(repository)
        let dot = try NSRegularExpression(pattern: #"<circle class="dot"[^>]*><title>(\d+) open after ([0-9a-f]{7}) "#)
        for document in ["docs/13_GO_LIVE_CHECKLIST.md", "docs/TASK_DEVOPS_INFRASTRUCTURE.md"] {
            let start = try XCTUnwrap(html.range(of: "data-document=\"\(document)\""), "chart of \(document)")
            let svg = String(html[start.lowerBound..<html.range(of: "</svg>", range: start.upperBound..<html.endIndex)!.lowerBound])
            let points = dot.matches(in: svg, range: NSRange(svg.startIndex..., in: svg)).map { match in
                (open: Int(svg[Range(match.range(at: 1), in: svg)!])!, commit: String(svg[Range(match.range(at: 2), in: svg)!]))
            }
            let commits = try repository.git(["log", "--format=%h", "--abbrev=7", "--", document]).split(separator: "\n").map(String.init)
            XCTAssertEqual(points.map(\.commit), commits.reversed(), "one point per commit that changed \(document)")
            for point in points {
                let status = try json(golint(["status", "--rev", point.commit, "--now", Self.now, "--format", "json", document], in: repository.path))
                let counts = try XCTUnwrap((status["documents"] as? [[String: Any]])?.first?["deliverables"] as? [String: Int])
                XCTAssertEqual(point.open, counts["open"], "\(document) at \(point.commit)")
            }
        }
    }

    func testSinceNarrowsTheAuditTrail() throws {
        let repository = try demoRepository()
        let all = try report(repository).components(separatedBy: "<tr data-kind=").count - 1
        let recent = try report(repository, ["--since", "HEAD~2"]).components(separatedBy: "<tr data-kind=").count - 1
        let history = try json(golint(["history", "--since", "HEAD~2", "--format", "json"], in: repository.path))
        XCTAssertEqual(recent, (history["events"] as? [Any])?.count)
        XCTAssertLessThan(recent, all)
    }

    func testNothingIsWrittenWhenItCannotRun() throws {
        let repository = try demoRepository()
        let page = repository.path + "/../report-\(UUID().uuidString).html"
        for arguments in [["--until", "no-such-rev"], ["--since", "no-such-rev"], ["docs/NO_SUCH.md"]] {
            let result = try golint(["report", "--now", Self.now, "--output", page] + arguments, in: repository.path)
            XCTAssertEqual(result.status, 2, "\(arguments): \(result.stderr)")
            XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr)
            XCTAssertFalse(FileManager.default.fileExists(atPath: page), "\(arguments) wrote a report")
        }
        let unwritable = try golint(["report", "--output", repository.path + "/no/such/folder/report.html"], in: repository.path)
        XCTAssertEqual(unwritable.status, 2, unwritable.stderr)
        XCTAssertTrue(unwritable.stderr.contains("cannot write the report"), unwritable.stderr)
        let missing = try golint(["report"], in: repository.path)
        XCTAssertEqual(missing.status, 2)
        XCTAssertEqual(try repository.git(["status", "--porcelain"]), "", "the repository is not touched")
    }
}
