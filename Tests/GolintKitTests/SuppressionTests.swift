import GolintKit
import XCTest

final class SuppressionTests: XCTestCase {
    private func findings(_ markdown: String) throws -> [String] {
        try Linter.lint(path: "TASK_S.md", bytes: Array(markdown.utf8), configuration: .shipped(), now: ISOTime.parse("2026-03-06T12:00Z")!.date)
            .findings.map { "\($0.line) \($0.rule)" }
    }

    func testNextLineHidesOnlyTheNamedRuleOnTheNextLine() throws {
        XCTAssertEqual(try findings("""
        <!-- golint-disable-next-line placeholder -->
        Owner: [Team-Lead], TBD
        Backup: [Backup-Lead]
        """), ["3 placeholder"])
    }

    func testRangeWithAndWithoutRuleIds() throws {
        XCTAssertEqual(try findings("""
        Deadline: 2026-03-01

        <!-- golint-disable placeholder overdue-item -->
        - [ ] step owned by TBD
        <!-- golint-enable placeholder -->
        - [ ] second owned by TBD
        <!-- golint-enable -->
        - [ ] third
        """), ["6 placeholder", "8 overdue-item"])
        XCTAssertEqual(try findings("<!-- golint-disable -->\n- [ ] TBD (bis 2026-03-01)\n"), [])
    }

    func testUnusedAndUnknownAreReported() throws {
        XCTAssertEqual(try findings("<!-- golint-disable-next-line placeholder -->\nnothing here\n"), ["1 unused-suppression"])
        XCTAssertEqual(try findings("<!-- golint-disable-next-line placehodler -->\nOwner: TBD\n"), ["1 unused-suppression", "2 placeholder"])
    }

    func testSuppressionsStillApplyWhenTheirRuleIsOff() throws {
        var configuration = Configuration.shipped()
        try ConfigurationLoader.apply(yaml: "rules:\n  unused-suppression: off\n", file: ".golint.yml", kind: .configuration, to: &configuration)
        let result = try Linter.lint(path: "TASK_S.md", bytes: Array("<!-- golint-disable-next-line -->\nTBD\n<!-- golint-disable-next-line -->\nok\n".utf8),
                                     configuration: configuration, now: .distantPast)
        XCTAssertEqual(result.findings, [])
    }
}
