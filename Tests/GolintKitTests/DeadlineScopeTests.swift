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
            "document 2026-03-10T23:59:59Z",
            "heading 2026-03-08T23:59:59Z",
            "section 2026-03-07T23:59:59Z",
            "item 2026-03-06T23:59:59Z",
            "heading 2026-03-08T23:59:59Z",
        ])
    }

    func testZoneNamedInDocumentThenConfigurationThenUTC() throws {
        XCTAssertEqual(try deadlines("Stand: 2026-03-01 (Europe/Berlin)\n\nDeadline: 2026-03-05\n\n- [ ] x\n"),
                       ["document 2026-03-05T23:59:59+01:00"])
        XCTAssertEqual(try deadlines("Deadline: 2026-03-05\n\n- [ ] x\n", timezone: "America/New_York"),
                       ["document 2026-03-05T23:59:59-05:00"])
        XCTAssertEqual(try deadlines("Deadline: 2026-03-05\n\n- [ ] x\n"), ["document 2026-03-05T23:59:59Z"])
        XCTAssertEqual(try deadlines("Deadline: 2026-03-05 10:00 UTC\n\n- [ ] x\n", timezone: "Europe/Berlin"),
                       ["document 2026-03-05T10:00:00Z"])
    }

    func testStatusLinesAreNotDeadlines() throws {
        XCTAssertEqual(try deadlines("Stand: 2026-03-01\nLast Updated: 2026-03-01\n\n- [ ] x\n"), [nil])
    }

    func testHeadingRangeEndsAtItsLastDate() throws {
        XCTAssertEqual(try deadlines("# Plan (2026-03-01 → 2026-03-06)\n\n- [ ] x\n"), ["title 2026-03-06T23:59:59Z"])
        XCTAssertEqual(try deadlines("## Rollout (Mar 3–5)\n\nStand: 2026-03-01\n\n- [ ] x\n"), ["heading 2026-03-05T23:59:59Z"])
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
            ("- [ ] Tag rc-2026-03-01 bis Freitag, dann 2026-03-06", "document 2026-03-10T23:59:59Z"),
            ("- [ ] Gebucht 2026-03-02, bis 2026-03-06 testen", "item 2026-03-06T23:59:59Z"),
            ("- [ ] Abisolieren 2026-03-06", "document 2026-03-10T23:59:59Z"),
            ("- [ ] Runbook bis 4. März", "item 2026-03-04T23:59:59Z"),
            ("- [ ] Runbook (#7104, bis 2026-03-06)", "item 2026-03-06T23:59:59Z"),
        ]
        for (item, expected) in items {
            XCTAssertEqual(try deadlines("Deadline: 2026-03-10\n\n\(item)\n"), [expected], item)
        }
    }

    /// T-0 anchors in headings and lines; offsets in hours exactly, days on the calendar.
    func testRelativeSchedulesCountFromTheInnermostAnchor() throws {
        let markdown = """
        # Cutover runbook

        **Go-Live:** 2026-02-01 00:00 UTC

        ## Before

        ### T-24h

        - [ ] freeze

        ### T-60 min

        - [ ] announce

        ### D-1

        - [ ] dry run

        ### Tag 2

        - [ ] hypercare review

        ## Launch day

        ### T-0 (2026-03-06 10:00 Europe/Berlin)

        - [ ] deploy

        ### T+1h

        - [ ] smoke tests

        ### T+2d

        - [ ] retro
        """
        XCTAssertEqual(try deadlines(markdown), [
            "relative 2026-01-31T00:00:00Z", "relative 2026-01-31T23:00:00Z", "relative 2026-01-31T23:59:59Z",
            "relative 2026-02-02T23:59:59Z", "heading 2026-03-06T10:00:00+01:00", "relative 2026-03-06T11:00:00+01:00",
            "relative 2026-03-08T10:00:00+01:00",
        ])
    }

    func testTitleDateNeverEndsPostLaunchSections() throws {
        let markdown = """
        # Production Deployment Checklist - January 8, 2026

        ## Deploy

        - [ ] ship

        ## Post-Launch

        - [ ] watch dashboards

        ## Rollback (if needed)

        - [ ] restore backup
        """
        XCTAssertEqual(try deadlines(markdown), ["title 2026-01-08T23:59:59Z", nil, nil])
    }

    func testStampsInHeadingsAreNotDeadlines() throws {
        XCTAssertEqual(try deadlines("## Blockers (updated 2025-10-19)\n\n- [ ] x\n"), [nil])
        XCTAssertEqual(try deadlines("## Status (Stand: 01.03.2026)\n\n- [ ] x\n"), [nil])
        XCTAssertEqual(try deadlines("## Migration (Completed 2026-02-01)\n\n- [ ] x\n"), [nil])
    }

    func testTimeWindowsEndAtTheirLastDay() throws {
        XCTAssertEqual(try deadlines("## Test\n\nZeitraum: KW 9 (24.02. - 02.03.2026)\n\n- [ ] x\n"), ["section 2026-03-02T23:59:59Z"])
        XCTAssertEqual(try deadlines("Stand: 2026-02-20\n\n## Test\n\nWindow: Mar 3–5\n\n- [ ] x\n"), ["section 2026-03-05T23:59:59Z"])
    }

    func testYearlessTwelveHourZonedAndWeekDates() throws {
        let markdown = """
        # Launch 2026

        ## Rehearsal (4. Feb, 10:30)

        - [ ] a

        ## Cutover (Feb 6, 10:00 PM PST)

        - [ ] b

        ## Review (KW 12)

        - [ ] c

        ## Freeze (2026-W10)

        - [ ] d
        """
        XCTAssertEqual(try deadlines(markdown), [
            "heading 2026-02-04T10:30:00Z", "heading 2026-02-06T22:00:00-08:00", "heading 2026-03-22T23:59:59Z", "heading 2026-03-08T23:59:59Z",
        ])
    }

    func testTableRowsAndGlyphsAreDeliverables() throws {
        let markdown = """
        Stand: 2026-03-01

        | Day | Phase | Owner | Status |
        |-----|-------|-------|--------|
        | Mar 1–2 | Decision | DevOps-Lead | 🔵 Not Started |
        | Mar 3 | Build | DevOps-Lead | ✅ Done |
        | Monday | Review | SRE | open |

        ☐ Go-Live freigegeben (bis 5. März)
        """
        let plan = try Plan(source: SourceText(markdown), path: "TASK_X.md", configuration: .shipped())
        XCTAssertEqual(plan.deliverables.map { "\($0.kind.rawValue) \($0.text) \($0.state.rawValue) \($0.owner ?? "-") \($0.deadline?.iso8601 ?? "-")" }, [
            "table-row Decision open DevOps-Lead 2026-03-02T23:59:59Z",
            "table-row Build done DevOps-Lead 2026-03-03T23:59:59Z",
            "table-row Review open SRE -",
            "glyph Go-Live freigegeben (bis 5. März) open - 2026-03-05T23:59:59Z",
        ])
        XCTAssertEqual(plan.unreadableDeadlines.map { "\($0.line):\($0.column) \($0.text) \($0.reason)" }, ["7:3 Monday names no date golint can read"])
    }
}
