import Foundation
import GolintKit
import GolintTestSupport
import XCTest

/// The installed hook against every way people commit: git hands the hook a temporary index for
/// `-a`, `--only` and `-i`; amends, conflict resolutions and rebases run it too. golint is found
/// on PATH, never by a path written in at install time.
final class HookSetupTests: CLITestCase {
    private var retained: [TestRepository] = []

    override func tearDown() {
        retained.removeAll()
        super.tearDown()
    }

    /// PATH with the directory of the golint under test first.
    private var withGolint: [String: String] {
        ["PATH": URL(fileURLWithPath: CLITestCase.binary).deletingLastPathComponent().path + ":/usr/bin:/bin"]
    }

    private func repositoryWithHook(_ files: [String: String] = ["TASK_A.md": "- [ ] Owner: Dana\n"]) throws -> TestRepository {
        let repository = try TestRepository()
        retained.append(repository)
        for (path, text) in files { try repository.write(path, text) }
        try repository.commit("start")
        let installed = try golint(["install-hook"], in: repository.path, environment: withGolint)
        XCTAssertEqual(installed.status, 0, installed.stderr)
        return repository
    }

    @discardableResult
    private func git(_ repository: TestRepository, _ arguments: [String], environment: [String: String]? = nil) throws -> TestRepository.Output {
        try TestRepository.run("/usr/bin/env", ["git"] + arguments, in: repository.path, environment: environment ?? withGolint, check: false)
    }

    private func assertBlocked(_ output: TestRepository.Output, mentioning text: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertNotEqual(output.status, 0, "the commit went through", file: file, line: line)
        XCTAssertTrue((output.stdout + output.stderr).contains(text), output.stdout + output.stderr, file: file, line: line)
    }

    private func head(_ repository: TestRepository) throws -> String {
        try repository.git(["rev-parse", "HEAD"])
    }

    func testCommitAllOnlyAndIncludeUseTheTemporaryIndex() throws {
        let repository = try repositoryWithHook()
        let start = try head(repository)
        try repository.write("TASK_A.md", "- [ ] On-Call: [Primär-On-Call]\n")
        assertBlocked(try git(repository, ["commit", "-q", "-a", "-m", "all"]), mentioning: "placeholder '[Primär-On-Call]'")
        assertBlocked(try git(repository, ["commit", "-q", "-m", "only", "TASK_A.md"]), mentioning: "placeholder '[Primär-On-Call]'")
        assertBlocked(try git(repository, ["commit", "-q", "-m", "include", "-i", "TASK_A.md"]), mentioning: "placeholder '[Primär-On-Call]'")
        XCTAssertEqual(try head(repository), start)
        try repository.write("TASK_A.md", "- [ ] On-Call: Dana Ruiz\n")
        XCTAssertEqual(try git(repository, ["commit", "-q", "-a", "-m", "filled"]).status, 0)
    }

    func testAmendAndConflictResolutionAreChecked() throws {
        let repository = try repositoryWithHook()
        try repository.write("TASK_A.md", "- [ ] Owner: TBD\n")
        try repository.git(["add", "-A"])
        assertBlocked(try git(repository, ["commit", "-q", "--amend", "--no-edit"]), mentioning: "placeholder 'TBD'")

        try repository.git(["checkout", "-q", "--", "."])
        try repository.git(["reset", "-q", "--hard"])
        try repository.git(["checkout", "-q", "-b", "side"])
        try repository.write("TASK_A.md", "- [ ] Owner: Bob\n")
        XCTAssertEqual(try git(repository, ["commit", "-q", "-a", "-m", "side"]).status, 0)
        try repository.git(["checkout", "-q", "main"])
        try repository.write("TASK_A.md", "- [ ] Owner: Carol\n")
        XCTAssertEqual(try git(repository, ["commit", "-q", "-a", "-m", "main"]).status, 0)
        XCTAssertNotEqual(try git(repository, ["merge", "-q", "side"]).status, 0, "a conflict")
        try repository.write("TASK_A.md", "- [ ] Owner: [Bob or Carol]\n")
        try repository.git(["add", "TASK_A.md"])
        assertBlocked(try git(repository, ["commit", "-q", "--no-edit"]), mentioning: "placeholder '[Bob or Carol]'")
        try repository.write("TASK_A.md", "- [ ] Owner: Bob\n")
        try repository.git(["add", "TASK_A.md"])
        XCTAssertEqual(try git(repository, ["commit", "-q", "--no-edit"]).status, 0)
    }

    /// A commit made in the middle of a rebase (detached HEAD, rebase state in .git) goes through
    /// the hook like any other, and stops the rebase.
    func testRebaseWithExecRunsTheHook() throws {
        let repository = try repositoryWithHook()
        try repository.write("notes.txt", "one\n")
        try repository.git(["add", "notes.txt"])
        XCTAssertEqual(try git(repository, ["commit", "-q", "-m", "notes"]).status, 0)
        let exec = "printf -- '- [ ] Owner: XXX\\n' >> TASK_A.md && git commit -q -a -m more"
        let rebase = try git(repository, ["rebase", "-q", "--exec", exec, "HEAD~1"])
        assertBlocked(rebase, mentioning: "placeholder 'XXX'")
        try git(repository, ["rebase", "--abort"])
    }

    func testQuotedAndNonASCIINamesAreChecked() throws {
        let repository = try repositoryWithHook()
        for name in ["docs/TASK_Übergabe.md", "docs/TASK_with space.md", "docs/TASK_\"quoted\".md", "docs/Ä/GO_LIVE plan.md"] {
            try repository.write(name, "- [ ] Owner: TBD\n")
            try repository.git(["add", "-A"])
            assertBlocked(try git(repository, ["commit", "-q", "-m", "add"]), mentioning: "placeholder 'TBD'")
            try repository.git(["reset", "-q"])
            try repository.remove(name)
        }
    }

    func testAChangeToARulePackAloneChecksEveryDocument() throws {
        let repository = try repositoryWithHook([
            "docs/TASK_A.md": "- [ ] Owner: Dana\n- [ ] Room: PENDING\n",
            ".golint.yml": "version: 1\npacks: [rules/team.yml]\n",
            "rules/team.yml": "version: 1\n",
        ])
        try repository.write("rules/team.yml", "version: 1\nplaceholder:\n  patterns: ['PENDING']\n")
        try repository.git(["add", "-A"])
        assertBlocked(try git(repository, ["commit", "-q", "-m", "stricter pack"]), mentioning: "placeholder 'PENDING'")
        let direct = try golint(["check", "--staged", "--changed"], in: repository.path)
        XCTAssertEqual(direct.status, 1, "--changed re-checks every document when a pack changes: \(direct.stdout)")
    }

    func testCustomIncludeGlobsNeedNoChangeToTheHook() throws {
        let repository = try repositoryWithHook([".golint.yml": "version: 1\ninclude: ['plans/**/*.md']\n"])
        try repository.write("plans/q3/launch.md", "- [ ] Owner: TBD\n")
        try repository.git(["add", "-A"])
        assertBlocked(try git(repository, ["commit", "-q", "-m", "plan"]), mentioning: "plans/q3/launch.md:1:14: error: placeholder 'TBD'")
    }

    func testTheHookFindsAMovedGolintOnPath() throws {
        let first = FileManager.default.temporaryDirectory.appendingPathComponent("golint-bin-" + UUID().uuidString).path
        let second = first + "-moved"
        try FileManager.default.createDirectory(atPath: first, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: first); try? FileManager.default.removeItem(atPath: second) }
        try FileManager.default.copyItem(atPath: CLITestCase.binary, toPath: first + "/golint")
        let repository = try TestRepository()
        retained.append(repository)
        try repository.commit("start")
        XCTAssertEqual(try git(repository, ["status"], environment: ["PATH": first + ":/usr/bin:/bin"]).status, 0)
        let installed = try TestRepository.run(first + "/golint", ["install-hook"], in: repository.path, environment: ["PATH": first + ":/usr/bin:/bin"])
        XCTAssertEqual(installed.status, 0)
        let hook = try String(contentsOfFile: repository.path + "/.git/hooks/pre-commit", encoding: .utf8)
        XCTAssertFalse(hook.contains(first), "no binary path is written into the hook")
        try FileManager.default.moveItem(atPath: first, toPath: second)
        try repository.write("TASK_A.md", "- [ ] Owner: TBD\n")
        try repository.git(["add", "-A"])
        assertBlocked(try git(repository, ["commit", "-q", "-m", "x"], environment: ["PATH": second + ":/usr/bin:/bin"]), mentioning: "placeholder 'TBD'")
        // GOLINT names it when it is not on PATH; with neither, the commit stops with a reason.
        assertBlocked(try git(repository, ["commit", "-q", "-m", "x"], environment: ["PATH": "/usr/bin:/bin", "GOLINT": second + "/golint"]),
                      mentioning: "placeholder 'TBD'")
        assertBlocked(try git(repository, ["commit", "-q", "-m", "x"], environment: ["PATH": "/usr/bin:/bin"]), mentioning: "'golint' is not on PATH")
    }

    func testForceOverANonExecutableHookKeepsCommitsWorking() throws {
        let repository = try TestRepository()
        retained.append(repository)
        try repository.commit("start")
        let hook = repository.path + "/.git/hooks/pre-commit"
        try "#!/bin/sh\nexit 1\n".write(toFile: hook, atomically: true, encoding: .utf8)
        chmod(hook, 0o644)
        XCTAssertEqual(try golint(["install-hook", "--force"], in: repository.path, environment: withGolint).status, 0)
        try repository.write("TASK_A.md", "- [ ] Owner: Dana\n")
        try repository.git(["add", "-A"])
        let committed = try git(repository, ["commit", "-q", "-m", "clean"])
        XCTAssertEqual(committed.status, 0, "git skips a hook that is not executable, and so does the chain: \(committed.stderr)")
    }

    func testHooksPathWithTildeUsesHome() throws {
        let repository = try TestRepository()
        retained.append(repository)
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("golint-home-" + UUID().uuidString).path
        defer { try? FileManager.default.removeItem(atPath: home) }
        try repository.git(["config", "core.hooksPath", "~/my-hooks"])
        XCTAssertEqual(try golint(["install-hook"], in: repository.path, environment: ["HOME": home]).status, 0)
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: home + "/my-hooks/pre-commit"))
    }

    func testLinkedWorktreeCommitIsChecked() throws {
        let repository = try repositoryWithHook()
        let linked = TestRepository(existing: NSTemporaryDirectory() + "golint-linked-" + UUID().uuidString)
        retained.append(linked)
        try repository.git(["worktree", "add", "-q", "-b", "side", linked.path])
        try linked.write("TASK_A.md", "- [ ] Owner: [Side-Owner]\n")
        assertBlocked(try git(linked, ["commit", "-q", "-a", "-m", "side"]), mentioning: "placeholder '[Side-Owner]'")
    }

    /// The hook's fast path and the pre-commit manifest skip commits that stage no Markdown and no
    /// YAML; that is golint's own definition of what it reads, not a copy of the globs.
    func testTheHookAndTheManifestSkipWhatGolintDefines() throws {
        let hook = try String(contentsOfFile: CLITestCase.packageRoot + "/hooks/pre-commit", encoding: .utf8)
        let pathspecs = (Configuration.documentExtensions + Configuration.configurationExtensions).map { "':(icase)*.\($0)'" }
        XCTAssertTrue(hook.contains(pathspecs.joined(separator: " ")), hook)
        let manifest = try String(contentsOfFile: CLITestCase.packageRoot + "/.pre-commit-hooks.yaml", encoding: .utf8)
        let pattern = "files: '(?i)\\.(\((Configuration.documentExtensions + Configuration.configurationExtensions).joined(separator: "|")))$'"
        XCTAssertEqual(manifest.components(separatedBy: pattern).count - 1, 3, manifest)
        XCTAssertEqual(manifest.components(separatedBy: "pass_filenames: false").count - 1, 3)
    }

    func testTheFrameworkCatchesAConfigurationOnlyChange() throws {
        let (repository, environment) = try repositoryUsingPreCommitFramework(committing: [
            ".golint.yml": "rules:\n  placeholder: off\n", "docs/TASK_RELEASE.md": "- [ ] Owner: TBD\n",
        ])
        retained.append(repository)
        try repository.write(".golint.yml", "rules:\n  placeholder: error\n")
        try repository.git(["add", "-A"])
        assertBlocked(try git(repository, ["commit", "-q", "-m", "stricter"], environment: environment), mentioning: "placeholder 'TBD'")
        try repository.write("src/main.c", "int main(void) { return 0; }\n")
        try repository.git(["reset", "-q", "--hard"])
        try repository.write("src/main.c", "int main(void) { return 0; }\n")
        try repository.git(["add", "-A"])
        let unrelated = try git(repository, ["commit", "-q", "-m", "code"], environment: environment)
        XCTAssertEqual(unrelated.status, 0, unrelated.stdout + unrelated.stderr)
    }
}
