import Foundation
import GolintKit
import GolintTestSupport
import XCTest

/// Launch plans in the styles real teams write (status tables, T-minus schedules, glyph lists,
/// German and English, sign-off forms), each with its expected findings at a fixed time in a golden
/// file beside it: `plans/golden/NAME.txt`, whose first line is `now: <ISO time>`. To rewrite the
/// golden files after a deliberate change, run the tests with GOLINT_UPDATE_GOLDEN=1 and read the diff.
final class PlanGoldenTests: XCTestCase {
    private let directory = Fixtures.directory + "/plans"

    func testEveryPlanMatchesItsGoldenFindings() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".md") }.sorted()
        XCTAssertGreaterThanOrEqual(names.count, 12)
        for name in names {
            let goldenPath = directory + "/golden/" + name.dropLast(3) + ".txt"
            let golden = try String(contentsOfFile: goldenPath, encoding: .utf8)
            let now = try XCTUnwrap(golden.split(separator: "\n").first.flatMap { $0.hasPrefix("now: ") ? ISOTime.parse(String($0.dropFirst(5))) : nil },
                                    "\(goldenPath) starts with now: <ISO time>")
            let findings = try Linter.lint(path: "docs/" + name, bytes: Fixtures.bytes("plans/" + name), configuration: .shipped(), now: now.date)
                .findings.sorted(by: Finding.ordered)
            let rendered = findings.map { "\($0.line):\($0.column) \($0.severity.rawValue) \($0.rule): \($0.message)" }
            let expected = golden.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().filter { !$0.isEmpty }.map(String.init)
            if ProcessInfo.processInfo.environment["GOLINT_UPDATE_GOLDEN"] == "1" {
                try ([String(golden.split(separator: "\n").first!)] + rendered).joined(separator: "\n").appending("\n")
                    .write(toFile: goldenPath, atomically: true, encoding: .utf8)
                continue
            }
            XCTAssertEqual(rendered, expected, name)
        }
    }
}
