import Foundation
import GolintTestSupport
import XCTest
import Yams

/// The CI examples in examples/ci parse, and run golint the way the README says.
final class CIExampleTests: CLITestCase {
    private func load(_ name: String) throws -> [String: Any] {
        let text = try String(contentsOfFile: CLITestCase.packageRoot + "/examples/ci/" + name, encoding: .utf8)
        return try XCTUnwrap(try Yams.load(yaml: text) as? [String: Any], name)
    }

    func testGitHubActionsWorkflowUploadsSARIF() throws {
        let workflow = try load("github-actions.yml")
        XCTAssertNotNil(workflow["on"] ?? workflow["true"], "YAML 1.1 reads the key `on` as true")
        XCTAssertEqual((workflow["permissions"] as? [String: String])?["security-events"], "write")
        let job = try XCTUnwrap((workflow["jobs"] as? [String: Any])?["golint"] as? [String: Any])
        let steps = try XCTUnwrap(job["steps"] as? [[String: Any]])
        let run = steps.compactMap { $0["run"] as? String }.joined(separator: "\n")
        XCTAssertTrue(run.contains("golint check --rev \"$GITHUB_SHA\" --format github --output sarif=golint.sarif"))
        let upload = try XCTUnwrap(steps.first { ($0["uses"] as? String)?.hasPrefix("github/codeql-action/upload-sarif") == true })
        XCTAssertEqual((upload["with"] as? [String: String])?["sarif_file"], "golint.sarif")
        XCTAssertEqual(upload["if"] as? String, "always()")
    }

    func testGitLabJobReportsJUnit() throws {
        let pipeline = try load("gitlab-ci.yml")
        let job = try XCTUnwrap(pipeline["golint"] as? [String: Any])
        let script = try XCTUnwrap(job["script"] as? [String]).joined(separator: "\n")
        XCTAssertTrue(script.contains("--output junit=golint-junit.xml"))
        let reports = try XCTUnwrap((job["artifacts"] as? [String: Any])?["reports"] as? [String: String])
        XCTAssertEqual(reports["junit"], "golint-junit.xml")
    }

    func testPreCommitHooksManifest() throws {
        let text = try String(contentsOfFile: CLITestCase.packageRoot + "/.pre-commit-hooks.yaml", encoding: .utf8)
        let hooks = try XCTUnwrap(try Yams.load(yaml: text) as? [[String: Any]])
        XCTAssertEqual(hooks.compactMap { $0["id"] as? String }, ["golint", "golint-build"])
        let files = try XCTUnwrap(hooks.first?["files"] as? String)
        let regex = try NSRegularExpression(pattern: files)
        // Only the skip-what-golint-never-reads filter: golint decides which staged files matter.
        for hook in hooks {
            XCTAssertEqual(hook["pass_filenames"] as? Bool, false)
            XCTAssertEqual(hook["stages"] as? [String], ["pre-commit"])
        }
        XCTAssertEqual(hooks.first?["language"] as? String, "unsupported")
        for (path, matches) in [("docs/TASK_X.md", true), ("13_GO_LIVE_CHECKLIST.MD", true), ("plans/launch.markdown", true),
                                (".golint.yml", true), ("rules/team.yaml", true), ("README.md", true),
                                ("docs/TASK_X.txt", false), ("src/main.c", false)] {
            let found = regex.firstMatch(in: path, range: NSRange(path.startIndex..., in: path)) != nil
            XCTAssertEqual(found, matches, path)
        }
    }
}
