import Foundation
import GolintTestSupport
import XCTest

/// Every format of `check` on the two seeds at one moment, pinned in `Tests/Fixtures/formats/`
/// (the commit and the repository's folder replaced by placeholders). GOLINT_UPDATE_GOLDEN=1
/// rewrites them; read the diff before committing.
final class FormatGoldenTests: CLITestCase {
    func testEveryCheckFormatOnTheSeeds() throws {
        let repository = try seededRepository()
        try repository.commit("seeds")
        let commit = try repository.git(["rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let root = URL(fileURLWithPath: repository.path).resolvingSymlinksInPath().path
        for (format, file) in [("text", "seeds.txt"), ("json", "seeds.json"), ("sarif", "seeds.sarif"), ("github", "seeds.github.txt"),
                               ("junit", "seeds.junit.xml"), ("codequality", "seeds.codequality.json"), ("markdown", "seeds.md")] {
            let result = try golint(["check", "--now", "2026-03-06T12:00:00+01:00", "--format", format], in: repository.path)
            XCTAssertEqual(result.status, 1, result.stderr)
            let output = result.stdout.replacingOccurrences(of: commit, with: "<commit>").replacingOccurrences(of: String(commit.prefix(7)), with: "<short>")
                .replacingOccurrences(of: "file://" + root + "/", with: "file:///<repository>/")
            let path = Fixtures.directory + "/formats/" + file
            if ProcessInfo.processInfo.environment["GOLINT_UPDATE_GOLDEN"] == "1" {
                try output.write(toFile: path, atomically: true, encoding: .utf8)
            }
            XCTAssertEqual(output, try String(contentsOfFile: path, encoding: .utf8), "check --format \(format); GOLINT_UPDATE_GOLDEN=1 rewrites it")
        }
    }
}
