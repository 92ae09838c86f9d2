import Foundation
import GolintTestSupport
import XCTest

/// Bad input of every kind: each case ends in a finding or in exit 2 with one line naming the file
/// or argument — never a crash, never a hang (every run has a watchdog).
final class HostileInputTests: CLITestCase {
    private let now = "--now=2026-03-06T12:00:00Z"
    /// Repositories live until the test ends (a repository deletes its folder when released).
    private var retained: [TestRepository] = []

    override func tearDown() {
        retained.removeAll()
        super.tearDown()
    }

    /// One committed document; returns the repository.
    private func repository(_ path: String = "TASK_X.md", bytes: [UInt8]) throws -> TestRepository {
        let repository = try TestRepository()
        retained.append(repository)
        try repository.write(path, bytes: bytes)
        try repository.commit("add")
        return repository
    }

    private func findingsOf(_ arguments: [String], in directory: String, file: StaticString = #filePath, line: UInt = #line)
        throws -> (status: Int32, findings: [[String: Any]]) {
        let result = try golint(arguments + ["--format", "json", now], in: directory)
        XCTAssertNotEqual(result.status, 2, result.stderr, file: file, line: line)
        XCTAssertEqual(result.stderr, "", file: file, line: line)
        return (result.status, try findings(result))
    }

    private func rulesAndMessages(_ findings: [[String: Any]]) -> [String] {
        findings.map { "\($0["rule"] as? String ?? "") \($0["line"] as? Int ?? 0):\($0["column"] as? Int ?? 0) \($0["message"] as? String ?? "")" }
    }

    /// Exit 2 with exactly one line on stderr, nothing on stdout.
    private func assertCouldNotRun(_ arguments: [String], in directory: String, says expected: String,
                                   file: StaticString = #filePath, line: UInt = #line) throws {
        let result = try golint(arguments, in: directory)
        XCTAssertEqual(result.status, 2, result.stdout, file: file, line: line)
        XCTAssertEqual(result.stdout, "", file: file, line: line)
        XCTAssertEqual(result.stderr.split(separator: "\n", omittingEmptySubsequences: false).count, 2, result.stderr, file: file, line: line)
        XCTAssertTrue(result.stderr.contains(expected), "\(result.stderr) should say \(expected)", file: file, line: line)
    }

    // MARK: Encodings and bytes

    func testInvalidUTF8() throws {
        let repository = try self.repository(bytes: Array("# Plan\nGr".utf8) + [0xFC, 0xDF] + Array("e: [Owner]\n".utf8))
        let result = try findingsOf(["check"], in: repository.path)
        XCTAssertEqual(rulesAndMessages(result.findings), [
            "encoding 2:3 invalid UTF-8 (byte 3 of the line); bytes were replaced by U+FFFD",
            "placeholder 2:8 placeholder '[Owner]' is not replaced",
        ])
    }

    func testUTF16WithByteOrderMark() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "Owner: [Team-Lead]\n".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let result = try findingsOf(["check"], in: try repository(bytes: bytes).path)
        XCTAssertEqual(rulesAndMessages(result.findings), [
            "encoding 1:1 document is UTF-16; GitHub and git diff expect UTF-8",
            "placeholder 1:8 placeholder '[Team-Lead]' is not replaced",
        ])
    }

    func testUTF8ByteOrderMark() throws {
        let result = try findingsOf(["check"], in: try repository(bytes: [0xEF, 0xBB, 0xBF] + Array("Owner: TBD\n".utf8)).path)
        XCTAssertEqual(rulesAndMessages(result.findings), ["placeholder 1:8 placeholder 'TBD' is not replaced"])
    }

    func testCRLFLineEnds() throws {
        let result = try findingsOf(["check"], in: try repository(bytes: Array("# T\r\n\r\nDeadline: 2026-03-01\r\n\r\n- [ ] a\r\n- [ ] TBD\r\n".utf8)).path)
        XCTAssertEqual(rulesAndMessages(result.findings).map { String($0.prefix(20)) }, ["overdue-item 5:1 'a'", "overdue-item 6:1 'TB", "placeholder 6:7 plac"])
    }

    func testCROnlyLineEnds() throws {
        let result = try findingsOf(["check"], in: try repository(bytes: Array("# T\r\rDeadline: 2026-03-01\r\r- [ ] a\r- [x] b\r".utf8)).path)
        XCTAssertEqual(rulesAndMessages(result.findings), ["overdue-item 5:1 'a' is not done and its deadline 2026-03-01T23:59:59Z (document deadline on line 3) has passed"])
    }

    func testNULBytes() throws {
        let result = try findingsOf(["check"], in: try repository(bytes: Array("- [ ] TBD\n".utf8) + [0, 0] + Array("[Owner]\n".utf8)).path)
        XCTAssertEqual(rulesAndMessages(result.findings), ["encoding 1:1 binary file matches a document glob; not checked"])
    }

    func testBinaryFileMatchingADocumentGlob() throws {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52] + Array(repeating: 0xFF, count: 64)
        let result = try findingsOf(["check"], in: try repository("docs/TASK_DIAGRAM.md", bytes: png).path)
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(rulesAndMessages(result.findings), ["encoding 1:1 binary file matches a document glob; not checked"])
    }

    func testMojibake() throws {
        let result = try findingsOf(["check"], in: try repository(bytes: Array("# Plan â€\u{201C} Koordination für alle\n".utf8)).path)
        XCTAssertEqual(rulesAndMessages(result.findings), ["encoding 1:8 UTF-8 was read as Windows-1252 and encoded again: 'â€“' should be '–'"])
    }

    func testEmptyFile() throws {
        let result = try golint(["check", "--format", "json", now], in: try repository(bytes: []).path)
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual((try json(result)["summary"] as? [String: Int])?["documents"], 1)
        XCTAssertEqual(try findings(result).count, 0)
    }

    func testGitLFSPointer() throws {
        let pointer = "version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n"
        let result = try findingsOf(["check"], in: try repository(bytes: Array(pointer.utf8)).path)
        XCTAssertEqual(rulesAndMessages(result.findings), ["encoding 1:1 Git LFS pointer: the document is stored outside the repository; not checked"])
    }

    // MARK: Size and shape

    func testHundredMegabyteDocument() throws {
        let repository = try TestRepository()
        let line = Array("- [ ] TBD filler line of a huge document\n".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(100 << 20)
        while bytes.count < 100 << 20 { bytes += line }
        try repository.write("TASK_HUGE.md", bytes: bytes)
        try repository.write("TASK_SMALL.md", "Owner: TBD\n")
        try repository.commit("huge")
        for source in [["--worktree"], ["--rev", "HEAD"], ["--staged"]] {
            let result = try findingsOf(["check"] + source, in: repository.path)
            XCTAssertEqual(rulesAndMessages(result.findings), [
                "document-too-large 1:1 document is \(bytes.count) bytes, over max-document-size (10 MiB); not checked",
                "placeholder 1:8 placeholder 'TBD' is not replaced",
            ], "\(source)")
            XCTAssertEqual(try golint(["check"] + source, in: repository.path).status, 1, "a plan over the limit fails the run")
        }
        // Lowered in severity, it no longer fails the run.
        try repository.write(".golint.yml", "rules:\n  document-too-large: warning\n  placeholder: 'off'\n")
        XCTAssertEqual(try golint(["check", "--worktree"], in: repository.path).status, 0)
    }

    func testMaxDocumentSizeMovesTheLimit() throws {
        let repository = try self.repository(bytes: Array(String(repeating: "- [ ] Runbook step\n", count: 100).utf8))
        try repository.write(".golint.yml", "max-document-size: 1KiB\n")
        XCTAssertEqual(rulesAndMessages(try findingsOf(["check", "--worktree"], in: repository.path).findings),
                       ["document-too-large 1:1 document is 1900 bytes, over max-document-size (1 KiB); not checked"])
        try repository.write(".golint.yml", "max-document-size: 2 KB\n")
        XCTAssertEqual(rulesAndMessages(try findingsOf(["check", "--worktree"], in: repository.path).findings), [])
        try repository.write(".golint.yml", "max-document-size: lots\n")
        let refused = try golint(["check", "--worktree"], in: repository.path)
        XCTAssertEqual(refused.status, 2)
        XCTAssertEqual(refused.stderr, "golint: .golint.yml:1: max-document-size is a size such as 20MiB, 500KB or 2000000, not 'lots'\n")
    }

    func testHundredThousandTaskItems() throws {
        let items = (0..<100_000).map { "- [\($0 % 3 == 0 ? "x" : " ")] step \($0)\n" }.joined()
        let repository = try self.repository(bytes: Array(("Deadline: 2026-03-01\n\n" + items).utf8))
        let result = try golint(["check", "--format", "json", now], in: repository.path)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(try json(result)["summary"] as? [String: Int],
                       ["documents": 1, "items": 100_000, "checked": 33_334, "errors": 66_666, "warnings": 0])
    }

    func testListsNestedThousandDeep() throws {
        let nested = (0..<1000).map { String(repeating: "  ", count: $0) + "- [ ] level \($0)\n" }.joined()
        let result = try golint(["check", "--format", "json", now], in: try repository(bytes: Array(nested.utf8)).path)
        XCTAssertEqual(result.status, 0, result.stderr)
        let summary = try XCTUnwrap(try json(result)["summary"] as? [String: Int])
        // CommonMark turns deep indentation into code once it reaches four spaces past the parent's content:
        // whatever cmark-gfm decides, golint reports on it without crashing.
        XCTAssertGreaterThan(summary["items"] ?? 0, 0)
    }

    func testOneMegabyteSingleLine() throws {
        let line = String(repeating: "TBD and [Owner] by 2026-03-05, ", count: 34_000)
        XCTAssertGreaterThan(line.utf8.count, 1 << 20)
        let result = try golint(["check", "--format", "json", now], in: try repository(bytes: Array((line + "\n").utf8)).path)
        XCTAssertEqual(result.status, 1)
        let found = try findings(result)
        XCTAssertEqual(found.count, 68_000)
        XCTAssertEqual(found.last?["column"] as? Int, 33_999 * 31 + 9)
    }

    // MARK: Tree entries and paths

    func testSymlinkInTheTreeIsNotFollowed() throws {
        let repository = try TestRepository()
        try repository.write("real/TASK_A.md", "Owner: TBD\n")
        try FileManager.default.createSymbolicLink(atPath: repository.path + "/TASK_LINK.md", withDestinationPath: "/etc/passwd")
        try repository.commit("link")
        for source in [["--worktree"], ["--rev", "HEAD"], ["--staged"]] {
            let result = try golint(["check", "--format", "json", now] + source, in: repository.path)
            XCTAssertEqual(try findings(result).compactMap { $0["path"] as? String }, ["real/TASK_A.md"], "\(source)")
            XCTAssertEqual((try json(result)["summary"] as? [String: Int])?["documents"], 1)
        }
    }

    func testSubmoduleEntry() throws {
        let inner = try TestRepository()
        try inner.write("TASK_INNER.md", "Owner: TBD\n")
        try inner.commit("inner")
        let outer = try TestRepository()
        try outer.write("TASK_OUTER.md", "Owner: [Team-Lead]\n")
        try outer.git(["-c", "protocol.file.allow=always", "submodule", "-q", "add", inner.path, "TASK_SUBMODULE.md"])
        try outer.commit("with submodule")
        for source in [["--worktree"], ["--rev", "HEAD"], ["--staged"]] {
            let result = try findingsOf(["check"] + source, in: outer.path)
            XCTAssertEqual(result.findings.compactMap { $0["path"] as? String }, ["TASK_OUTER.md"], "\(source)")
        }
    }

    func testNonASCIIAndSpaceLadenPaths() throws {
        let repository = try self.repository("docs/Übergabe Plan/TASK_ä.md", bytes: Array("Owner: TBD\n".utf8))
        for source in [["--worktree"], ["--rev", "HEAD"], ["--staged"]] {
            let result = try findingsOf(["check"] + source, in: repository.path)
            XCTAssertEqual(result.findings.compactMap { $0["path"] as? String }, ["docs/Übergabe Plan/TASK_ä.md"], "\(source)")
        }
        let narrowed = try findingsOf(["check", "Übergabe Plan"], in: repository.path + "/docs")
        XCTAssertEqual(narrowed.findings.count, 1)
        let sarif = try golint(["check", "--format", "sarif", now], in: repository.path).stdout
        XCTAssertTrue(sarif.contains("\"uri\": \"docs/%C3%9Cbergabe%20Plan/TASK_%C3%A4.md\""), sarif)
    }

    func testSpecialFileIsNeverReadAndNeverBlocks() throws {
        let repository = try TestRepository()
        try repository.write("TASK_A.md", "Owner: TBD\n")
        XCTAssertEqual(mkfifo(repository.path + "/TASK_FIFO.md", 0o644), 0)
        let result = try golint(["check", "--worktree", "--format", "json", now], in: repository.path)
        XCTAssertEqual(try findings(result).compactMap { $0["path"] as? String }, ["TASK_A.md"])
    }

    func testUnreadableFileIsAFindingAndTheRunGoesOn() throws {
        let repository = try TestRepository()
        try repository.write("TASK_A.md", "Owner: TBD\n")
        try repository.write("TASK_LOCKED.md", "secret\n")
        chmod(repository.path + "/TASK_LOCKED.md", 0o000)
        let nobody: [String]
        if getuid() == 0 {
            // root reads everything: give the repository to nobody and run golint as nobody, who owns
            // the locked file but has no permission on it.
            guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else { throw XCTSkip("needs setpriv to drop root") }
            try TestRepository.run("/bin/chown", ["-R", "65534:65534", repository.path], in: "/")
            // libgit2 reads $HOME/.gitconfig: give nobody a home it may look into.
            nobody = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "/usr/bin/env", "HOME=/nonexistent",
                      CLITestCase.binary]
        } else {
            nobody = [CLITestCase.binary]
        }
        let result = try TestRepository.run(nobody[0], Array(nobody.dropFirst()) + ["check", "--worktree", "--format", "json", now],
                                            in: repository.path, check: false)
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertEqual(rulesAndMessages(try findings(result)), [
            "placeholder 1:8 placeholder 'TBD' is not replaced",
            "encoding 1:1 cannot be read (Permission denied); not checked",
        ])
    }

    // MARK: Configuration

    private func configured(_ yaml: String, extra: [String: String] = [:]) throws -> TestRepository {
        let repository = try TestRepository()
        retained.append(repository)
        try repository.write("TASK_A.md", "Owner: " + String(repeating: "a", count: 5000) + "!\n")
        try repository.write(".golint.yml", yaml)
        for (path, text) in extra { try repository.write(path, text) }
        try repository.commit("config")
        return repository
    }

    func testBrokenYAML() throws {
        try assertCouldNotRun(["check"], in: try configured("rules:\n  placeholder: [error\n").path, says: ".golint.yml:3: invalid YAML")
    }

    func testUnknownRuleID() throws {
        try assertCouldNotRun(["check"], in: try configured("rules:\n  todo: off\n").path, says: ".golint.yml:2: unknown rule id 'todo'")
    }

    func testUnknownKey() throws {
        try assertCouldNotRun(["check"], in: try configured("version: 1\nincludes: ['*.md']\n").path, says: ".golint.yml:2: unknown key 'includes'")
    }

    func testConfigurationThatIsADirectory() throws {
        let repository = try TestRepository()
        try repository.write("TASK_A.md", "ok\n")
        try repository.write(".golint.yml/inner.txt", "x\n")
        try repository.commit("dir")
        try assertCouldNotRun(["check"], in: repository.path, says: ".golint.yml: is not a file in HEAD")
        try assertCouldNotRun(["check", "--worktree"], in: repository.path, says: ".golint.yml: is a directory, not a file")
        try assertCouldNotRun(["check", "--config", repository.path + "/.golint.yml"], in: repository.path, says: "is a directory, not a file")
    }

    func testPatternThatIsNotARegularExpression() throws {
        try assertCouldNotRun(["check"], in: try configured("placeholder:\n  patterns: ['[unclosed']\n").path,
                              says: ".golint.yml:2: invalid regular expression '[unclosed'")
    }

    func testCatastrophicBacktrackingPatternInARulePackIsBounded() throws {
        let repository = try configured("packs: [rules/company.yml]\n",
                                        extra: ["rules/company.yml": "placeholder:\n  patterns: ['(a+)+$']\n"])
        let started = Date()
        try assertCouldNotRun(["check"], in: repository.path, says: "TASK_A.md: pattern '(a+)+$': exceeded its match budget")
        // Not a timing test of speed: the bound is what keeps this from running for years.
        XCTAssertLessThan(Date().timeIntervalSince(started), 60)
    }

    // MARK: Revisions and repositories

    func testUnknownRevision() throws {
        try assertCouldNotRun(["check", "--rev", "v9.9.9"], in: try repository(bytes: Array("x\n".utf8)).path, says: "unknown revision 'v9.9.9'")
    }

    func testTags() throws {
        let repository = try self.repository(bytes: Array("Owner: TBD\n".utf8))
        try repository.git(["tag", "light"])
        try repository.git(["tag", "-a", "-m", "release", "v1.0"])
        try repository.write("TASK_X.md", "Owner: Dana\n")
        try repository.commit("fill")
        for tag in ["light", "v1.0"] {
            XCTAssertEqual(try findingsOf(["check", "--rev", tag], in: repository.path).findings.count, 1, tag)
        }
    }

    func testTreeish() throws {
        let repository = try self.repository("docs/TASK_X.md", bytes: Array("Owner: TBD\n".utf8))
        let result = try findingsOf(["check", "--rev", "HEAD:docs"], in: repository.path)
        XCTAssertEqual(result.findings.compactMap { $0["path"] as? String }, ["TASK_X.md"])
    }

    func testDetachedHead() throws {
        let repository = try self.repository(bytes: Array("Owner: TBD\n".utf8))
        try repository.write("TASK_X.md", "Owner: Dana\n")
        try repository.commit("fill")
        try repository.git(["checkout", "-q", "--detach", "HEAD~1"])
        XCTAssertEqual(try findingsOf(["check"], in: repository.path).findings.count, 1)
        XCTAssertEqual(try golint(["history", "--format", "json"], in: repository.path).status, 0)
    }

    func testUnbornHead() throws {
        let repository = try TestRepository()
        try repository.write("TASK_X.md", "Owner: TBD\n")
        try repository.git(["add", "-A"])
        try assertCouldNotRun(["check"], in: repository.path, says: "HEAD has no commit yet")
        // Commands without --staged do not suggest it.
        for command in [["history"], ["report", "--output", "report.html"], ["blame", "TASK_X.md"]] {
            try assertCouldNotRun(command, in: repository.path, says: "HEAD has no commit yet: there is no history to read")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: repository.path + "/report.html"))
        XCTAssertEqual(try findingsOf(["check", "--staged"], in: repository.path).findings.count, 1)
    }

    func testBareRepository() throws {
        let origin = try self.repository(bytes: Array("Owner: TBD\n".utf8))
        let bare = TestRepository(existing: NSTemporaryDirectory() + "golint-bare-" + UUID().uuidString)
        try TestRepository.run("/usr/bin/env", ["git", "clone", "-q", "--bare", origin.path, bare.path], in: NSTemporaryDirectory())
        XCTAssertEqual(try findingsOf(["check"], in: bare.path).findings.count, 1)
        XCTAssertEqual(try golint(["history"], in: bare.path).status, 0)
        try assertCouldNotRun(["check", "--worktree"], in: bare.path, says: "a bare repository has no working tree")
        try assertCouldNotRun(["check", "--staged"], in: bare.path, says: "a bare repository has no index")
    }

    func testShallowClone() throws {
        let origin = try self.repository(bytes: Array("Owner: TBD\n".utf8))
        for index in 1...3 {
            try origin.write("TASK_X.md", "Owner: TBD \(index)\n")
            try origin.commit("step \(index)")
        }
        let clone = TestRepository(existing: NSTemporaryDirectory() + "golint-shallow-" + UUID().uuidString)
        try TestRepository.run("/usr/bin/env", ["git", "clone", "-q", "--depth", "1", "file://" + origin.path, clone.path], in: NSTemporaryDirectory())
        XCTAssertEqual(try findingsOf(["check"], in: clone.path).findings.count, 1)
        let history = try golint(["history", "--format", "json"], in: clone.path)
        XCTAssertEqual(history.status, 0)
        XCTAssertTrue(history.stderr.contains("shallow clone"))
    }

    func testLinkedWorktree() throws {
        let repository = try self.repository(bytes: Array("Owner: TBD\n".utf8))
        let linked = TestRepository(existing: NSTemporaryDirectory() + "golint-linked-" + UUID().uuidString)
        try repository.git(["worktree", "add", "-q", "-b", "side", linked.path])
        try linked.write("TASK_X.md", "Owner: [Side-Owner]\n")
        try linked.git(["add", "-A"])
        let staged = try findingsOf(["check", "--staged"], in: linked.path)
        XCTAssertEqual(staged.findings.compactMap { $0["excerpt"] as? String }, ["[Side-Owner]"])
        XCTAssertEqual(try findingsOf(["check"], in: linked.path).findings.compactMap { $0["excerpt"] as? String }, ["TBD"])
        XCTAssertEqual(try golint(["install-hook"], in: linked.path).status, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: repository.path + "/.git/hooks/pre-commit"), "hooks live in the common directory")
    }

    func testCorruptObject() throws {
        let repository = try self.repository(bytes: Array("Owner: TBD\n".utf8))
        let blob = try repository.git(["rev-parse", "HEAD:TASK_X.md"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let object = repository.path + "/.git/objects/" + blob.prefix(2) + "/" + blob.dropFirst(2)
        chmod(object, 0o644)
        try Data("this is not a zlib stream".utf8).write(to: URL(fileURLWithPath: object))
        let result = try golint(["check"], in: repository.path)
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr)
        XCTAssertTrue(result.stderr.hasPrefix("golint: "), result.stderr)
    }

    func testPathThatIsNotARepository() throws {
        let directory = NSTemporaryDirectory() + "golint-plain-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try assertCouldNotRun(["check", "--repo", directory], in: "/", says: "not a git repository: \(directory)")
        try assertCouldNotRun(["check", "--repo", "/nonexistent/path"], in: "/", says: "not a git repository")
    }

    // MARK: Arguments and dates

    func testNowThatIsNotADate() throws {
        let repository = try self.repository(bytes: Array("x\n".utf8))
        for value in ["yesterday", "2026-13-01", "2026-02-30T10:00Z", ""] {
            try assertCouldNotRun(["check", "--now", value], in: repository.path, says: "--now")
        }
    }

    func testImpossibleDates() throws {
        let repository = try self.repository(bytes: Array("Deadline: 2026-02-30\n\nFrist: 31.04.2026\n\n- [ ] a (bis 2026-02-29)\n".utf8))
        let result = try findingsOf(["check"], in: repository.path)
        XCTAssertEqual(rulesAndMessages(result.findings), [
            "unparsable-deadline 1:11 deadline '2026-02-30' is not a calendar date",
            "unparsable-deadline 3:8 deadline '31.04.2026' is not a calendar date",
            "unparsable-deadline 5:14 deadline '2026-02-29' is not a calendar date",
        ])
    }
}
