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
        let plan = try Plan(source: SourceText(markdown), path: "TASK_X.md", configuration: configuration)
        return plan.deliverables.map { $0.deadline.map { "\($0.origin.rawValue) \($0.iso8601)" } }
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

    /// A date on an item is its deadline only right after a marker; the same date elsewhere is not.
    func testItemDatesNeedAMarkerRightBeforeThem() throws {
        let items = [
            ("- [ ] Runbook (bis 2026-03-06)", "item 2026-03-06T23:59:59Z"),
            ("- [ ] Runbook, Frist: am 06.03.2026", "item 2026-03-06T23:59:59Z"),
            ("- [ ] Runbook bis zum 6. März 2026", "item 2026-03-06T23:59:59Z"),
            ("- [ ] Runbook due on Mar 6, 2026 10:00 UTC", "item 2026-03-06T10:00:00Z"),
            ("- [ ] Runbook fällig am 2026-03-06", "item 2026-03-06T23:59:59Z"),
            ("- [ ] Runbook BY 2026-03-06 EOD", "item 2026-03-06T23:59:59Z"),
            ("- [ ] Tag rc-2026-03-01 bis Freitag, dann 2026-03-06", "section 2026-03-10T23:59:59Z"),
            ("- [ ] Gebucht 2026-03-02, bis 2026-03-06 testen", "item 2026-03-06T23:59:59Z"),
            ("- [ ] Abisolieren 2026-03-06", "section 2026-03-10T23:59:59Z"),
            ("- [ ] Runbook (#7104, bis 2026-03-06)", "item 2026-03-06T23:59:59Z"),
        ]
        for (item, expected) in items {
            XCTAssertEqual(try deadlines("Deadline: 2026-03-10\n\n\(item)\n"), [expected], item)
        }
    }
}

