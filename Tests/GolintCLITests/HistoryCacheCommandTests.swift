import Foundation
import GolintTestSupport
import XCTest

/// `history` and `report` with the cache, as a CI job runs them push after push.
final class HistoryCacheCommandTests: CLITestCase {
    private let now = ["--now", "2026-03-06T12:00:00+01:00"]

    func testWarmRunsAreByteIdenticalToColdOnes() throws {
        let repository = try demoRepository()
        let cache = try temporaryFolder("golint-xdg-")
        let environment = ["XDG_CACHE_HOME": cache]
        let output = try temporaryFolder("golint-reports-")
        let cold = try golint(["history", "--format", "json", "--no-cache"], in: repository.path, environment: environment)
        let coldReport = try golint(["report"] + now + ["--no-cache", "--output", output + "/cold.html"], in: repository.path, environment: environment)
        XCTAssertEqual(cold.status, 0, cold.stderr)
        XCTAssertEqual(coldReport.status, 0, coldReport.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: cache + "/golint"), "--no-cache writes nothing")

        for run in ["first", "warm"] {
            let history = try golint(["history", "--format", "json"], in: repository.path, environment: environment)
            XCTAssertEqual(history.stdout, cold.stdout, run)
            XCTAssertEqual(history.stderr, "", run)
            XCTAssertEqual(try golint(["report"] + now + ["--output", output + "/\(run).html"], in: repository.path, environment: environment).status, 0)
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: output + "/\(run).html")),
                           try Data(contentsOf: URL(fileURLWithPath: output + "/cold.html")), run)
        }
        let trails = try FileManager.default.contentsOfDirectory(atPath: cache + "/golint/history")
        XCTAssertEqual(trails.count, 1, "history and report of one context share a trail: \(trails)")
        XCTAssertTrue(trails[0].hasSuffix(".trail"))

        // A new commit on top: the warm run gives what a cold one gives.
        try repository.write("docs/TASK_RELEASE.md", "# Release\n\n- [x] Tag cut\n- [ ] Notes for [Kunde]\n")
        try repository.commit("Release task", author: "Rita Release")
        XCTAssertEqual(try golint(["history", "--format", "json"], in: repository.path, environment: environment).stdout,
                       try golint(["history", "--format", "json", "--no-cache"], in: repository.path, environment: environment).stdout)
    }

    /// Four runs at once on one empty cache: each prints the whole history, and the trail they leave
    /// is one whole file that a fifth run reads.
    func testConcurrentRunsShareOneCache() throws {
        let repository = try demoRepository()
        let cache = try temporaryFolder("golint-xdg-")
        let environment = ["XDG_CACHE_HOME": cache]
        let expected = try golint(["history", "--format", "csv", "--no-cache"], in: repository.path, environment: environment).stdout
        // Started together, each writing its output to a file of its own.
        let outputs = try temporaryFolder("golint-outputs-")
        let runs = try (0..<4).map { index -> Process in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CLITestCase.binary)
            process.arguments = ["history", "--format", "csv", "--repo", repository.path]
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
            XCTAssertTrue(FileManager.default.createFile(atPath: outputs + "/\(index).csv", contents: nil))
            process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outputs + "/\(index).csv"))
            process.standardError = FileHandle.nullDevice
            try process.run()
            return process
        }
        for (index, process) in runs.enumerated() {
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 0)
            XCTAssertEqual(try String(contentsOfFile: outputs + "/\(index).csv", encoding: .utf8), expected)
        }
        let folder = cache + "/golint/history"
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
        XCTAssertEqual(names.count, 1, "one trail, no temporary files: \(names)")
        let trail = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + names[0]))
        XCTAssertEqual(try golint(["history", "--format", "csv"], in: repository.path, environment: environment).stdout, expected)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: folder + "/" + names[0])), trail, "a warm run that adds nothing leaves the trail as it was")
    }

    func testCachePathAndClear() throws {
        let repository = try demoRepository()
        let cache = try temporaryFolder("golint-xdg-")
        let environment = ["XDG_CACHE_HOME": cache]
        XCTAssertEqual(try golint(["cache", "path"], in: repository.path, environment: environment).stdout, cache + "/golint\n")
        XCTAssertEqual(try golint(["cache", "path"], in: repository.path, environment: ["XDG_CACHE_HOME": "", "HOME": "/home/rita"]).stdout,
                       "/home/rita/.cache/golint\n")
        try golint(["history"], in: repository.path, environment: environment)
        try golint(["history", "--first-parent"], in: repository.path, environment: environment)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: cache + "/golint/history").count, 2)
        let cleared = try golint(["cache", "clear"], in: repository.path, environment: environment)
        XCTAssertEqual(cleared.status, 0)
        XCTAssertEqual(cleared.stderr, "golint: removed 2 cached trails from \(cache)/golint\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: cache + "/golint/history"), [])
        XCTAssertEqual(try golint(["cache", "clear", "--quiet"], in: repository.path, environment: environment).stderr, "")
    }

    /// The cache is the user's, never the repository's: one pointed inside it is not used.
    func testACacheInsideTheRepositoryIsLeftAlone() throws {
        let repository = try demoRepository()
        let result = try golint(["history"], in: repository.path, environment: ["XDG_CACHE_HOME": repository.path + "/.cache"])
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.stderr, "golint: note: history cache not used: \(repository.path)/.cache/golint is inside the repository\n")
        XCTAssertEqual(try repository.git(["status", "--porcelain", "--ignored"]), "")
    }
}
