import Foundation
import GolintKit
import XCTest

/// Which deadline an item gets: item → section line → heading → document.
final class DeadlineScopeTests: XCTestCase {
    private func deadlines(_ markdown: String, timezone: String? = nil) throws -> [String?] {
        var configuration = Configuration.shipped()
        if let timezone {
            try ConfigurationLoader.apply(yaml: "timezone: \(timezone)\n", file: ".golint.yml", kind: .configuration, to: &configuration)
        }
        let document = MarkdownParser.parse(SourceText(markdown), path: "TASK_X.md")
        return Analysis(document: document, configuration: configuration).itemDeadlines.map { $0.map { "\($0.origin.rawValue) \($0.iso8601)" } }
    }

    func testNearestScopeWins() throws {
        let markdown = """
        # Plan

        **Deadline:** 2026-03-10

        ## A

        - [ ] document deadline

        ## B (2026-03-08)

        - [ ] heading deadline

        ### B.1

        Frist: 07.03.2026

        - [ ] section line deadline
        - [ ] own date (bis 2026-03-06)

        ### B.2

        - [ ] inherits B's heading
        """
        XCTAssertEqual(try deadlines(markdown), [
            "section 2026-03-10T23:59:59Z",
            "heading 2026-03-08T23:59:59Z",
            "section 2026-03-07T23:59:59Z",
            "item 2026-03-06T23:59:59Z",
            "heading 2026-03-08T23:59:59Z",
        ])
    }

    func testZoneNamedInDocumentThenConfigurationThenUTC() throws {
        XCTAssertEqual(try deadlines("Stand: 2026-03-01 (Europe/Berlin)\n\nDeadline: 2026-03-05\n\n- [ ] x\n"),
                       ["section 2026-03-05T23:59:59+01:00"])
        XCTAssertEqual(try deadlines("Deadline: 2026-03-05\n\n- [ ] x\n", timezone: "America/New_York"),
                       ["section 2026-03-05T23:59:59-05:00"])
        XCTAssertEqual(try deadlines("Deadline: 2026-03-05\n\n- [ ] x\n"), ["section 2026-03-05T23:59:59Z"])
        XCTAssertEqual(try deadlines("Deadline: 2026-03-05 10:00 UTC\n\n- [ ] x\n", timezone: "Europe/Berlin"),
                       ["section 2026-03-05T10:00:00Z"])
    }

    func testStatusLinesAreNotDeadlines() throws {
        XCTAssertEqual(try deadlines("Stand: 2026-03-01\nLast Updated: 2026-03-01\n\n- [ ] x\n"), [nil])
    }

    func testHeadingRangeEndsAtItsLastDate() throws {
        XCTAssertEqual(try deadlines("# Plan (2026-03-01 → 2026-03-06)\n\n- [ ] x\n"), ["heading 2026-03-06T23:59:59Z"])
    }
}
