import GolintKit
import GolintTestSupport
import XCTest

/// The two real documents golint exists for, at fixed evaluation times, with every expected finding
/// written out (derived by reading the documents).
final class SeedGoldenTests: XCTestCase {
    private func lint(_ fixture: String, at now: String, path: String) throws -> [Finding] {
        let date = try XCTUnwrap(ISOTime.parse(now)?.date)
        return try Linter.lint(path: path, bytes: Fixtures.bytes(fixture), configuration: .shipped(), now: date).findings
            .sorted(by: Finding.ordered)
    }

    private func lines(_ findings: [Finding], _ rule: String) -> [Int] {
        findings.filter { $0.rule == rule }.map(\.line)
    }

    // MARK: Release manager's task

    private let releaseManagerPath = "docs/TASK_RELEASE_MANAGER_GOLIVE.md"
    /// Unchecked items outside the approval section; lines 22-27 are its approvals.
    private let releaseManagerUnchecked = Array(31...36) + Array(40...43)

    func testReleaseManagerAfterItsDeadline() throws {
        let findings = try lint(Fixtures.releaseManagerTask, at: "2026-03-06T12:00+01:00", path: releaseManagerPath)

        // "**Deadline:** Bis **2026-03-05**" near the top: every unchecked item outside the fence
        // that is not an approval.
        XCTAssertEqual(lines(findings, "overdue-item"), releaseManagerUnchecked)
        XCTAssertEqual(Set(findings.filter { $0.rule == "overdue-item" }.compactMap(\.deadline)), ["2026-03-05T23:59:59+01:00"])
        let first = try XCTUnwrap(findings.first { $0.rule == "overdue-item" })
        XCTAssertEqual(first.excerpt, "rc-2026-03-01 bleibt freigegebener Stand")
        XCTAssertEqual(first.column, 1)

        // "### 1. Stakeholder und Freigaben" is an approval section: its open approvals after the
        // deadline are one finding each, named by their role.
        let approvals = findings.filter { $0.rule == "missing-signature" }
        XCTAssertEqual(approvals.map(\.line), Array(22...27))
        XCTAssertEqual(approvals.first?.message,
                       "approval 'Business' is still not given and its deadline 2026-03-05T23:59:59+01:00 (document deadline on line 6) has passed")
        XCTAssertEqual(approvals.last?.message.hasPrefix("approval 'Support informiert' is still not given"), true)

        // The five escalation placeholders, in inline code, column 4 after "- `".
        let placeholders = findings.filter { $0.rule == "placeholder" }
        XCTAssertEqual(placeholders.map(\.excerpt), ["[Status-Kanal]", "[Incident-Kanal]", "[Primär-On-Call]", "[Backup-On-Call]", "[Rollback-Entscheider]"])
        XCTAssertEqual(placeholders.map(\.line), Array(96...100))
        XCTAssertEqual(Set(placeholders.map(\.column)), [4])

        // Nothing from the fenced approval template (lines 48-64): not items, not placeholders, not decision fields.
        XCTAssertTrue(findings.allSatisfy { !(48...64).contains($0.line) }, "\(findings.filter { (48...64).contains($0.line) })")
        XCTAssertEqual(lines(findings, "encoding"), [])
        XCTAssertEqual(lines(findings, "unparsable-deadline"), [])
        XCTAssertEqual(findings.count, 10 + 6 + 5)
    }

    func testReleaseManagerBeforeItsDeadlineHasOnlyPlaceholders() throws {
        let findings = try lint(Fixtures.releaseManagerTask, at: "2026-03-05T23:59:00+01:00", path: releaseManagerPath)
        XCTAssertEqual(findings.map(\.rule), Array(repeating: "placeholder", count: 5))
    }

    func testReleaseManagerDeadlineIsBerlinEndOfDay() throws {
        // 23:00 UTC on the 5th is midnight in Berlin (CET, +01:00): the deadline has just passed.
        XCTAssertEqual(lines(try lint(Fixtures.releaseManagerTask, at: "2026-03-05T22:59:58Z", path: releaseManagerPath), "overdue-item"), [])
        XCTAssertEqual(lines(try lint(Fixtures.releaseManagerTask, at: "2026-03-05T23:00:00Z", path: releaseManagerPath), "overdue-item"),
                       releaseManagerUnchecked)
    }

    // MARK: Master coordination plan (double-encoded)

    private let masterPath = "docs/MASTER_GOLIVE_COORDINATION.md"
    private let workstreams12 = Array(38...43) + Array(65...70)  // Deadline: 2026-03-03 EOD
    private let workstreams34 = Array(91...97) + Array(119...125)  // Deadline: 2026-03-05 EOD
    private let tMinus48 = Array(308...313)  // ### T-48h (2026-03-04 EOD)
    private let tMinus24 = Array(317...321)  // ### T-24h (2026-03-05 EOD)
    private let tPlus1h = Array(352...355)  // ### T+1h: 11:00 CET, from ### T-0 (2026-03-06 10:00 CET) on line 336
    private let tPlus24h = Array(359...361)  // ### T+24h: 2026-03-07 10:00 CET
    private let finalChecklist = Array(499...506)  // the title's range end, 2026-03-06
    // Status-table rows by their Day column ("Mar 1–2" ends on March 2nd; the year is the status line's).
    private let rowsByMarch2 = [31, 58, 59, 112]
    private let rowsByMarch3 = [32, 33, 34, 35, 60, 61, 62, 85, 86, 113]
    private let rowsByMarch4 = [87, 114]
    private let rowsByMarch5 = [88, 115]
    private let rowsByMarch6 = [116]

    func testMasterPlanIsDoubleEncoded() throws {
        let findings = try lint(Fixtures.masterPlan, at: "2026-03-01T12:00+01:00", path: masterPath)
        let encoding = try XCTUnwrap(findings.first { $0.rule == "encoding" })
        XCTAssertEqual(encoding.line, 1)
        XCTAssertEqual(encoding.column, 26)
        XCTAssertEqual(encoding.severity, .warning)
        XCTAssertEqual(encoding.excerpt, "â€\u{201C}")
        XCTAssertTrue(encoding.message.contains("should be '–'"), encoding.message)
        XCTAssertEqual(findings.map(\.rule), ["encoding"], "nothing else is due on March 1st")
    }

    /// golint reads the repaired text: items and messages are free of mojibake, positions still
    /// count the file as stored.
    func testMasterPlanIsReadRepaired() throws {
        let findings = try lint(Fixtures.masterPlan, at: "2026-03-04T00:00:01+01:00", path: masterPath)
        let item = try XCTUnwrap(findings.first { $0.rule == "overdue-item" && $0.line == 38 })
        XCTAssertEqual(item.excerpt, "Architektur-Entscheidungsmatrix ausgefüllt")
        XCTAssertFalse(findings.contains { $0.rule != "encoding" && ($0.message.contains("Ã") || $0.message.contains("â€")) }, "\(findings.map(\.message))")
        // The stored line keeps its mojibake, for baselines and for the encoding finding.
        XCTAssertEqual(item.sourceLine, "- [ ] Architektur-Entscheidungsmatrix ausgefÃ¼llt")
        let row = try XCTUnwrap(findings.first { $0.line == 31 })
        XCTAssertEqual(row.message, "'Decision Matrix' is not done and its deadline 2026-03-02T23:59:59+01:00 (date column 'Mar 1–2') has passed")
        XCTAssertEqual(row.owner, "DevOps-Lead")
        // "| Mar 1â€“2 | Decision Matrix |": the name starts at column 15 of the stored line (13 once repaired).
        XCTAssertEqual(row.column, 15)

        var bytes = Array("# Plan – Übersicht\n\nOwner: TBD\n".utf8)
        bytes = Array(String(decoding: bytes, as: UTF8.self).unicodeScalars.flatMap { scalar -> [UInt8] in
            // Each UTF-8 byte read as Latin-1 and written again as UTF-8, as a double encoding does.
            Array(String(scalar).utf8).flatMap { Array(String(UnicodeScalar($0)).utf8) }
        })
        let garbled = try Linter.lint(path: "TASK_X.md", bytes: bytes + Array("Lead: [Owner] Ã¼ber [Backup]\n".utf8),
                                      configuration: .shipped(), now: .distantPast).findings
        XCTAssertEqual(garbled.filter { $0.rule == "placeholder" }.map { "\($0.line):\($0.column) \($0.excerpt ?? "")" },
                       ["3:8 TBD", "4:7 [Owner]", "4:21 [Backup]"])
    }

    func testMasterPlanTableRowsOnMarch3And4() throws {
        XCTAssertEqual(lines(try lint(Fixtures.masterPlan, at: "2026-03-03T12:00+01:00", path: masterPath), "overdue-item"), rowsByMarch2)
        XCTAssertEqual(lines(try lint(Fixtures.masterPlan, at: "2026-03-04T12:00+01:00", path: masterPath), "overdue-item"),
                       (rowsByMarch2 + rowsByMarch3 + workstreams12).sorted())
    }

    func testMasterPlanFirstWorkstreamsOverdueAfterMarch3() throws {
        let findings = try lint(Fixtures.masterPlan, at: "2026-03-04T00:00:01+01:00", path: masterPath)
        XCTAssertEqual(lines(findings, "overdue-item"), (rowsByMarch2 + rowsByMarch3 + workstreams12).sorted())
        XCTAssertEqual(Set(findings.filter { workstreams12.contains($0.line) }.compactMap(\.deadline)), ["2026-03-03T23:59:59+01:00"])
        XCTAssertEqual(Set(findings.filter { workstreams12.contains($0.line) }.compactMap(\.deadlineSource?.kind)), ["section"])
    }

    func testMasterPlanOnGoLiveDayAroundTPlus1h() throws {
        let before = try lint(Fixtures.masterPlan, at: "2026-03-06T10:59+01:00", path: masterPath)
        let allBefore = (workstreams12 + workstreams34 + tMinus48 + tMinus24 + rowsByMarch2 + rowsByMarch3 + rowsByMarch4 + rowsByMarch5).sorted()
        XCTAssertEqual(lines(before, "overdue-item"), allBefore)
        let after = try lint(Fixtures.masterPlan, at: "2026-03-06T11:01+01:00", path: masterPath)
        XCTAssertEqual(lines(after, "overdue-item"), (allBefore + tPlus1h).sorted())
        let smoke = try XCTUnwrap(after.first { $0.line == 352 })
        XCTAssertEqual(smoke.message, "'15-min intensive checks (every 5 min status)' is not done and its deadline 2026-03-06T11:00:00+01:00 (T+1h from T-0 on line 336) has passed")
        XCTAssertEqual(smoke.deadlineSource, DeadlineSource(kind: "relative", line: 350, text: "T+1h", anchorLine: 336))
        XCTAssertEqual(lines(after, "placeholder"), [], "the status templates with [what was accomplished] are fenced")
        XCTAssertEqual(lines(after, "missing-signature"), [])
    }

    func testMasterPlanTPlus24hAndAfterGoLive() throws {
        let before = try lint(Fixtures.masterPlan, at: "2026-03-07T09:59+01:00", path: masterPath)
        XCTAssertFalse(lines(before, "overdue-item").contains { tPlus24h.contains($0) })
        XCTAssertTrue(lines(before, "overdue-item").contains(116), "the row for Mar 5–6 is over")
        let after = try lint(Fixtures.masterPlan, at: "2026-03-07T10:01+01:00", path: masterPath)
        XCTAssertEqual(lines(after, "overdue-item"),
                       (workstreams12 + workstreams34 + tMinus48 + tMinus24 + tPlus1h + tPlus24h + finalChecklist + rowsByMarch2
                        + rowsByMarch3 + rowsByMarch4 + rowsByMarch5 + rowsByMarch6).sorted())
        let plan = try Plan(source: SourceText(bytes: Fixtures.bytes(Fixtures.masterPlan)), path: masterPath, configuration: .shipped())
        XCTAssertEqual(plan.deliverables.filter { $0.kind == .task }.count, 52)
        XCTAssertEqual(plan.deliverables.filter { $0.kind == .tableRow }.count, 19)
        XCTAssertEqual(plan.deliverables.filter { $0.kind == .glyph }.map(\.state), [.done, .done, .done, .done], "the ✅ critical-path list")
    }
}
