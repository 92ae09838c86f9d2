import Foundation
import GolintTestSupport
import XCTest

/// `golint report` opened in a real browser: headless Chromium runs the page's script, and the DOM
/// it leaves (`--dump-dom`) and a screenshot are checked. `make test` installs Debian's chromium;
/// only GOLINT_SKIP_BROWSER=1 skips these tests, a missing browser otherwise fails them.
final class ReportBrowserTests: CLITestCase {
    static let now = "2026-03-06T12:00:00+01:00"

    private func chromium() throws -> String {
        if ProcessInfo.processInfo.environment["GOLINT_SKIP_BROWSER"] == "1" { throw XCTSkip("GOLINT_SKIP_BROWSER=1") }
        for candidate in ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        where FileManager.default.isExecutableFile(atPath: candidate) {
            return candidate
        }
        XCTFail("no Chromium: `make test` installs Debian's chromium (GOLINT_SKIP_BROWSER=1 skips the browser tests)")
        throw XCTSkip("no browser")
    }

    /// Runs headless Chromium on `file` with `arguments`; fails on anything the page logs to its console.
    private func browse(_ file: String, _ arguments: [String], in directory: String) throws -> String {
        let browser = try chromium()
        let profile = directory + "/chromium-profile"
        let result = try TestRepository.run(browser, ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                                                      "--no-first-run", "--user-data-dir=\(profile)", "--enable-logging=stderr", "--v=0",
                                                      "--hide-scrollbars"] + arguments + ["file://" + file],
                                            in: directory, environment: ["HOME": directory], check: false, timeout: 120)
        XCTAssertEqual(result.status, 0, result.stderr)
        let console = result.stderr.split(separator: "\n").filter { $0.contains(":CONSOLE") }
        XCTAssertEqual(console, [], "the report logged to the browser console")
        return result.stdout
    }

    /// The demo history, plus a document whose texts and name try to become markup.
    private func hostileRepository() throws -> TestRepository {
        let repository = try demoRepository()
        try repository.write("docs/TASK_<b>BOLD.md", """
        # Hostile <script>alert('title')</script>

        **Deadline:** 2026-03-05

        - [ ] `<script>document.title='pwned'</script>` ausrollen
        - [ ] `<img src=x onerror=alert(1)>` prüfen
        - [ ] Rückruf an [<svg onload=alert(2)>] klären

        ## Approval

        - [x] Security — `"><i>Mallory</i>`, 2026-03-04
        """)
        try repository.commit("Hostile plan", author: "Eve Example")
        return repository
    }

    func testReportInHeadlessChromium() throws {
        _ = try chromium()
        let repository = try hostileRepository()
        let folder = repository.path + "/../report-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let page = folder + "/report.html"
        let result = try golint(["report", "--now", Self.now, "--output", page], in: repository.path)
        XCTAssertEqual(result.status, 0, result.stderr)
        let html = try String(contentsOfFile: page, encoding: .utf8)
        XCTAssertFalse(html.contains("http://") || html.contains("https://"), "nothing is loaded from the network")

        let dom = try browse(page, ["--dump-dom"], in: folder)
        XCTAssertTrue(dom.contains("data-ready=\"true\""), "the page's script ran to its end")
        // One chart per document, each with its step line, T-0 where the document names it, and now.
        let documents = ["docs/13_GO_LIVE_CHECKLIST.md", "docs/TASK_DEVOPS_INFRASTRUCTURE.md", "docs/TASK_&lt;b&gt;BOLD.md"]
        XCTAssertEqual(dom.components(separatedBy: "<svg class=\"chart\"").count - 1, 3)
        XCTAssertEqual(dom.components(separatedBy: "<path class=\"line\"").count - 1, 3)
        XCTAssertTrue(dom.contains("<line class=\"launch\""), "the demo checklist's T-0 is marked")
        XCTAssertEqual(dom.components(separatedBy: "<line class=\"now\"").count - 1, 3)
        for document in documents {
            XCTAssertTrue(dom.contains("data-document=\"\(document.replacingOccurrences(of: "&gt;", with: ">"))\"") || dom.contains("data-document=\"\(document)\""),
                          "chart of \(document)")
            XCTAssertTrue(dom.contains(">\(document)</a>"), "\(document) in the documents table")
        }
        // The sign-off matrix: the demo's two given approvals with their commits, its open one, the hostile one.
        let matrix = try XCTUnwrap(section(dom, id: "signoff-matrix"))
        XCTAssertEqual(matrix.components(separatedBy: "<tr data-standing=").count - 1, 4, matrix)
        XCTAssertTrue(matrix.contains("Sam Secure &lt;sam@example.com&gt;"), matrix)
        XCTAssertEqual(matrix.components(separatedBy: "data-standing=\"open\"").count - 1, 1)
        // The audit trail: every event of history, the filter's count from the script.
        let history = try json(golint(["history", "--format", "json"], in: repository.path))
        let events = try XCTUnwrap(history["events"] as? [[String: Any]]).count
        let trail = try XCTUnwrap(section(dom, id: "audit-trail"))
        XCTAssertEqual(trail.components(separatedBy: "<tr data-kind=").count - 1, events)
        XCTAssertTrue(dom.contains("\(events) of \(events) events shown"), "the filter script counted the rows")
        // Hostile text stays text: the page's own script is its only one, no element came from a document.
        XCTAssertEqual(dom.components(separatedBy: "<script").count - 1, 1)
        for markup in ["<img", "<svg onload", "<b>BOLD", "<i>Mallory", "onerror=\"", "<script>document.title"] {
            XCTAssertFalse(dom.contains(markup), "\(markup) became markup")
        }
        XCTAssertTrue(dom.contains("&lt;script&gt;document.title='pwned'&lt;/script&gt; ausrollen"), "shown as text")
        XCTAssertTrue(dom.contains("<title>Launch status — HEAD</title>"))

        // A screenshot that is not blank.
        let screenshot = folder + "/report.png"
        _ = try browse(page, ["--screenshot=\(screenshot)", "--window-size=1280,2000"], in: folder)
        let measured = try TestRepository.run("/usr/bin/env", ["python3", Fixtures.directory + "/report/png_colours.py", screenshot], in: folder).stdout
        let numbers = measured.split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        XCTAssertEqual(numbers.prefix(2), [1280, 2000], measured)
        XCTAssertGreaterThan(numbers.last ?? 0, 50, "a blank screenshot has few colours: \(measured)")
        if let keep = ProcessInfo.processInfo.environment["GOLINT_REPORT_SCREENSHOT"] {
            try? FileManager.default.removeItem(atPath: keep)
            try FileManager.default.copyItem(atPath: screenshot, toPath: keep)
        }
    }

    /// The element with `id` up to the end of its table, as the browser serialised it.
    private func section(_ dom: String, id: String) -> String? {
        guard let start = dom.range(of: "id=\"\(id)\""), let end = dom.range(of: "</table>", range: start.upperBound..<dom.endIndex) else { return nil }
        return String(dom[start.lowerBound..<end.upperBound])
    }
}
