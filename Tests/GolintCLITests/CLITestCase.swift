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

    func json(_ output: TestRepository.Output) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8))
        return try XCTUnwrap(object as? [String: Any], output.stdout)
    }

    func findings(_ output: TestRepository.Output) throws -> [[String: Any]] {
        try XCTUnwrap(try json(output)["findings"] as? [[String: Any]])
    }
}
