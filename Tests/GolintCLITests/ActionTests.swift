import Foundation
import GolintTestSupport
import XCTest
import Yams

/// `action.yml`, parsed and run as the runner would: each shell step's script with its `${{ }}`
/// expressions filled in and the runner's files and variables (GITHUB_PATH, GITHUB_OUTPUT,
/// GITHUB_STEP_SUMMARY, GITHUB_ACTION_PATH, RUNNER_TEMP) standing in, golint installed from the
/// release archive `make dist` builds.
final class ActionTests: CLITestCase {
    private func action() throws -> [String: Any] {
        let text = try String(contentsOfFile: CLITestCase.packageRoot + "/action.yml", encoding: .utf8)
        return try XCTUnwrap(try Yams.load(yaml: text) as? [String: Any])
    }

    func testInputsAndSteps() throws {
        let action = try action()
        let inputs = try XCTUnwrap(action["inputs"] as? [String: Any])
        XCTAssertEqual(Set(inputs.keys), ["rev", "paths", "format", "sarif", "category", "summary", "releases-url"])
        let runs = try XCTUnwrap(action["runs"] as? [String: Any])
        XCTAssertEqual(runs["using"] as? String, "composite")
        let steps = try XCTUnwrap(runs["steps"] as? [[String: Any]])
        let upload = try XCTUnwrap(steps.first { ($0["uses"] as? String)?.hasPrefix("github/codeql-action/upload-sarif@") == true })
        XCTAssertEqual(upload["with"] as? [String: String], ["sarif_file": "${{ inputs.sarif }}", "category": "${{ inputs.category }}"])
        for step in steps where step["run"] != nil { XCTAssertEqual(step["shell"] as? String, "bash", "\(step["name"] ?? "")") }
    }

    /// The lint step on a pull request passes the merge base of the base branch as `--new-since`;
    /// on a push (no base) it checks everything. Run with a stand-in golint that records its arguments.
    func testAPullRequestIsCheckedAgainstItsMergeBase() throws {
        let steps = try XCTUnwrap((try action()["runs"] as? [String: Any])?["steps"] as? [[String: Any]])
        let lint = try XCTUnwrap(steps.first { $0["id"] as? String == "check" })
        let script = try XCTUnwrap(lint["run"] as? String)
        let repository = try TestRepository()
        try repository.write("docs/TASK_A.md", "- [ ] one\n")
        try repository.commit("base")
        let base = try repository.git(["rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
        try repository.git(["checkout", "-q", "-b", "topic"])
        try repository.write("docs/TASK_A.md", "- [ ] one\n- [ ] two\n")
        try repository.commit("topic")
        let bin = repository.path + "/../bin-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: bin) }
        try "#!/bin/sh\necho \"$@\" >> \"$ARGUMENTS_FILE\"\n".write(toFile: bin + "/golint", atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: bin + "/golint")
        for (baseSHA, expected) in [(base, "check --rev HEAD --format github --new-since \(base) --base \(base)"), ("", "check --rev HEAD --format github")] {
            let record = bin + "/arguments-\(UUID().uuidString)"
            let environment = ["GOLINT_REV": "HEAD", "GOLINT_PATHS": "", "GOLINT_FORMAT": "github", "GOLINT_SARIF": "", "GOLINT_CATEGORY": "",
                               "GOLINT_SUMMARY": "false", "GOLINT_BASE_SHA": baseSHA, "GITHUB_OUTPUT": bin + "/output",
                               "ARGUMENTS_FILE": record, "PATH": bin + ":/usr/bin:/bin"]
            _ = try TestRepository.run("/bin/bash", ["-c", script], in: repository.path, environment: environment)
            XCTAssertEqual(try String(contentsOfFile: record, encoding: .utf8), expected + "\n")
        }
    }

    func testStepsRunAsTheRunnerRunsThem() throws {
        let archive = try XCTUnwrap(ProcessInfo.processInfo.environment["GOLINT_DIST_ARCHIVE"],
                                    "make test names the archive make dist built in GOLINT_DIST_ARCHIVE")
        let repository = try seededRepository()
        try repository.commit("seeds")
        let runner = repository.path + "/../runner-\(UUID().uuidString)"
        let releases = runner + "/releases/v0.1.0"
        try FileManager.default.createDirectory(atPath: releases, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: runner + "/temp", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: runner) }
        try FileManager.default.copyItem(atPath: archive, toPath: releases + "/" + URL(fileURLWithPath: archive).lastPathComponent)
        for file in ["path", "output", "summary"] { XCTAssertTrue(FileManager.default.createFile(atPath: runner + "/" + file, contents: nil)) }
        let sha = try repository.git(["rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let inputs = ["rev": "", "paths": "docs", "format": "github", "sarif": "golint.sarif", "category": "launch", "summary": "true",
                      "releases-url": "file://" + runner + "/releases"]
        var outputs: [String: String] = [:]
        // The expressions action.yml uses, as the runner evaluates them here; an expression not
        // listed fails the test, so that this stand-in follows the action.
        func evaluate(_ expression: String) throws -> String {
            let inner = expression.trimmingCharacters(in: .whitespaces)
            switch inner {
            case "inputs.releases-url || format('https://github.com/{0}/releases/download', github.action_repository)": return inputs["releases-url"]!
            case "inputs.rev || github.sha": return inputs["rev"]!.isEmpty ? sha : inputs["rev"]!
            case "github.event.pull_request.base.sha || github.event.merge_group.base_sha": return ""
            case "steps.check.outputs.exit-code": return outputs["exit-code"] ?? ""
            case "steps.check.outputs.exit-code != '0'": return outputs["exit-code"] != "0" ? "true" : "false"
            case let input where input.hasPrefix("inputs."): return try XCTUnwrap(inputs[String(input.dropFirst(7))], input)
            default:
                XCTFail("the stand-in does not know the expression \(inner)")
                return ""
            }
        }
        func filled(_ text: String) throws -> String {
            var result = text
            while let open = result.range(of: "${{"), let close = result.range(of: "}}", range: open.upperBound..<result.endIndex) {
                result.replaceSubrange(open.lowerBound..<close.upperBound, with: try evaluate(String(result[open.upperBound..<close.lowerBound])))
            }
            return result
        }
        let steps = try XCTUnwrap((try action()["runs"] as? [String: Any])?["steps"] as? [[String: Any]])
        var path = "/usr/bin:/bin"
        var statuses: [String: Int32] = [:]
        for step in steps {
            let name = step["name"] as? String ?? ""
            if let condition = step["if"] as? String, condition.contains("steps.check.outputs.exit-code"), try filled(condition) == "false" { continue }
            guard let script = step["run"] as? String else { continue }
            var environment = ["GITHUB_ACTION_PATH": CLITestCase.packageRoot, "RUNNER_TEMP": runner + "/temp", "GITHUB_PATH": runner + "/path",
                               "GITHUB_OUTPUT": runner + "/output", "GITHUB_STEP_SUMMARY": runner + "/summary", "GITHUB_SHA": sha,
                               "GITHUB_WORKSPACE": repository.path, "PATH": path, "HOME": runner]
            for (key, value) in step["env"] as? [String: String] ?? [:] { environment[key] = try filled(value) }
            let result = try TestRepository.run("/bin/bash", ["-e", "-c", try filled(script)], in: repository.path, environment: environment, check: false)
            statuses[name] = result.status
            if name != "Lint the checklists" && name != "Fail on errors" { XCTAssertEqual(result.status, 0, "\(name): \(result.stdout) \(result.stderr)") }
            if name == "Install golint" { XCTAssertTrue(result.stdout.contains("golint 0.1.0 from file://"), "installed from the archive: \(result.stdout)") }
            if name == "Lint the checklists" {
                XCTAssertTrue(result.stdout.hasPrefix("::error file=docs/"), result.stdout)
            }
            // What a step adds to GITHUB_PATH comes first on PATH for the steps after it.
            let added = try String(contentsOfFile: runner + "/path", encoding: .utf8).split(separator: "\n").reversed().joined(separator: ":")
            path = added.isEmpty ? "/usr/bin:/bin" : added + ":/usr/bin:/bin"
            for line in try String(contentsOfFile: runner + "/output", encoding: .utf8).split(separator: "\n") {
                let parts = line.split(separator: "=", maxSplits: 1)
                if parts.count == 2 { outputs[String(parts[0])] = String(parts[1]) }
            }
        }
        XCTAssertEqual(outputs["exit-code"], "1")
        XCTAssertEqual(statuses["Lint the checklists"], 0, "findings fail the job only after the SARIF upload")
        XCTAssertEqual(statuses["Fail on errors"], 1)
        try assertCodeScanningAccepts(try String(contentsOfFile: repository.path + "/golint.sarif", encoding: .utf8))
        let summary = try String(contentsOfFile: runner + "/summary", encoding: .utf8)
        XCTAssertTrue(summary.hasPrefix("### Launch status") && summary.contains("| Severity | Location | Finding | Rule |"), summary)
    }
}
