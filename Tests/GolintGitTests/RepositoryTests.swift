import GolintGit
import GolintTestSupport
import XCTest

/// The libgit2 wrappers, checked against what the `git` command line says about the same repository.
final class RepositoryTests: XCTestCase {
    func testTreeFilesAndBlobsMatchGit() throws {
        let repository = try TestRepository()
        try repository.write("docs/TASK_A.md", "- [ ] a\n")
        try repository.write("docs/sub/TASK_B.md", "- [x] b\n")
        try repository.write("README.md", "readme\n")
        try repository.commit("first")
        let opened = try Repository(discovering: repository.path + "/docs/sub")
        let files = try opened.tree("HEAD").files { $0.hasSuffix(".md") }
        XCTAssertEqual(files.map(\.path), ["README.md", "docs/TASK_A.md", "docs/sub/TASK_B.md"])
        let lsTree = try repository.git(["ls-tree", "-r", "HEAD"])
        for file in files {
            XCTAssertTrue(lsTree.contains("\(file.id)\t\(file.path)"), file.path)
            XCTAssertEqual(try opened.blob(file.id), Array(try repository.git(["show", "HEAD:\(file.path)"]).utf8))
        }
        XCTAssertEqual(try opened.tree("HEAD").entry(at: "docs/TASK_A.md")?.kind, .file)
        XCTAssertNil(try opened.tree("HEAD").entry(at: "docs/nope.md"))
    }

    func testRevisionWalkNewestFirstAndClockSkew() throws {
        let repository = try TestRepository()
        func commit(_ message: String, at time: Int) throws -> String {
            try repository.git(["commit", "-q", "--allow-empty", "-m", message],
                               environment: ["GIT_AUTHOR_DATE": "@\(time) +0000", "GIT_COMMITTER_DATE": "@\(time) +0000"])
            return try repository.git(["rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        func order(_ walk: RevisionWalk) throws -> [String] {
            var ids: [String] = []
            while let id = try walk.next() { ids.append(id.description) }
            return ids
        }
        let base = try commit("base", at: 1_000)
        let main = try commit("main", at: 3_000)
        try repository.git(["checkout", "-q", "-b", "side", base])
        // Made on a clock that runs behind: older than its own parent.
        let skewed = try commit("side", at: 500)
        try repository.git(["checkout", "-q", "main"])
        try repository.git(["merge", "-q", "--no-ff", "--no-edit", "side"],
                           environment: ["GIT_AUTHOR_DATE": "@4000 +0000", "GIT_COMMITTER_DATE": "@4000 +0000"])
        let merge = try repository.git(["rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let opened = try Repository(discovering: repository.path)
        let tip = try XCTUnwrap(ObjectID(hex: merge))
        // By commit time the base (1000) comes before the skewed commit (500) that is its child: refused.
        XCTAssertThrowsError(try order(RevisionWalk(opened, from: tip, order: .committerTime))) { XCTAssertTrue($0 is RevisionWalk.OutOfOrder) }
        let topological = try order(RevisionWalk(opened, from: tip, order: .topological))
        XCTAssertEqual(topological.first, merge)
        XCTAssertEqual(topological.last, base)
        XCTAssertEqual(Set(topological), [merge, main, skewed, base])

        // Without skew the lazy walk gives every commit, children first.
        try repository.git(["checkout", "-q", "-b", "later", main])
        let later = try commit("later", at: 5_000)
        XCTAssertEqual(try order(RevisionWalk(opened, from: XCTUnwrap(ObjectID(hex: later)), order: .committerTime)), [later, main, base])
    }

    func testIndexBeforeFirstCommit() throws {
        let repository = try TestRepository()
        try repository.write("TASK_A.md", "staged\n")
        try repository.git(["add", "TASK_A.md"])
        try repository.write("TASK_A.md", "changed on disk\n")
        let opened = try Repository(discovering: repository.path)
        XCTAssertTrue(opened.isHeadUnborn)
        let staged = try opened.indexFiles { _ in true }
        XCTAssertEqual(staged.map(\.path), ["TASK_A.md"])
        XCTAssertEqual(String(decoding: try opened.blob(staged[0].id), as: UTF8.self), "staged\n")
    }

    func testErrorsCarryLibgit2Messages() throws {
        XCTAssertThrowsError(try Repository(discovering: "/")) { error in
            XCTAssertEqual("\(error)", "not a git repository: /")
        }
        let repository = try TestRepository()
        try repository.write("a.md", "a")
        try repository.commit("a")
        let opened = try Repository(discovering: repository.path)
        XCTAssertThrowsError(try opened.commit("v9.9")) { XCTAssertEqual("\($0)", "unknown revision 'v9.9'") }
        XCTAssertThrowsError(try opened.commit("HEAD:a.md")) { XCTAssertEqual("\($0)", "revision 'HEAD:a.md' does not name a commit") }
        let bogus = try XCTUnwrap(ObjectID(hex: String(repeating: "ab", count: 20)))
        XCTAssertThrowsError(try opened.blob(bogus)) { error in
            XCTAssertEqual((error as? GitError)?.function, "git_blob_lookup")
            XCTAssertFalse("\(error)".isEmpty)
        }
    }

    func testRevwalkOldestFirstAgreesWithGitLog() throws {
        let repository = try TestRepository()
        for index in 1...5 {
            try repository.write("TASK_A.md", "- [ ] step \(index)\n")
            try repository.commit("step \(index)")
        }
        let opened = try Repository(discovering: repository.path)
        let ids = try opened.commitIDs(from: opened.commit("HEAD").id)
        let gitLog = try repository.git(["log", "--reverse", "--format=%H"]).split(separator: "\n").map(String.init)
        XCTAssertEqual(ids.map(\.description), gitLog)
        let since = try opened.commit("HEAD~2").id
        XCTAssertEqual(try opened.commitIDs(from: opened.commit("HEAD").id, hiding: [since]).map(\.description), Array(gitLog.suffix(2)))
        let info = try opened.commit("HEAD")
        XCTAssertEqual(info.author.name, "Alice Adler")
        XCTAssertEqual(info.author.offsetMinutes, 60)
        XCTAssertEqual(info.summary, "step 5")
    }

    func testTreeChangesDetectRenames() throws {
        let repository = try TestRepository()
        let body = (1...30).map { "- [ ] item number \($0) with enough text to compare\n" }.joined()
        try repository.write("docs/TASK_OLD.md", body)
        try repository.write("docs/TASK_GONE.md", "gone\n")
        try repository.commit("one")
        try repository.git(["mv", "docs/TASK_OLD.md", "docs/TASK_NEW.md"])
        try repository.write("docs/TASK_NEW.md", body + "- [ ] one more\n")
        try repository.remove("docs/TASK_GONE.md")
        try repository.write("docs/TASK_ADDED.md", "new\n")
        try repository.commit("two")
        let opened = try Repository(discovering: repository.path)
        let changes = try opened.changes(from: opened.tree("HEAD~1"), to: opened.tree("HEAD"))
        let summary = changes.map { "\($0.status) \($0.oldPath ?? "-") \($0.newPath ?? "-")" }.sorted()
        XCTAssertEqual(summary, [
            "added - docs/TASK_ADDED.md",
            "deleted docs/TASK_GONE.md -",
            "renamed docs/TASK_OLD.md docs/TASK_NEW.md",
        ])
        let fromEmpty = try opened.changes(from: nil, to: opened.tree("HEAD~1"))
        XCTAssertEqual(fromEmpty.map(\.status), [.added, .added])
    }

    /// Resolution follows git's rules for its environment, checked on real repositories.
    func testLocationFromGitsEnvironment() throws {
        let a = try TestRepository(), b = try TestRepository()
        try a.commit("a")
        try b.commit("b")
        func open(_ directory: String?, _ environment: [String: String], in current: String) throws -> Repository {
            try Repository(RepositoryLocation.resolve(directory: directory, environment: environment, currentDirectory: current), environment: environment)
        }
        let real = { (path: String) in URL(fileURLWithPath: path).resolvingSymlinksInPath().path }
        // GIT_DIR wins over the current directory; relative to it; the current directory is the work tree.
        let viaGitDir = try open(nil, ["GIT_DIR": a.path + "/.git"], in: b.path)
        XCTAssertEqual(real(viaGitDir.gitDirectory), real(a.path + "/.git"))
        XCTAssertEqual(real(viaGitDir.workdir ?? ""), real(b.path))
        XCTAssertEqual(real(try open(nil, ["GIT_DIR": ".git"], in: a.path).commonDirectory), real(a.path + "/.git"))
        // An explicit directory ignores GIT_DIR; the index follows only its own repository.
        let explicit = try open(b.path, ["GIT_DIR": a.path + "/.git", "GIT_INDEX_FILE": a.path + "/.git/index"], in: a.path)
        XCTAssertEqual(real(explicit.commonDirectory), real(b.path + "/.git"))
        XCTAssertEqual(explicit.indexPath, explicit.gitDirectory + "index")
        let same = try open(".", ["GIT_INDEX_FILE": "/tmp/other-index"], in: b.path)
        XCTAssertEqual(same.indexPath, "/tmp/other-index")
        // Empty values count as unset, as in git.
        XCTAssertEqual(real(try open(nil, ["GIT_DIR": "", "GIT_WORK_TREE": ""], in: a.path).workdir ?? ""), real(a.path))
    }
}
