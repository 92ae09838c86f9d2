import Foundation
import GolintTestSupport
import XCTest

/// golint finds the repository, index and objects exactly as git does: git's environment, linked
/// worktrees, safe.directory; and every layout it cannot read stops it with one line naming the
/// cause and the file or object.
final class GitSetupTests: CLITestCase {
    private var retained: [TestRepository] = []

    override func tearDown() {
        retained.removeAll()
        super.tearDown()
    }

    private func repository(_ files: [String: String]) throws -> TestRepository {
        let repository = try TestRepository()
        retained.append(repository)
        for (path, text) in files { try repository.write(path, text) }
        try repository.commit("start")
        return repository
    }

    private func temporaryDirectory(_ name: String) throws -> String {
        let path = NSTemporaryDirectory() + "golint-\(name)-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        retained.append(TestRepository(existing: path))
        return path
    }

    private func excerpts(_ output: TestRepository.Output, file: StaticString = #filePath, line: UInt = #line) throws -> [String] {
        XCTAssertNotEqual(output.status, 2, output.stderr, file: file, line: line)
        return try findings(output).compactMap { $0["excerpt"] as? String }
    }

    /// Exit 2, nothing on stdout, one line on stderr that contains every expected part.
    private func assertCouldNotRun(_ output: TestRepository.Output, says expected: [String], file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(output.status, 2, output.stdout + output.stderr, file: file, line: line)
        XCTAssertEqual(output.stdout, "", file: file, line: line)
        XCTAssertEqual(output.stderr.split(separator: "\n").count, 1, output.stderr, file: file, line: line)
        for part in expected {
            XCTAssertTrue(output.stderr.contains(part), "\(output.stderr) should say \(part)", file: file, line: line)
        }
    }

    // MARK: git's environment

    func testGitDirNamesTheRepositoryWhateverTheCurrentDirectory() throws {
        let a = try repository(["TASK_A.md": "Owner: [Owner-A]\n"])
        let b = try repository(["TASK_B.md": "Owner: [Owner-B]\n"])
        let json = ["check", "--format", "json"]
        XCTAssertEqual(try excerpts(golint(json, in: b.path)), ["[Owner-B]"])
        XCTAssertEqual(try excerpts(golint(json, in: b.path, environment: ["GIT_DIR": a.path + "/.git"])), ["[Owner-A]"])
        // Relative to the current directory, as git reads it.
        XCTAssertEqual(try excerpts(golint(json, in: a.path, environment: ["GIT_DIR": ".git"])), ["[Owner-A]"])
        assertCouldNotRun(try golint(json, in: b.path, environment: ["GIT_DIR": b.path + "/nothing"]), says: ["GIT_DIR=", "is not a git repository"])
    }

    func testGitWorkTreeAndGitDirApart() throws {
        let repository = try self.repository(["TASK_A.md": "Owner: Dana\n"])
        let workTree = try temporaryDirectory("worktree")
        try "Owner: [Elsewhere]\n".write(toFile: workTree + "/TASK_A.md", atomically: true, encoding: .utf8)
        let environment = ["GIT_DIR": repository.path + "/.git", "GIT_WORK_TREE": workTree]
        XCTAssertEqual(try excerpts(golint(["check", "--worktree", "--format", "json"], in: "/", environment: environment)), ["[Elsewhere]"])
        // GIT_WORK_TREE alone: the repository is found from the current directory.
        XCTAssertEqual(try excerpts(golint(["check", "--worktree", "--format", "json"], in: repository.path,
                                           environment: ["GIT_WORK_TREE": workTree])), ["[Elsewhere]"])
    }

    func testGitIndexFileIsTheIndexRead() throws {
        let repository = try self.repository(["TASK_A.md": "Owner: Dana\n"])
        let index = try temporaryDirectory("index") + "/other-index"
        try repository.write("TASK_A.md", "Owner: [In-Other-Index]\n")
        try repository.git(["read-tree", "HEAD"], environment: ["GIT_INDEX_FILE": index])
        try repository.git(["add", "TASK_A.md"], environment: ["GIT_INDEX_FILE": index])
        XCTAssertEqual(try excerpts(golint(["check", "--staged", "--format", "json"], in: repository.path)), [])
        XCTAssertEqual(try excerpts(golint(["check", "--staged", "--format", "json"], in: repository.path,
                                           environment: ["GIT_INDEX_FILE": index])), ["[In-Other-Index]"])
        // --repo naming the same repository keeps the environment's index.
        XCTAssertEqual(try excerpts(golint(["check", "--staged", "--format", "json", "--repo", "."], in: repository.path,
                                           environment: ["GIT_INDEX_FILE": index])), ["[In-Other-Index]"])
    }

    func testObjectDirectoryAndAlternatesFromTheEnvironment() throws {
        let repository = try self.repository(["TASK_A.md": "Owner: [Owner]\n"])
        let objects = try temporaryDirectory("objects") + "/objects"
        try FileManager.default.moveItem(atPath: repository.path + "/.git/objects", toPath: objects)
        try FileManager.default.createDirectory(atPath: repository.path + "/.git/objects", withIntermediateDirectories: true)
        let without = try golint(["check"], in: repository.path)
        assertCouldNotRun(without, says: ["missing from \(repository.path)/.git/objects", "git fsck"])
        XCTAssertEqual(try excerpts(golint(["check", "--format", "json"], in: repository.path,
                                           environment: ["GIT_OBJECT_DIRECTORY": objects])), ["[Owner]"])
        XCTAssertEqual(try excerpts(golint(["check", "--format", "json"], in: repository.path,
                                           environment: ["GIT_ALTERNATE_OBJECT_DIRECTORIES": "/nonexistent:" + objects])), ["[Owner]"])
    }

    func testCeilingDirectoriesStopTheSearch() throws {
        let repository = try self.repository(["TASK_A.md": "Owner: [Owner]\n"])
        try FileManager.default.createDirectory(atPath: repository.path + "/docs/deep", withIntermediateDirectories: true)
        let inside = repository.path + "/docs/deep"
        XCTAssertEqual(try excerpts(golint(["check", "--format", "json"], in: inside)), ["[Owner]"])
        assertCouldNotRun(try golint(["check"], in: inside, environment: ["GIT_CEILING_DIRECTORIES": repository.path]),
                          says: ["not a git repository"])
    }

    func testSafeDirectoryForARepositoryOfAnotherUser() throws {
        guard getuid() == 0 else { throw XCTSkip("needs root to give the repository to another user") }
        let repository = try self.repository(["TASK_A.md": "Owner: [Owner]\n"])
        XCTAssertEqual(chown(repository.path, 65534, 65534), 0)
        let home = try temporaryDirectory("home")
        let refused = try golint(["check"], in: repository.path, environment: ["HOME": home, "GIT_CONFIG_GLOBAL": home + "/.gitconfig"])
        assertCouldNotRun(refused, says: ["owned by uid 65534", "safe.directory", repository.path])
        for trusted in ["*", repository.path] {
            try "[safe]\n\tdirectory = \(trusted)\n".write(toFile: home + "/.gitconfig", atomically: true, encoding: .utf8)
            let result = try golint(["check", "--format", "json"], in: repository.path, environment: ["HOME": home, "GIT_CONFIG_GLOBAL": home + "/.gitconfig"])
            XCTAssertEqual(try excerpts(result), ["[Owner]"], "safe.directory = \(trusted)")
        }
        // An empty value clears what came before, as in git; `git -c` reaches golint too.
        try "[safe]\n\tdirectory = *\n\tdirectory =\n".write(toFile: home + "/.gitconfig", atomically: true, encoding: .utf8)
        assertCouldNotRun(try golint(["check"], in: repository.path, environment: ["GIT_CONFIG_GLOBAL": home + "/.gitconfig"]), says: ["safe.directory"])
        let commandLine = ["GIT_CONFIG_GLOBAL": home + "/.gitconfig", "GIT_CONFIG_PARAMETERS": "'safe.directory'='*'"]
        XCTAssertEqual(try excerpts(golint(["check", "--format", "json"], in: repository.path, environment: commandLine)), ["[Owner]"])
    }

    // MARK: The work tree as git sees it

    func testTrackedDocumentUnderAnIgnoredFolderIsRead() throws {
        let repository = try TestRepository()
        retained.append(repository)
        try repository.write("generated/TASK_KEPT.md", "Owner: [Kept]\n")
        try repository.commit("tracked first")
        try repository.write(".gitignore", "generated/\n")
        try repository.write("generated/TASK_NEW.md", "Owner: [Ignored]\n")
        try repository.commit("then ignored")
        try repository.write("generated/TASK_KEPT.md", "Owner: [Kept-Edited]\n")
        XCTAssertEqual(try excerpts(golint(["check", "--worktree", "--format", "json"], in: repository.path)), ["[Kept-Edited]"])
    }

    func testWorkingTreeEncodingIsConvertedAsGitDoes() throws {
        let repository = try TestRepository()
        retained.append(repository)
        try repository.write(".gitattributes", "*.md working-tree-encoding=UTF-16LE\n")
        let text = "# Übergabe\n\n- [ ] On-Call: [Primär-On-Call]\n"
        try repository.write("TASK_A.md", bytes: Array(text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        try repository.commit("utf-16 in the work tree")
        // git stores UTF-8; on disk it is UTF-16: both read the same.
        for source in ["--rev=HEAD", "--staged", "--worktree"] {
            let result = try golint(["check", source, "--format", "json"], in: repository.path)
            XCTAssertEqual(try findings(result).map { "\($0["rule"]!) \($0["line"]!):\($0["column"]!) \($0["excerpt"]!)" },
                           ["placeholder 3:16 [Primär-On-Call]"], source)
        }
    }

    func testPathArgumentsThatSelectNoDocument() throws {
        let repository = try self.repository(["docs/TASK_A.md": "Owner: Dana\n", "README.md": "# readme\n"])
        assertCouldNotRun(try golint(["check", "docs/TASK_TYPO.md"], in: repository.path), says: ["docs/TASK_TYPO.md matches no document"])
        assertCouldNotRun(try golint(["check", "README.md"], in: repository.path), says: ["README.md is not a document", "**/TASK_*.md"])
        assertCouldNotRun(try golint(["check", "--worktree", "nowhere/"], in: repository.path), says: ["nowhere matches no document in worktree"])
        XCTAssertEqual(try golint(["check", "docs"], in: repository.path).status, 0)
    }

    func testReportFilesAreAllWrittenOrNone() throws {
        let repository = try self.repository(["TASK_A.md": "Owner: [Owner]\n"])
        let outside = try temporaryDirectory("reports")
        let failed = try golint(["check", "--output", "json=\(outside)/ok.json", "--output", "sarif=\(outside)/missing-dir/x.sarif"], in: repository.path)
        assertCouldNotRun(failed, says: ["missing-dir/x.sarif", "no report was written"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: outside), [])
        let written = try golint(["check", "--output", "json=\(outside)/ok.json", "--output", "sarif=\(outside)/x.sarif"], in: repository.path)
        XCTAssertEqual(written.status, 1, written.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: outside).sorted(), ["ok.json", "x.sarif"])
    }

    func testBaselineWithoutOutputPrintsIt() throws {
        let repository = try self.repository(["TASK_A.md": "Owner: [Owner]\n"])
        let before = try FileManager.default.contentsOfDirectory(atPath: repository.path).sorted()
        let result = try golint(["baseline"], in: repository.path)
        XCTAssertEqual(result.status, 0, result.stderr)
        let object = try json(result)
        XCTAssertEqual((object["entries"] as? [[String: Any]])?.first?["text"] as? String, "Owner: [Owner]")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: repository.path).sorted(), before)
    }

    func testNamesWithNewlinesAndQuotesStayOneLine() throws {
        let repository = try self.repository(["docs/TASK_a\nb \"c\".md": "Owner: TBD\n"])
        let result = try golint(["check"], in: repository.path)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.hasPrefix(#""docs/TASK_a\nb \"c\".md":1:8: error: placeholder 'TBD'"#), result.stdout)
        XCTAssertEqual(result.stdout.split(separator: "\n").count, 2, result.stdout)
        let history = try golint(["history"], in: repository.path)
        XCTAssertTrue(history.stdout.contains(#""docs/TASK_a\nb \"c\".md""#), history.stdout)
        XCTAssertFalse(history.stdout.contains("TASK_a\n"), history.stdout)
    }

    // MARK: Layouts libgit2 cannot read

    func testSHA256Repository() throws {
        let path = try temporaryDirectory("sha256")
        try TestRepository.run("/usr/bin/env", ["git", "init", "-q", "--object-format=sha256", path], in: "/")
        assertCouldNotRun(try golint(["check"], in: path), says: ["SHA-256 repositories are not supported", "extensions.objectFormat"])
    }

    func testSparseAndSplitIndexes() throws {
        let origin = try repository(["docs/TASK_A.md": "Owner: Dana\n", "other/b.txt": "b\n"])
        let sparse = TestRepository(existing: try temporaryDirectory("sparse") + "/clone")
        try TestRepository.run("/usr/bin/env", ["git", "clone", "-q", "--no-local", origin.path, sparse.path], in: "/")
        try sparse.git(["sparse-checkout", "init", "--cone", "--sparse-index"])
        try sparse.git(["sparse-checkout", "set", "docs"])
        assertCouldNotRun(try golint(["check", "--staged"], in: sparse.path),
                          says: ["the index \(sparse.path)/.git/index is a sparse index", "git sparse-checkout"])
        XCTAssertEqual(try golint(["check"], in: sparse.path).status, 0, "a revision does not need the index")

        let split = TestRepository(existing: try temporaryDirectory("split") + "/clone")
        try TestRepository.run("/usr/bin/env", ["git", "clone", "-q", "--no-local", origin.path, split.path], in: "/")
        try split.git(["update-index", "--split-index"])
        assertCouldNotRun(try golint(["check", "--staged"], in: split.path), says: ["is a split index", "git update-index --no-split-index"])
    }

    func testPartialCloneNamesTheMissingBlob() throws {
        let origin = try repository(["docs/TASK_A.md": "Owner: Dana\n"])
        try origin.git(["config", "uploadpack.allowFilter", "true"])
        let blob = try origin.git(["rev-parse", "HEAD:docs/TASK_A.md"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let clone = try temporaryDirectory("partial") + "/clone"
        try TestRepository.run("/usr/bin/env", ["git", "clone", "-q", "--filter=blob:none", "--no-checkout", "file://" + origin.path, clone], in: "/")
        assertCouldNotRun(try golint(["check"], in: clone),
                          says: ["docs/TASK_A.md: this is a partial clone and blob \(blob.prefix(10)) is not fetched", "git fetch or git checkout"])
    }

    func testCorruptLooseObjectTruncatedPackCorruptIndex() throws {
        let loose = try repository(["TASK_A.md": "Owner: Dana\n"])
        let blob = try loose.git(["rev-parse", "HEAD:TASK_A.md"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let object = loose.path + "/.git/objects/" + blob.prefix(2) + "/" + blob.dropFirst(2)
        chmod(object, 0o644)
        try Data("not zlib".utf8).write(to: URL(fileURLWithPath: object))
        assertCouldNotRun(try golint(["check"], in: loose.path), says: ["TASK_A.md: blob \(blob.prefix(10)) is corrupt", object, "git fsck"])

        let packed = try repository(["TASK_A.md": "Owner: Dana\n"])
        try packed.git(["gc", "-q"])
        let packs = try FileManager.default.contentsOfDirectory(atPath: packed.path + "/.git/objects/pack").filter { $0.hasSuffix(".pack") }
        XCTAssertEqual(packs.count, 1)
        let pack = packed.path + "/.git/objects/pack/" + packs[0]
        XCTAssertEqual(truncate(pack, 64), 0)
        assertCouldNotRun(try golint(["check"], in: packed.path), says: ["pack \(pack) is truncated or damaged"])

        let index = try repository(["TASK_A.md": "Owner: Dana\n"])
        try Data("DIRC garbage that is not an index".utf8).write(to: URL(fileURLWithPath: index.path + "/.git/index"))
        assertCouldNotRun(try golint(["check", "--staged"], in: index.path), says: ["the index \(index.path)/.git/index cannot be read"])
    }
}
