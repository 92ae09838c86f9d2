import Foundation
import GolintTestSupport
import XCTest

@testable import GolintKit

/// The optional pack `rules/placeholders-extended.yml`: what it adds to the shipped patterns, and
/// what it leaves alone.
final class PlaceholderPackTests: XCTestCase {
    private let document = """
        # Plan

        | Aufgabe | Verantwortlich | Evidenz |
        |---|---|---|
        | Runbook | Team Ops | _offen_ |

        - Status page: (configure)
        - Bridge: (insert the bridge link)
        - Contact: …
        - Mail: ops@example.test
        - Status: https://status.yourdomain.com/incidents
        - Open the firewall (port 443)
        - Status: open items are listed below
        - Mail: ops@golint.dev

        """

    private func placeholders(withPack: Bool) throws -> [String] {
        var configuration = Configuration.shipped()
        if withPack {
            let pack = try String(contentsOfFile: Fixtures.directory + "/../../rules/placeholders-extended.yml", encoding: .utf8)
            try ConfigurationLoader.apply(yaml: pack, file: "rules/placeholders-extended.yml", kind: .pack, to: &configuration)
        }
        return try Linter.lint(path: "docs/TASK_PACK.md", bytes: Array(document.utf8), configuration: configuration, now: Date())
            .findings.filter { $0.rule == "placeholder" }.map { "\($0.line):\($0.excerpt ?? "")" }
    }

    func testTheShippedPackLeavesTheseForms() throws {
        XCTAssertEqual(try placeholders(withPack: false), [])
    }

    func testTheExtendedPackFindsStatusWordsInstructionsEllipsesAndExampleDomains() throws {
        XCTAssertEqual(try placeholders(withPack: true), [
            "5:offen", "7:(configure)", "8:(insert the bridge link)", "9:…", "10:ops@example.test", "11:status.yourdomain.com",
        ])
    }
}
