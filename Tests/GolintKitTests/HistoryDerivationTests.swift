@testable import GolintKit
import GolintTestSupport
import XCTest

/// A snapshot derived from its parent without parsing must equal the full parse, and derivation
/// must refuse every change it cannot follow.
final class HistoryDerivationTests: XCTestCase {
    private let configuration = Configuration.shipped()

    private func parsed(_ text: String) throws -> DocumentSnapshot {
        try DocumentSnapshot(bytes: Array(text.utf8), path: "TASK_D.md", configuration: configuration)
    }

    private func derived(_ old: String, _ new: String) throws -> DocumentSnapshot? {
        SnapshotDerivation.derive(from: try parsed(old), new: SourceText(bytes: Array(new.utf8)), configuration)
    }

    func testEveryItemOfTheSeedsToggledAndReworded() throws {
        for fixture in [Fixtures.releaseManagerTask, Fixtures.masterPlan] {
            let text = String(decoding: Fixtures.bytes(fixture), as: UTF8.self)
            let lines = text.components(separatedBy: "\n")
            let base = try parsed(text)
            var derivedCount = 0
            for (index, line) in lines.enumerated() where line.hasPrefix("- [ ] ") {
                for replacement in [line.replacingOccurrences(of: "- [ ] ", with: "- [x] "), line + " (bis 2026-03-09)", "- [X] Security — Carol Weiss, 2026-02-27"] {
                    var edited = lines
                    edited[index] = replacement
                    let new = edited.joined(separator: "\n")
                    let full = try parsed(new)
                    if let fast = SnapshotDerivation.derive(from: base, new: SourceText(bytes: Array(new.utf8)), configuration) {
                        XCTAssertEqual(fast, full, "\(fixture): \(replacement)")
                        derivedCount += 1
                    }
                }
            }
            XCTAssertGreaterThan(derivedCount, 10, fixture)
        }
    }

    func testSigningInAnApprovalSectionIsDerived() throws {
        let old = "## Freigabe\n\n- [ ] Security\n- [ ] SRE\n"
        let new = "## Freigabe\n\n- [x] Security — Carol Weiss, 2026-02-27\n- [ ] SRE\n"
        let fast = try XCTUnwrap(try derived(old, new))
        XCTAssertEqual(fast, try parsed(new))
        XCTAssertTrue(fast.items[0].signed)
    }

    func testChangesThatNeedAParseAreRefused() throws {
        let base = "# Plan\n\nDeadline: 2026-03-05\n\n- [ ] Alpha\n- [ ] Beta\n\n```\n- [ ] fenced\n```\n"
        let refused = [
            base.replacingOccurrences(of: "- [ ] Beta", with: "- [ ] Beta [Owner]"),            // a placeholder
            base.replacingOccurrences(of: "- [ ] Beta", with: "- [ ] **Beta**"),               // markup
            base.replacingOccurrences(of: "- [ ] Beta", with: "- [ ] Entscheider: ____"),      // a decision field
            base.replacingOccurrences(of: "- [ ] Beta", with: "* [ ] Beta"),                   // another list marker
            base.replacingOccurrences(of: "- [ ] Beta\n", with: "- [ ] Beta\n- [ ] Gamma\n"),  // a new line
            base.replacingOccurrences(of: "Deadline: 2026-03-05", with: "Deadline: 2026-03-06"), // not an item line
            base.replacingOccurrences(of: "- [ ] fenced", with: "- [x] fenced"),               // inside a fence: no item
            base.replacingOccurrences(of: "- [ ] Beta", with: "- [ ] Beta  ") + "",            // only trailing space: same item text
        ]
        for (index, new) in refused.enumerated() {
            let fast = try derived(base, new)
            if index == refused.count - 1 {
                XCTAssertEqual(fast, try parsed(new), "trailing spaces do not change the item")
            } else {
                XCTAssertNil(fast, "case \(index) must be parsed")
            }
        }
    }
}
