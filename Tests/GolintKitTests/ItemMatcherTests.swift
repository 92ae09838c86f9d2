@testable import GolintKit
import XCTest

/// Identical items pair in order, a duplicate with its first free copy; the matcher takes a
/// shortcut over the unchanged start of the list, which must not change a single pairing.
final class ItemMatcherTests: XCTestCase {
    /// The pairing of identical texts as the rule states it, one new item after the other.
    private func identicalPairs(old: [String], new: [String]) -> [Int?] {
        var taken = Set<Int>()
        return new.map { text in
            guard let index = old.indices.first(where: { old[$0] == text && !taken.contains($0) }) else { return nil }
            taken.insert(index)
            return index
        }
    }

    func testIdenticalItemsPairAsTheRuleStatesOnRandomEdits() {
        var generator = SystemRandomNumberGenerator()
        let words = ["Backup", "Backup", "DNS", "Rollback", "Runbook", "Alerts"]
        for _ in 0..<2_000 {
            // Few distinct texts, so that duplicates are common.
            let old = (0..<Int.random(in: 0...12, using: &generator)).map { _ in words.randomElement(using: &generator)! }
            var new = old
            for _ in 0..<Int.random(in: 0...3, using: &generator) {
                switch Int.random(in: 0...2, using: &generator) {
                case 0 where !new.isEmpty: new.remove(at: Int.random(in: 0..<new.count, using: &generator))
                case 1: new.insert(words.randomElement(using: &generator)!, at: Int.random(in: 0...new.count, using: &generator))
                default: if !new.isEmpty { new[Int.random(in: 0..<new.count, using: &generator)] = words.randomElement(using: &generator)! }
                }
            }
            // A threshold above 1 leaves only the identical pairs.
            XCTAssertEqual(ItemMatcher.match(old: old, new: new, threshold: 2), identicalPairs(old: old, new: new), "\(old) → \(new)")
        }
    }

    func testAnEditedItemKeepsItsIdentity() {
        XCTAssertEqual(ItemMatcher.match(old: ["A", "Rollback geprobt", "C"], new: ["A", "Rollback geprobt (Staging)", "C"]), [0, 1, 2])
        XCTAssertEqual(ItemMatcher.match(old: ["A", "A", "B"], new: ["B", "A"]), [2, 0])
    }
}
