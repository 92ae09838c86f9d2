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
        XCTAssertTrue(run.contains("golint check --rev \"$GITHUB_SHA\" ${GITHUB_BASE_REF:+--trust-rev \"origin/$GITHUB_BASE_REF\"} --format github --output sarif=golint.sarif"))
        let upload = try XCTUnwrap(steps.first { ($0["uses"] as? String)?.hasPrefix("github/codeql-action/upload-sarif") == true })
        XCTAssertEqual((upload["with"] as? [String: String])?["sarif_file"], "golint.sarif")
        XCTAssertEqual(upload["if"] as? String, "always()")
    }

    /// The lint step as the runner runs it: on a pull request the base branch's approvers judge a
    /// branch that makes its author an approver; on a push the revision's own configuration does.
    func testGitHubLintStepPinsApproversToTheBaseBranch() throws {
        let workflow = try load("github-actions.yml")
        let job = try XCTUnwrap((workflow["jobs"] as? [String: Any])?["golint"] as? [String: Any])
        let steps = try XCTUnwrap(job["steps"] as? [[String: Any]])
        let lint = try XCTUnwrap(steps.compactMap { $0["run"] as? String }.first { $0.contains("golint check") })
            .replacingOccurrences(of: "/tmp/golint/.build/release/golint", with: CLITestCase.binary)
        let repository = try TestRepository()
        try repository.write(".golint.yml", "signoff:\n  roles:\n    Security: [carol@payments.example]\n")
        try repository.write("docs/TASK_LAUNCH.md", "# Launch\n\n## Sign-off\n\n- [ ] Security\n")
        try repository.commit("Plan", author: "Alice Adler", email: "alice@payments.example")
        try repository.git(["update-ref", "refs/remotes/origin/main", "HEAD"])
        try repository.git(["checkout", "-q", "-b", "self-approval"])
        try repository.write(".golint.yml", "signoff:\n  roles:\n    Security: [carol@payments.example, dave@payments.example]\n")
        try repository.write("docs/TASK_LAUNCH.md", "# Launch\n\n## Sign-off\n\n- [x] Security — Dave Mallory, 2026-03-01\n")
        let head = try repository.commit("Approve", author: "Dave Mallory", email: "dave@payments.example")
        let pullRequest = try TestRepository.run("/bin/sh", ["-c", lint], in: repository.path,
                                                 environment: ["GITHUB_SHA": head, "GITHUB_BASE_REF": "main"], check: false)
        XCTAssertEqual(pullRequest.status, 1, pullRequest.stderr)
        XCTAssertTrue(pullRequest.stdout.contains("::error file=docs/TASK_LAUNCH.md") && pullRequest.stdout.contains("signoff-unauthorized"), pullRequest.stdout)
        let push = try TestRepository.run("/bin/sh", ["-c", lint], in: repository.path, environment: ["GITHUB_SHA": head], check: false)
        XCTAssertEqual(push.status, 0, push.stdout + push.stderr)
    }

    func testGitLabJobReportsJUnitAndCodeQuality() throws {
        let pipeline = try load("gitlab-ci.yml")
        let job = try XCTUnwrap(pipeline["golint"] as? [String: Any])
        let script = try XCTUnwrap(job["script"] as? [String]).joined(separator: "\n")
        XCTAssertTrue(script.contains("--output junit=golint-junit.xml --output codequality=gl-code-quality.json"))
        let reports = try XCTUnwrap((job["artifacts"] as? [String: Any])?["reports"] as? [String: String])
        XCTAssertEqual(reports, ["junit": "golint-junit.xml", "codequality": "gl-code-quality.json"])
    }

    func testGitHubActionExampleUsesTheActionsInputs() throws {
        let workflow = try load("github-action.yml")
        let job = try XCTUnwrap((workflow["jobs"] as? [String: Any])?["golint"] as? [String: Any])
        let step = try XCTUnwrap((job["steps"] as? [[String: Any]])?.first { ($0["uses"] as? String)?.hasPrefix("golint/golint@") == true })
        let action = try XCTUnwrap(try Yams.load(yaml: String(contentsOfFile: CLITestCase.packageRoot + "/action.yml", encoding: .utf8)) as? [String: Any])
        let inputs = Set((action["inputs"] as? [String: Any] ?? [:]).keys)
        XCTAssertTrue(Set((step["with"] as? [String: String] ?? [:]).keys).isSubset(of: inputs))
        XCTAssertEqual((workflow["permissions"] as? [String: String])?["security-events"], "write")
    }

    /// The Jenkins stage's golint command passes on findings (exit 1) but not on a failure to run.
    func testJenkinsStageKeepsGoingOnFindingsOnly() throws {
        let text = try String(contentsOfFile: CLITestCase.packageRoot + "/examples/ci/Jenkinsfile", encoding: .utf8)
        XCTAssertTrue(text.contains("junit testResults: 'golint-junit.xml'") && text.contains("sarif(pattern: 'golint.sarif'"))
        let line = try XCTUnwrap(text.split(separator: "\n").first { $0.contains("bin/golint check") })
        let command = try XCTUnwrap(line.split(separator: "'").dropFirst().first).replacingOccurrences(of: "golint-0.1.0-linux-x86_64/bin/golint", with: CLITestCase.binary)
        let repository = try seededRepository()
        let commit = try repository.commit("seeds")
        let findings = try TestRepository.run("/bin/sh", ["-c", command], in: repository.path, environment: ["GIT_COMMIT": commit], check: false)
        XCTAssertEqual(findings.status, 0, findings.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: repository.path + "/golint-junit.xml"))
        let broken = try TestRepository.run("/bin/sh", ["-c", command], in: repository.path, environment: ["GIT_COMMIT": "no-such-commit"], check: false)
        XCTAssertNotEqual(broken.status, 0)
    }

    func testPreCommitHooksManifest() throws {
        let text = try String(contentsOfFile: CLITestCase.packageRoot + "/.pre-commit-hooks.yaml", encoding: .utf8)
        let hooks = try XCTUnwrap(try Yams.load(yaml: text) as? [[String: Any]])
        XCTAssertEqual(hooks.compactMap { $0["id"] as? String }, ["golint", "golint-all", "golint-build"])
        // A commit is judged by what it adds; `golint-all` (--all-files, CI) checks everything.
        XCTAssertEqual(hooks.map { $0["entry"] as? String }, ["golint check --staged --changed --new-since HEAD --quiet", "golint check --staged --quiet",
                                                              "golint check --staged --changed --new-since HEAD --quiet"])
        let files = try XCTUnwrap(hooks.first?["files"] as? String)
        let regex = try NSRegularExpression(pattern: files)
        // Only the skip-what-golint-never-reads filter: golint decides which staged files matter.
        for hook in hooks {
            XCTAssertEqual(hook["pass_filenames"] as? Bool, false)
            XCTAssertEqual(hook["stages"] as? [String], hook["id"] as? String == "golint-all" ? ["pre-commit", "manual"] : ["pre-commit"])
        }
        XCTAssertEqual(hooks.first?["language"] as? String, "unsupported")
        for (path, matches) in [("docs/TASK_X.md", true), ("13_GO_LIVE_CHECKLIST.MD", true), ("plans/launch.markdown", true),
                                (".golint.yml", true), ("rules/team.yaml", true), ("README.md", true),
                                ("docs/TASK_X.txt", false), ("src/main.c", false)] {
            let found = regex.firstMatch(in: path, range: NSRange(path.startIndex..., in: path)) != nil
            XCTAssertEqual(found, matches, path)
        }
    }

    /// The scheduled jobs check the default branch in full and post the agenda golint writes: run
    /// with a stand-in curl that keeps the body, which must be a Block Kit message.
    func testScheduledJobsPostTheAgenda() throws {
        let github = try load("github-schedule.yml")
        XCTAssertNotNil(((github["on"] ?? github["true"]) as? [String: Any])?["schedule"])
        let steps = try XCTUnwrap(((github["jobs"] as? [String: Any])?["agenda"] as? [String: Any])?["steps"] as? [[String: Any]])
        XCTAssertTrue(steps.contains { ($0["uses"] as? String)?.hasPrefix("golint/golint@") == true }, "the full check on the default branch")
        let githubScript = try XCTUnwrap(steps.compactMap { $0["run"] as? String }.first { $0.contains("golint agenda") })
        let gitlab = try XCTUnwrap(try load("gitlab-schedule.yml")["golint-agenda"] as? [String: Any])
        let gitlabScript = try XCTUnwrap(gitlab["script"] as? [String]).joined(separator: "\n")
            .replacingOccurrences(of: "/tmp/golint/.build/release/golint", with: "golint")
        let repository = try demoRepository()
        let bin = repository.path + "/../bin-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: bin) }
        try "#!/bin/sh\nfor a; do case $a in @*) cat \"${a#@}\" > \"$POSTED\";; esac; done\n".write(toFile: bin + "/curl", atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: bin + "/curl")
        for script in [githubScript, gitlabScript] {
            let posted = bin + "/posted-\(UUID().uuidString).json"
            let environment = ["PATH": bin + ":" + URL(fileURLWithPath: CLITestCase.binary).deletingLastPathComponent().path + ":/usr/bin:/bin",
                               "POSTED": posted, "SLACK_WEBHOOK_URL": "https://hooks.example/T0", "CI_COMMIT_SHA": "HEAD"]
            let run = try TestRepository.run("/bin/sh", ["-ec", script], in: repository.path, environment: environment, check: false)
            XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
            let body = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: posted))) as? [String: Any])
            XCTAssertEqual(((body["blocks"] as? [[String: Any]])?.first)?["type"] as? String, "header")
            try? FileManager.default.removeItem(atPath: repository.path + "/.golint-agenda.json")
        }
    }
}
