import Foundation
import FoundationXML
import GolintTestSupport
import XCTest

final class ReporterFormatTests: CLITestCase {
    private let goLiveDay = "--now=2026-03-06T12:00:00+01:00"

    private func seeded() throws -> TestRepository {
        let repository = try seededRepository()
        try repository.write("docs/TASK_CLEAN.md", "- [x] done\n")
        try repository.commit("seed")
        return repository
    }

    func testSARIFAsCodeScanningReadsIt() throws {
        let repository = try seeded()
        let result = try golint(["check", goLiveDay, "--format", "sarif", "--category", "launch-docs"], in: repository.path)
        XCTAssertEqual(result.status, 1)
        try assertCodeScanningAccepts(result.stdout)

        let sarif = try json(result)
        XCTAssertEqual(sarif["version"] as? String, "2.1.0")
        let run = try XCTUnwrap((sarif["runs"] as? [[String: Any]])?.first)
        XCTAssertEqual(run["automationDetails"] as? [String: String], ["id": "launch-docs/"])
        let invocation = try XCTUnwrap((run["invocations"] as? [[String: Any]])?.first)
        XCTAssertEqual(invocation["executionSuccessful"] as? Bool, true)
        let root = try XCTUnwrap((run["originalUriBaseIds"] as? [String: [String: String]])?["%SRCROOT%"]?["uri"])
        XCTAssertEqual(URL(string: root)?.resolvingSymlinksInPath().path, URL(fileURLWithPath: repository.path).resolvingSymlinksInPath().path)
        let rules = try XCTUnwrap((run["tool"] as? [String: Any]).flatMap { $0["driver"] as? [String: Any] }?["rules"] as? [[String: Any]])
        let overdue = try XCTUnwrap(rules.first { $0["id"] as? String == "overdue-item" })
        XCTAssertEqual(overdue["name"] as? String, "OverdueItem")
        XCTAssertTrue(((overdue["help"] as? [String: String])?["markdown"] ?? "").contains("```markdown\n# Plan\n\n**Deadline:** 2026-03-05\n\n- [ ] Rollback geprobt\n```"))
        let results = try XCTUnwrap(run["results"] as? [[String: Any]])
        XCTAssertEqual(results.count, 81)
        let placeholder = try XCTUnwrap(results.first { ($0["message"] as? [String: String])?["text"]?.contains("[Primär-On-Call]") == true })
        XCTAssertEqual(placeholder["ruleId"] as? String, "placeholder")
        XCTAssertEqual(placeholder["level"] as? String, "error")
        let location = try XCTUnwrap((placeholder["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        XCTAssertEqual((location["artifactLocation"] as? [String: String])?["uri"], "docs/TASK_RELEASE_MANAGER_GOLIVE.md")
        XCTAssertEqual(location["region"] as? [String: Int], ["startLine": 98, "startColumn": 4, "endLine": 98, "endColumn": 20])
        let hashes = results.compactMap { ($0["partialFingerprints"] as? [String: String])?["primaryLocationLineHash"] }
        XCTAssertEqual(hashes.count, 81)
        XCTAssertEqual(Set(hashes.map { "\($0)" }).count, 81, "a line hash with its occurrence is unique per result")
        let encoding = try XCTUnwrap(results.first { $0["ruleId"] as? String == "encoding" })
        XCTAssertEqual(encoding["level"] as? String, "warning")
    }

    /// Suppressed findings stay in SARIF, marked: inline comments `inSource`, waivers and baseline
    /// entries `external` with their justification; stale baseline entries are tool notifications.
    func testSARIFReportsSuppressedFindings() throws {
        let repository = try TestRepository()
        try repository.write(".golint.yml", """
        waivers:
          - rule: placeholder
            path: docs/TASK_X.md
            text: Vendor-Hotline
            reason: the vendor names the number at kick-off
            owner: Rita Release
            expires: 2026-12-31
        """)
        try repository.write("docs/TASK_X.md", """
        # Plan

        **Deadline:** 2026-03-05

        - [ ] Rollback geprobt <!-- golint-disable-line overdue-item -->
        - [ ] Call [Vendor-Hotline]
        - [ ] Call [Primär-On-Call]
        - [ ] Smoke tests
        """)
        try repository.commit("plan")
        let baseline = repository.path + "/golint-baseline.json"
        try """
        {"tool": "golint", "version": 1, "entries": [
          {"rule": "overdue-item", "path": "docs/TASK_X.md", "text": "- [ ] Smoke tests", "count": 1},
          {"rule": "overdue-item", "path": "docs/TASK_X.md", "text": "- [ ] Long gone", "count": 1}]}
        """.write(toFile: baseline, atomically: true, encoding: .utf8)
        let result = try golint(["check", "--now", "2026-03-06T12:00:00+01:00", "--format", "sarif", "--baseline", baseline], in: repository.path)
        XCTAssertEqual(result.status, 1, result.stderr)
        try assertCodeScanningAccepts(result.stdout)
        let run = try XCTUnwrap((try json(result)["runs"] as? [[String: Any]])?.first)
        let results = try XCTUnwrap(run["results"] as? [[String: Any]])
        func suppression(line: Int, rule: String) -> [String: String]? {
            let entry = results.first { result in
                let region = ((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["region"] as? [String: Int]
                return result["ruleId"] as? String == rule && region?["startLine"] == line
            }
            return (entry?["suppressions"] as? [[String: String]])?.first
        }
        XCTAssertEqual(suppression(line: 5, rule: "overdue-item"), ["kind": "inSource", "status": "accepted"])
        XCTAssertEqual(suppression(line: 6, rule: "placeholder")?["kind"], "external")
        XCTAssertTrue(suppression(line: 6, rule: "placeholder")?["justification"]?.contains("the vendor names the number at kick-off") == true)
        XCTAssertEqual(suppression(line: 8, rule: "overdue-item"), ["kind": "external", "status": "accepted", "justification": "baseline \(baseline)"])
        XCTAssertNil(suppression(line: 7, rule: "placeholder"), "an unsuppressed finding has no suppressions")
        XCTAssertEqual(results.count { $0["suppressions"] != nil }, 3)
        let notes = ((run["invocations"] as? [[String: Any]])?.first?["toolExecutionNotifications"] as? [[String: Any]]) ?? []
        XCTAssertEqual(notes.compactMap { ($0["message"] as? [String: String])?["text"] },
                       ["baseline entry no longer matches: docs/TASK_X.md [overdue-item] - [ ] Long gone"])
        // Other formats still leave suppressed findings out.
        let json = try json(golint(["check", "--now", "2026-03-06T12:00:00+01:00", "--format", "json", "--baseline", baseline], in: repository.path))
        XCTAssertEqual((json["findings"] as? [[String: Any]])?.count, 3, "line 7's placeholder and overdue items on lines 6 and 7")
    }

    /// A shallow clone whose approvals are traced says so: on stderr, and in SARIF as a notification.
    func testSARIFNotesAShallowClone() throws {
        let origin = try TestRepository()
        try origin.write(".golint.yml", "signoff:\n  roles:\n    Security: [carol@payments.example]\n")
        try origin.write("docs/TASK_LAUNCH.md", "# Launch\n\n## Sign-off\n\n- [x] Security — Carol Weiss, 2026-03-01\n")
        try origin.commit("Plan", author: "Carol Weiss", email: "carol@payments.example")
        try origin.write("README.md", "# Launch\n")
        try origin.commit("Readme")
        let clone = try TestRepository()
        try TestRepository.run("/usr/bin/env", ["git", "clone", "-q", "--depth", "1", "file://" + origin.path, clone.path + "/shallow"], in: clone.path)
        let result = try golint(["check", "--now", "2026-03-06T12:00:00+01:00", "--format", "sarif"], in: clone.path + "/shallow")
        XCTAssertNotEqual(result.status, 2, result.stderr)
        XCTAssertTrue(result.stderr.contains("shallow clone: approvals are traced only as far back as this clone's history goes"), result.stderr)
        try assertCodeScanningAccepts(result.stdout)
        let run = try XCTUnwrap((try json(result)["runs"] as? [[String: Any]])?.first)
        let notes = ((run["invocations"] as? [[String: Any]])?.first?["toolExecutionNotifications"] as? [[String: Any]]) ?? []
        XCTAssertEqual(notes.compactMap { ($0["message"] as? [String: String])?["text"] },
                       ["shallow clone: approvals are traced only as far back as this clone's history goes"])
    }

    func testGitHubAnnotations() throws {
        let repository = try seeded()
        let lines = try golint(["check", goLiveDay, "--format", "github"], in: repository.path).stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 81)
        XCTAssertTrue(lines.contains(
            "::error file=docs/TASK_RELEASE_MANAGER_GOLIVE.md,line=98,endLine=98,col=4,endColumn=20,title=golint placeholder::placeholder '[Primär-On-Call]' is not replaced"))
        XCTAssertTrue(lines.contains { $0.hasPrefix("::warning file=docs/MASTER_GOLIVE_COORDINATION.md,line=1,endLine=1,col=26,") })
        // Errors first: GitHub shows ten annotations of each kind per step.
        let kinds = lines.map { $0.prefix { $0 != " " } }
        XCTAssertEqual(kinds, kinds.sorted { $0 == "::error" && $1 != "::error" } )
        XCTAssertEqual(kinds.firstIndex(of: "::warning"), 80)
    }

    func testInfoFindingsAreNotices() throws {
        let repository = try TestRepository()
        try repository.write(".golint.yml", "rules:\n  placeholder: info\n")
        try repository.write("docs/TASK_X.md", "# Plan\n\n- [ ] Call [Primär-On-Call]\n")
        try repository.commit("plan")
        let output = try golint(["check", "--format", "github"], in: repository.path).stdout
        XCTAssertTrue(output.hasPrefix("::notice file=docs/TASK_X.md,line=3,endLine=3,col=12,endColumn=28,title=golint placeholder::"), output)
    }

    /// One test case per finding, one passing case per clean document, read by junitparser (PyPI).
    func testJUnitHasOneCasePerFinding() throws {
        let tools = try pytools()
        let repository = try seeded()
        let output = try golint(["check", goLiveDay, "--format", "junit"], in: repository.path).stdout
        let document = try XMLDocument(data: Data(output.utf8))
        let cases = try document.nodes(forXPath: "//testcase").compactMap { $0 as? XMLElement }
        XCTAssertEqual(cases.count, 82, "81 findings and one clean document")
        XCTAssertEqual(try document.nodes(forXPath: "//testcase[@classname='docs/TASK_RELEASE_MANAGER_GOLIVE.md']/failure").count, 21)
        XCTAssertEqual(try document.nodes(forXPath: "//testcase[@classname='docs/TASK_CLEAN.md']").count, 1)
        XCTAssertEqual(try document.nodes(forXPath: "//testcase[@classname='docs/TASK_CLEAN.md']/failure").count, 0)
        for testCase in cases { XCTAssertLessThanOrEqual(testCase.elements(forName: "failure").count, 1) }
        let keys = cases.map { "\($0.attribute(forName: "classname")!.stringValue!) \($0.attribute(forName: "name")!.stringValue!)" }
        XCTAssertEqual(Set(keys).count, keys.count, "names are unique within a class")
        XCTAssertEqual(document.rootElement()?.attribute(forName: "failures")?.stringValue, "81")
        XCTAssertEqual(document.rootElement()?.attribute(forName: "tests")?.stringValue, "82")

        try output.write(toFile: repository.path + "/golint.xml", atomically: true, encoding: .utf8)
        let read = """
        from junitparser import JUnitXml, Failure
        xml = JUnitXml.fromfile("golint.xml")
        cases = [case for suite in xml for case in suite]
        failed = [case for case in cases if any(isinstance(r, Failure) for r in case.result)]
        print(len(cases), len(failed), len({(c.classname, c.name) for c in cases}))
        """
        let parsed = try TestRepository.run(tools + "/bin/python", ["-c", read], in: repository.path, check: false)
        XCTAssertEqual(parsed.stdout, "82 81 82\n", parsed.stderr)
        // The structure Jenkins' JUnit plugin reads, as an XML schema (xmlschema from PyPI validates).
        let validate = "import xmlschema; xmlschema.XMLSchema('\(Fixtures.directory)/schemas/jenkins-junit.xsd').validate('golint.xml'); print('valid')"
        let valid = try TestRepository.run(tools + "/bin/python", ["-c", validate], in: repository.path, check: false)
        XCTAssertEqual(valid.stdout, "valid\n", valid.stderr)
    }

    /// An `info` finding is a passing case that carries its message: it informs, it fails nothing.
    func testJUnitInfoFindingsPassWithTheirMessage() throws {
        let repository = try TestRepository()
        try repository.write(".golint.yml", "rules:\n  placeholder: info\n")
        try repository.write("docs/TASK_X.md", "# Plan\n\n- [ ] Call [Primär-On-Call]\n")
        try repository.commit("plan")
        let output = try golint(["check", "--format", "junit"], in: repository.path).stdout
        let document = try XMLDocument(data: Data(output.utf8))
        XCTAssertEqual(document.rootElement()?.attribute(forName: "failures")?.stringValue, "0", output)
        XCTAssertEqual(try document.nodes(forXPath: "//testcase/failure").count, 0, output)
        let carried = try document.nodes(forXPath: "//testcase[@name='placeholder at 3:12']/system-out").map { $0.stringValue ?? "" }
        XCTAssertEqual(carried, ["docs/TASK_X.md:3:12: info: placeholder '[Primär-On-Call]' is not replaced [placeholder]"], output)
    }

    /// GitLab Code Quality, validated against the report format GitLab documents.
    func testCodeQualityValidatesAgainstGitLabsFormat() throws {
        let tools = try pytools()
        let repository = try seeded()
        let result = try golint(["check", goLiveDay, "--format", "codequality"], in: repository.path)
        XCTAssertEqual(result.status, 1)
        try result.stdout.write(toFile: repository.path + "/gl-code-quality.json", atomically: true, encoding: .utf8)
        let validate = """
        import json, jsonschema
        schema = json.load(open("\(Fixtures.directory)/schemas/gitlab-code-quality.json"))
        report = json.load(open("gl-code-quality.json"))
        jsonschema.validate(report, schema)
        print(len(report), len({issue["fingerprint"] for issue in report}))
        """
        let check = try TestRepository.run(tools + "/bin/python", ["-c", validate], in: repository.path, check: false)
        XCTAssertEqual(check.stdout, "81 81\n", check.stderr)
        let issues = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let placeholder = try XCTUnwrap(issues.first { ($0["description"] as? String)?.contains("[Primär-On-Call]") == true })
        XCTAssertEqual(placeholder["check_name"] as? String, "placeholder")
        XCTAssertEqual(placeholder["severity"] as? String, "major")
        XCTAssertEqual(placeholder["location"] as? NSDictionary, ["path": "docs/TASK_RELEASE_MANAGER_GOLIVE.md", "lines": ["begin": 98]])
    }

    /// `check --format markdown`: the launch status, then the findings, errors first.
    func testMarkdownForPullRequestComments() throws {
        let repository = try seeded()
        let output = try golint(["check", goLiveDay, "--format", "markdown"], in: repository.path).stdout
        XCTAssertTrue(output.hasPrefix("### Launch status\n"), output)
        XCTAssertTrue(output.contains("### golint check: 80 errors, 1 warning in 3 documents"), output)
        let rows = output.split(separator: "\n").filter { $0.hasPrefix("| error |") || $0.hasPrefix("| warning |") }
        XCTAssertEqual(rows.count, 81)
        XCTAssertTrue(rows.last!.hasPrefix("| warning |"))
        XCTAssertTrue(rows.contains("| error | docs/TASK_RELEASE_MANAGER_GOLIVE.md:98 | placeholder '[Primär-On-Call]' is not replaced | `placeholder` |"))
    }

    /// Every command accepts exactly its formats.
    func testEachCommandTakesOnlyItsFormats() throws {
        let repository = try seeded()
        for (command, format) in [("check", "csv"), ("status", "sarif"), ("status", "csv"), ("history", "sarif"), ("history", "junit"),
                                  ("history", "codequality"), ("check", "html")] {
            let result = try golint([command, "--format", format], in: repository.path)
            XCTAssertEqual(result.status, 2, "\(command) --format \(format)")
            XCTAssertTrue(result.stdout.isEmpty)
        }
        XCTAssertEqual(try golint(["check", "--output", "csv=x.csv"], in: repository.path).status, 2)
    }

    func testSeveralOutputsAtOnceAndNoneOnFailure() throws {
        let repository = try seeded()
        let result = try golint(["check", goLiveDay, "--output", "sarif=out/x.sarif", "--output", "junit=golint.xml", "--output", "json=golint.json"],
                                in: repository.path)
        XCTAssertEqual(result.status, 2, "out/ does not exist: the run fails before printing")
        XCTAssertEqual(result.stdout, "")
        let ok = try golint(["check", goLiveDay, "--output", "junit=golint.xml", "--output", "json=golint.json"], in: repository.path)
        XCTAssertEqual(ok.status, 1)
        XCTAssertTrue(ok.stdout.hasSuffix("at HEAD\n"), "text still goes to stdout")
        XCTAssertTrue(FileManager.default.fileExists(atPath: repository.path + "/golint.xml"))
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: repository.path + "/golint.json"))) as? [String: Any]
        XCTAssertEqual((json?["summary"] as? [String: Int])?["errors"], 80)

        let failing = try golint(["check", "--rev", "nope", "--output", "json=never.json"], in: repository.path)
        XCTAssertEqual(failing.status, 2)
        XCTAssertFalse(FileManager.default.fileExists(atPath: repository.path + "/never.json"))
        XCTAssertEqual(try golint(["check", "--output", "yaml=x"], in: repository.path).status, 2)
    }
}
