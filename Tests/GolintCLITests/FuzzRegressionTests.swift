import Foundation
import GolintTestSupport
import XCTest

/// Inputs the fuzzer kept (Fuzz/corpus) and any that once crashed (Fuzz/regressions) replay
/// through the fuzz entry point: the process must finish normally.
final class FuzzRegressionTests: CLITestCase {
    func testCorpusAndRegressionsReplayWithoutCrashing() throws {
        let replay = URL(fileURLWithPath: CLITestCase.binary).deletingLastPathComponent().appendingPathComponent("golint-fuzz").path
        let root = CLITestCase.packageRoot + "/Fuzz"
        let result = try TestRepository.run(replay, [root + "/corpus", root + "/regressions"], in: root, check: false, timeout: 300)
        XCTAssertEqual(result.status, 0, result.stderr)
        let count = Int(result.stdout.split(separator: " ").dropFirst().first ?? "") ?? 0
        XCTAssertGreaterThanOrEqual(count, 6, result.stdout)
    }
}
