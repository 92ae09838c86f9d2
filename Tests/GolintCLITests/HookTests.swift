import Foundation
import GolintTestSupport
import XCTest

final class HookTests: CLITestCase {
    private func repositoryWithHook() throws -> TestRepository {
        let repository = try TestRepository()
        try repository.write("README.md", "# project\n")
        try repository.commit("start")
        let installed = try golint(["install-hook"], in: repository.path)
        XCTAssertEqual(installed.status, 0, installed.stderr)
        return repository
    }

    /// `git commit` through the installed hook, with the golint under test on PATH.
    private func commit(_ repository: TestRepository, environment: [String: String] = [:]) throws -> TestRepository.Output {
        var environment = environment
        environment["PATH"] = environment["PATH"] ?? URL(fileURLWithPath: CLITestCase.binary).deletingLastPathComponent().path + ":/usr/bin:/bin"
        return try TestRepository.run("/usr/bin/env", ["git", "commit", "-q", "-m", "change"], in: repository.path, environment: environment, check: false)
    }

    func testHookBlocksAPlaceholderAndPassesOnceFilled() throws {
        let repository = try repositoryWithHook()
        try repository.write("docs/TASK_A.md", "- [ ] On-Call: [Primär-On-Call]\n")
        try repository.git(["add", "-A"])
        let blocked = try commit(repository)
        XCTAssertEqual(blocked.status, 1)
        // git passes a hook's output on to its own stderr.
        XCTAssertTrue(blocked.stderr.contains("docs/TASK_A.md:1:16: error: placeholder '[Primär-On-Call]' is not replaced [placeholder]"),
                      blocked.stdout + blocked.stderr)
        try repository.write("docs/TASK_A.md", "- [ ] On-Call: Dana Ruiz\n")
        try repository.git(["add", "-A"])
        XCTAssertEqual(try commit(repository).status, 0)
    }

    func testCommitWithoutDocumentsNeverStartsGolint() throws {
        let repository = try repositoryWithHook()
        try repository.write("src/main.c", "int main(void) { return 0; }\n")
        try repository.git(["add", "-A"])
        // A golint that always fails proves it was not run.
        XCTAssertEqual(try commit(repository, environment: ["GOLINT": "/bin/false"]).status, 0)
        try repository.write("TASK_X.md", "fine\n")
        try repository.git(["add", "-A"])
        XCTAssertEqual(try commit(repository, environment: ["GOLINT": "/bin/false"]).status, 1, "a staged document does start it")
    }

    /// Go's linter is also called golint: the hook refuses to take it for this one.
    func testAnotherProgramNamedGolintIsRefused() throws {
        let repository = try repositoryWithHook()
        let folder = repository.path + "/../go-bin-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // It accepts anything and passes, as a linter for other files would.
        try "#!/bin/sh\necho 'usage: golint [flags] [packages]'\nexit 0\n".write(toFile: folder + "/golint", atomically: true, encoding: .utf8)
        chmod(folder + "/golint", 0o755)
        try repository.write("docs/TASK_A.md", "- [ ] On-Call: [Primär-On-Call]\n")
        try repository.git(["add", "-A"])
        let refused = try commit(repository, environment: ["PATH": folder + ":/usr/bin:/bin"])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("is not the go-live checklist linter"), refused.stderr)
        XCTAssertEqual(try golint(["--version"], in: repository.path).stdout, "golint 0.1.0 (go-live checklist linter)\n")
    }

    func testOnlyChangedDocumentsAreChecked() throws {
        let repository = try TestRepository()
        try repository.write("TASK_OLD.md", "Owner: TBD\n")
        try repository.commit("old debt")
        try repository.write("TASK_NEW.md", "Owner: Dana\n")
        try repository.git(["add", "-A"])
        XCTAssertEqual(try golint(["check", "--staged", "--changed"], in: repository.path).status, 0)
        XCTAssertEqual(try golint(["check", "--staged"], in: repository.path).status, 1)
        try repository.write(".golint.yml", "rules:\n  encoding: warning\n")
        try repository.git(["add", "-A"])
        XCTAssertEqual(try golint(["check", "--staged", "--changed"], in: repository.path).status, 1, "a configuration change checks everything")
    }

    func testInstallNeverOverwritesAForeignHookWithoutForce() throws {
        let repository = try TestRepository()
        try repository.write("README.md", "x\n")
        try repository.commit("start")
        let hook = repository.path + "/.git/hooks/pre-commit"
        let foreign = "#!/bin/sh\necho foreign-hook-ran\n"
        try foreign.write(toFile: hook, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hook)

        let refused = try golint(["install-hook"], in: repository.path)
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains("already exists; --force keeps it"), refused.stderr)
        XCTAssertEqual(try String(contentsOfFile: hook, encoding: .utf8), foreign)

        let forced = try golint(["install-hook", "--force"], in: repository.path)
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertEqual(try String(contentsOfFile: hook + ".golint-chained", encoding: .utf8), foreign)
        // Installing again updates golint's own hook and keeps the chain.
        XCTAssertEqual(try golint(["install-hook"], in: repository.path).status, 0)
        try repository.write("TASK_A.md", "Owner: TBD\n")
        try repository.git(["add", "-A"])
        let blocked = try commit(repository)
        XCTAssertEqual(blocked.status, 1)
        XCTAssertTrue((blocked.stdout + blocked.stderr).contains("foreign-hook-ran"))
        XCTAssertTrue(blocked.stderr.contains("placeholder 'TBD'"), blocked.stdout + blocked.stderr)
    }

    func testHonoursCoreHooksPath() throws {
        let repository = try TestRepository()
        try repository.git(["config", "core.hooksPath", ".githooks"])
        let result = try golint(["install-hook"], in: repository.path)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: repository.path + "/.githooks/pre-commit"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: repository.path + "/.git/hooks/pre-commit"))
    }

    func testThePreCommitFrameworkBlocksThenAllows() throws {
        let (repository, environment) = try repositoryUsingPreCommitFramework()
        try repository.write("docs/TASK_RELEASE.md", "## Eskalation\n\n- `[Primär-On-Call]`\n")
        try repository.git(["add", "-A"])
        let blocked = try commit(repository, environment: environment)
        XCTAssertNotEqual(blocked.status, 0)
        XCTAssertTrue((blocked.stdout + blocked.stderr).contains("placeholder '[Primär-On-Call]' is not replaced"), blocked.stdout + blocked.stderr)

        try repository.write("docs/TASK_RELEASE.md", "## Eskalation\n\n- `Dana Ruiz, +49 30 123`\n")
        try repository.git(["add", "-A"])
        let allowed = try commit(repository, environment: environment)
        XCTAssertEqual(allowed.status, 0, allowed.stdout + allowed.stderr)
    }

    static let launchPlan = """
        # Launch

        **Deadline:** 2026-03-01

        - [ ] Rehearse the rollback
        - [ ] Brief the support desk

        ## Sign-off

        - [x] Security — Carol Weiss, 2026-02-27

        """

    /// The hook judges a commit by what it adds: ticking a box passes beside old overdue work; a
    /// placeholder, an item already late, an empty sign-off or a reopened approval stops it, with
    /// a last line saying so and how to see everything.
    func testTheHookLetsProgressThroughAndStopsWhatACommitAdds() throws {
        let repository = try repositoryWithHook()
        try repository.write("docs/TASK_LAUNCH.md", Self.launchPlan)
        try repository.git(["add", "-A"])
        try repository.git(["commit", "-q", "--no-verify", "-m", "plan, already late"])
        try repository.write("docs/TASK_LAUNCH.md", Self.launchPlan.replacingOccurrences(of: "- [ ] Rehearse", with: "- [x] Rehearse"))
        try repository.git(["add", "-A"])
        let ticked = try commit(repository)
        XCTAssertEqual(ticked.status, 0, "progress beside old overdue work: " + ticked.stderr)
        let committed = try repository.git(["show", "HEAD:docs/TASK_LAUNCH.md"])
        for (name, change, finding) in [
            ("a placeholder", { (text: String) in text.replacingOccurrences(of: "# Launch\n", with: "# Launch\n\nOn-Call: [Primär-On-Call]\n") }, "[placeholder]"),
            ("an item already late", { $0.replacingOccurrences(of: "- [ ] Brief the support desk\n", with: "- [ ] Brief the support desk\n- [ ] Load-test (bis 2026-03-02)\n") }, "[overdue-item]"),
            ("an empty sign-off", { $0 + "- [ ] Product\n" }, "[missing-signature]"),
            ("a reopened approval", { $0.replacingOccurrences(of: "- [x] Security — Carol Weiss, 2026-02-27", with: "- [ ] Security") }, "[missing-signature]"),
        ] as [(String, (String) -> String, String)] {
            try repository.write("docs/TASK_LAUNCH.md", change(committed))
            try repository.git(["add", "-A"])
            let stopped = try commit(repository)
            XCTAssertEqual(stopped.status, 1, name)
            XCTAssertTrue(stopped.stderr.contains(finding), "\(name): \(stopped.stderr)")
            XCTAssertFalse(stopped.stderr.contains("Brief the support desk"), "\(name): old overdue work is not what stops it")
            XCTAssertTrue(stopped.stderr.hasSuffix("golint stopped this commit for the findings above, which it adds; everything it would commit: golint check --staged\n"),
                          "\(name): \(stopped.stderr)")
            try repository.git(["checkout", "-q", "HEAD", "--", "docs/TASK_LAUNCH.md"])
        }
    }

    /// Through the pre-commit framework: `golint` lets progress through; `golint-all` (here on the
    /// manual stage, as CI runs it with --all-files) fails on the committed overdue document.
    func testTheFrameworkJudgesChangesAndGolintAllChecksEverything() throws {
        let (repository, environment) = try repositoryUsingPreCommitFramework(
            committing: ["docs/TASK_LAUNCH.md": Self.launchPlan],
            hooks: "      - id: golint\n      - id: golint-all\n        stages: [manual]")
        try repository.write("docs/TASK_LAUNCH.md", Self.launchPlan.replacingOccurrences(of: "- [ ] Rehearse", with: "- [x] Rehearse"))
        try repository.git(["add", "-A"])
        let ticked = try commit(repository, environment: environment)
        XCTAssertEqual(ticked.status, 0, ticked.stdout + ticked.stderr)
        let tools = try pytools()
        let all = try TestRepository.run(tools + "/bin/pre-commit", ["run", "--all-files", "--hook-stage", "manual"], in: repository.path,
                                         environment: environment, check: false)
        XCTAssertNotEqual(all.status, 0, all.stdout)
        XCTAssertTrue(all.stdout.contains("'Brief the support desk' is not done"), all.stdout + all.stderr)
    }
}
