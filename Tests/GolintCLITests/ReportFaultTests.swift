import Foundation
import GolintTestSupport
import XCTest

/// Report files under faults: a killed run, a full disk, a file-size limit, a destination that is
/// a folder. Each ends with nothing new written and nothing left behind — never half a report, or
/// one report new and the other old.
final class ReportFaultTests: CLITestCase {
    private var folder = ""

    override func setUpWithError() throws {
        folder = try temporaryFolder("golint-faults-")
    }

    /// Documents with enough findings that writing the reports takes a while.
    private func repository(documents: Int = 60) throws -> TestRepository {
        let repository = try TestRepository()
        let plan = (0..<300).map { "- [ ] Step \($0) owned by [Owner \($0)] — due 2026-03-01\n" }.joined()
        for index in 0..<documents { try repository.write("docs/TASK_\(index).md", plan) }
        try repository.commit("Plans")
        return repository
    }

    private func leftovers() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(".golint-") }
    }

    private func contents(_ name: String) -> Data? { FileManager.default.contents(atPath: folder + "/" + name) }

    func testADirectoryAmongTheDestinationsWritesNothing() throws {
        let repository = try repository(documents: 1)
        try FileManager.default.createDirectory(atPath: folder + "/b.sarif", withIntermediateDirectories: true)
        let result = try golint(["check", "--output", "json=\(folder)/a.json", "--output", "sarif=\(folder)/b.sarif"], in: repository.path)
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr, "golint: \(folder)/b.sarif: cannot write the report (it is a directory); no report was written\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), ["b.sarif"])
    }

    /// A folder the user may not write to: the run is refused before anything is written, also
    /// the report whose folder is writable. Run as an unprivileged user (`setpriv`), since root
    /// may write anywhere.
    func testAReadOnlyFolderAmongTheDestinationsWritesNothing() throws {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else {
            throw XCTSkip("needs root and setpriv to run golint as another user")
        }
        let repository = try repository(documents: 1)
        let locked = folder + "/locked"
        try FileManager.default.createDirectory(atPath: locked, withIntermediateDirectories: true)
        try "old".write(toFile: folder + "/a.json", atomically: true, encoding: .utf8)
        try "old".write(toFile: locked + "/b.sarif", atomically: true, encoding: .utf8)
        for path in [repository.path, folder] { try TestRepository.run("/bin/chown", ["-R", "65534:65534", path], in: folder) }
        try TestRepository.run("/bin/chmod", ["0555", locked], in: folder)
        let result = try TestRepository.run("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", "--",
                                                                 CLITestCase.binary, "check", "--output", "json=\(folder)/a.json",
                                                                 "--output", "sarif=\(locked)/b.sarif"],
                                            in: repository.path, environment: ["HOME": "/nonexistent"], check: false)
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr, "golint: \(locked)/b.sarif: cannot write the report (\(locked): Permission denied); no report was written\n")
        XCTAssertEqual(contents("a.json"), Data("old".utf8))
        XCTAssertEqual(contents("locked/b.sarif"), Data("old".utf8))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder).sorted(), ["a.json", "locked"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: locked), ["b.sarif"])
        try TestRepository.run("/bin/chmod", ["0755", locked], in: folder)
    }

    /// A file system that refuses new files where `access` says yes (sysfs, to root): one line,
    /// nothing written.
    func testAFolderThatRefusesNewFilesEndsWithOneLine() throws {
        guard getuid() == 0, access("/sys", W_OK) == 0, creat("/sys/golint-probe", 0o644) < 0 else {
            throw XCTSkip("needs a folder that access() calls writable and that refuses new files")
        }
        let repository = try repository(documents: 1)
        try "old".write(toFile: folder + "/a.json", atomically: true, encoding: .utf8)
        let result = try golint(["check", "--output", "json=\(folder)/a.json", "--output", "sarif=/sys/b.sarif"], in: repository.path)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.hasPrefix("golint: /sys/b.sarif: cannot write the report ("), result.stderr)
        XCTAssertTrue(result.stderr.hasSuffix("); no report was written\n"), result.stderr)
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1)
        XCTAssertEqual(contents("a.json"), Data("old".utf8))
        XCTAssertEqual(try leftovers(), [])
    }

    func testAFileSizeLimitAndAFullDiskEndWithOneLineAndNothingWritten() throws {
        let repository = try repository(documents: 2)
        try "old".write(toFile: folder + "/a.json", atomically: true, encoding: .utf8)
        let limited = try TestRepository.run("/bin/sh", ["-c", "ulimit -f 64; exec \"$0\" check --now 2026-03-06T12:00:00Z --output json=\"$1\"/a.json --output sarif=\"$1\"/b.sarif",
                                                         CLITestCase.binary, folder], in: repository.path, check: false)
        XCTAssertEqual(limited.status, 2)
        XCTAssertTrue(limited.stderr.hasSuffix(": cannot write the report (File too large); no report was written\n"), limited.stderr)
        XCTAssertEqual(limited.stderr.split(separator: "\n").count, 1)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), ["a.json"])
        XCTAssertEqual(contents("a.json"), Data("old".utf8), "the previous report stays")

        let full = try TestRepository.run("/bin/sh", ["-c", "exec \"$0\" check --now 2026-03-06T12:00:00Z --format json > /dev/full", CLITestCase.binary],
                                          in: repository.path, check: false)
        XCTAssertEqual(full.status, 2)
        XCTAssertEqual(full.stderr, "golint: cannot write standard output: No space left on device\n")
    }

    /// `kill -9` at 40 moments spread over a run that replaces two reports: afterwards both are
    /// the old ones or both the new ones, and no temporary file is left.
    func testKilledAtAnyMomentLeavesOldOrNewReportsAndNoTemporaryFile() throws {
        let repository = try repository(documents: 10)
        let points = 40
        let arguments = ["check", "--output", "json=\(folder)/a.json", "--output", "sarif=\(folder)/b.sarif"]
        XCTAssertEqual(try golint(arguments + ["--now", "2026-02-01T00:00:00Z"], in: repository.path).status, 1)
        let old = (contents("a.json"), contents("b.sarif"))
        let start = Date()
        XCTAssertEqual(try golint(arguments + ["--now", "2026-03-06T12:00:00Z"], in: repository.path).status, 1)
        let new = (contents("a.json"), contents("b.sarif"))
        let duration = Date().timeIntervalSince(start)
        XCTAssertNotEqual(old.0, new.0)
        var outcomes: [String: Int] = [:]
        for point in 0..<points {
            try old.0!.write(to: URL(fileURLWithPath: folder + "/a.json"))
            try old.1!.write(to: URL(fileURLWithPath: folder + "/b.sarif"))
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CLITestCase.binary)
            process.arguments = arguments + ["--now", "2026-03-06T12:00:00Z"]
            process.currentDirectoryURL = URL(fileURLWithPath: repository.path)
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(useconds_t(duration * 1.1 * Double(point) / Double(points) * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = (contents("a.json"), contents("b.sarif"))
            let state = now == old ? "old" : now == new ? "new" : "mixed"
            outcomes[state, default: 0] += 1
            XCTAssertNotEqual(state, "mixed", "killed at point \(point)")
            XCTAssertEqual(try leftovers(), [], "killed at point \(point)")
        }
        XCTAssertGreaterThan(outcomes["old"] ?? 0, 0, "\(outcomes)")
    }

    func testSIGTERMLeavesNothingBehind() throws {
        let repository = try repository()
        for delay in [20_000, 80_000, 150_000] as [useconds_t] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CLITestCase.binary)
            process.arguments = ["check", "--output", "json=\(folder)/a.json", "--output", "sarif=\(folder)/b.sarif"]
            process.currentDirectoryURL = URL(fileURLWithPath: repository.path)
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            usleep(delay)
            process.terminate()
            process.waitUntilExit()
            XCTAssertEqual(try leftovers(), [])
            try? FileManager.default.removeItem(atPath: folder + "/a.json")
            try? FileManager.default.removeItem(atPath: folder + "/b.sarif")
        }
    }
}
