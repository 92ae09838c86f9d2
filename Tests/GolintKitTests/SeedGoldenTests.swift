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
    private let releaseManagerUnchecked = Array(22...27) + Array(31...36) + Array(40...43)

    func testReleaseManagerAfterItsDeadline() throws {
        let findings = try lint(Fixtures.releaseManagerTask, at: "2026-03-06T12:00+01:00", path: releaseManagerPath)

        // "**Deadline:** Bis **2026-03-05**" near the top: every unchecked item outside the fence.
        XCTAssertEqual(lines(findings, "overdue-item"), releaseManagerUnchecked)
        XCTAssertEqual(Set(findings.filter { $0.rule == "overdue-item" }.compactMap(\.deadline)), ["2026-03-05T23:59:59+01:00"])
        let first = try XCTUnwrap(findings.first { $0.rule == "overdue-item" })
        XCTAssertEqual(first.excerpt, "Business-Freigabe eingeholt")
        XCTAssertEqual(first.column, 1)

        // "### 1. Stakeholder und Freigaben" is an approval section: its open approvals are unsigned.
        XCTAssertEqual(lines(findings, "missing-signature"), Array(22...27))

        // The five escalation placeholders, in inline code, column 4 after "- `".
        let placeholders = findings.filter { $0.rule == "placeholder" }
        XCTAssertEqual(placeholders.map(\.excerpt), ["[Status-Kanal]", "[Incident-Kanal]", "[Primär-On-Call]", "[Backup-On-Call]", "[Rollback-Entscheider]"])
        XCTAssertEqual(placeholders.map(\.line), Array(96...100))
        XCTAssertEqual(Set(placeholders.map(\.column)), [4])

        // Nothing from the fenced approval template (lines 48-64): not items, not placeholders, not decision fields.
        XCTAssertTrue(findings.allSatisfy { !(48...64).contains($0.line) }, "\(findings.filter { (48...64).contains($0.line) })")
        XCTAssertEqual(lines(findings, "encoding"), [])
        XCTAssertEqual(lines(findings, "unparsable-deadline"), [])
        XCTAssertEqual(findings.count, 16 + 6 + 5)
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
    private let tPlus = Array(352...355) + Array(359...361)  // T+1h, T+24h: no date of their own
    private let finalChecklist = Array(499...506)

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
        let first = try XCTUnwrap(findings.first { $0.rule == "overdue-item" })
        XCTAssertEqual(first.excerpt, "Architektur-Entscheidungsmatrix ausgefüllt")
        XCTAssertFalse(findings.contains { $0.rule != "encoding" && ($0.message.contains("Ã") || $0.message.contains("â€")) }, "\(findings.map(\.message))")
        // The stored line keeps its mojibake, for baselines and for the encoding finding.
        XCTAssertEqual(first.sourceLine, "- [ ] Architektur-Entscheidungsmatrix ausgefÃ¼llt")

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

    func testMasterPlanWorkstreamsBeforeTheirDeadline() throws {
        let findings = try lint(Fixtures.masterPlan, at: "2026-03-03T23:59:00+01:00", path: masterPath)
        XCTAssertEqual(lines(findings, "overdue-item"), [])
    }

    func testMasterPlanFirstWorkstreamsOverdueAfterMarch3() throws {
        let findings = try lint(Fixtures.masterPlan, at: "2026-03-04T00:00:01+01:00", path: masterPath)
        XCTAssertEqual(lines(findings, "overdue-item"), workstreams12)
        XCTAssertEqual(Set(findings.filter { $0.rule == "overdue-item" }.compactMap(\.deadline)), ["2026-03-03T23:59:59+01:00"])
    }

    func testMasterPlanOnGoLiveDay() throws {
        let findings = try lint(Fixtures.masterPlan, at: "2026-03-06T12:00+01:00", path: masterPath)
        XCTAssertEqual(lines(findings, "overdue-item"), (workstreams12 + workstreams34 + tMinus48 + tMinus24).sorted())
        XCTAssertEqual(lines(findings, "placeholder"), [], "the status templates with [what was accomplished] are fenced")
        XCTAssertEqual(lines(findings, "missing-signature"), [])
    }

    func testMasterPlanAfterGoLiveEverythingOpenIsOverdue() throws {
        // Items without a section deadline fall back to the title's range end, 2026-03-06.
        let findings = try lint(Fixtures.masterPlan, at: "2026-03-07T00:00:01+01:00", path: masterPath)
        XCTAssertEqual(lines(findings, "overdue-item"),
                       (workstreams12 + workstreams34 + tMinus48 + tMinus24 + tPlus + finalChecklist).sorted())
        let document = MarkdownParser.parse(SourceText(bytes: Fixtures.bytes(Fixtures.masterPlan)), path: masterPath)
        XCTAssertEqual(document.items.count, 52)
        XCTAssertEqual(document.items.filter(\.checked).count, 0)
    }
}
