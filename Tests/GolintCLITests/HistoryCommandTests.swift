import Foundation
import GolintTestSupport
import XCTest

final class HistoryCommandTests: CLITestCase {
    func testJSONShape() throws {
        let repository = try demoRepository()
        let result = try golint(["history", "--format", "json"], in: repository.path)
        XCTAssertEqual(result.status, 0, result.stderr)
        let report = try json(result)
        XCTAssertEqual(report["tool"] as? String, "golint")
        XCTAssertEqual(report["commits"] as? Int, 5)
        let events = try XCTUnwrap(report["events"] as? [[String: Any]])
        XCTAssertEqual(events.count, 24)
        let checked = try XCTUnwrap(events.first { $0["kind"] as? String == "checked" })
        XCTAssertEqual(checked.keys.sorted(), ["after", "author", "before", "commit", "committer", "item", "kind", "line", "path", "signature", "stale", "time", "verified"])
        XCTAssertEqual(checked["author"] as? [String: String], ["name": "Dev Ops", "email": "dev@example.com"])
        XCTAssertEqual(checked["time"] as? String, "2026-03-02T17:30:00+01:00")
        XCTAssertEqual(checked["item"] as? String, "VPC, Subnets, Security Groups online")
        XCTAssertEqual(checked["before"] as? String, "- [ ] VPC, Subnets, Security Groups online")
        XCTAssertEqual(checked["after"] as? String, "- [x] VPC, Subnets, Security Groups online")
        XCTAssertEqual(checked["committer"] as? [String: String], ["name": "Dev Ops", "email": "dev@example.com"])
        let signature = try XCTUnwrap(checked["signature"] as? [String: Any])
        XCTAssertEqual(signature["status"] as? String, "none")
        XCTAssertTrue(signature["format"] is NSNull && signature["signer"] is NSNull, "\(signature)")
        XCTAssertTrue(checked["verified"] is NSNull, "verified is null on events that give no approval")
        XCTAssertEqual((checked["commit"] as? String)?.count, 40)
        // Oldest first.
        let times = events.compactMap { $0["time"] as? String }
        XCTAssertEqual(times, times.sorted())
    }

    func testMarkdownAndCSVShapes() throws {
        let repository = try demoRepository()
        let markdown = try golint(["history", "--format", "markdown"], in: repository.path).stdout.split(separator: "\n")
        XCTAssertEqual(markdown.first, "| Time | Commit | Author | Committer | Signature | Document | Line | Event | Item | Before | After | Verified | Stale |")
        XCTAssertEqual(markdown.count, 2 + 24)
        XCTAssertTrue(markdown.allSatisfy { $0.hasPrefix("|") && $0.hasSuffix("|") })
        let csv = try golint(["history", "--format", "csv"], in: repository.path).stdout
        let rows = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        XCTAssertEqual(rows.first, "commit,author,email,committer,committer_email,signature,signer,time,path,kind,item,line,before,after,verified,stale")
        XCTAssertEqual(rows.count, 1 + 24)
        XCTAssertTrue(rows.contains { $0.contains(",checked,\"VPC, Subnets, Security Groups online\",10,") }, csv)
    }

    func testDeterministic() throws {
        let repository = try demoRepository()
        for format in ["text", "json", "csv", "markdown"] {
            let first = try golint(["history", "--format", format], in: repository.path).stdout
            let second = try golint(["history", "--format", format], in: repository.path).stdout
            XCTAssertEqual(first, second, format)
            XCTAssertFalse(first.isEmpty, format)
        }
    }

    func testShallowCloneStopsWithANote() throws {
        let origin = try demoRepository()
        let clone = TestRepository(existing: NSTemporaryDirectory() + "golint-shallow-" + UUID().uuidString)
        try TestRepository.run("/usr/bin/env", ["git", "clone", "-q", "--depth", "2", "file://" + origin.path, clone.path], in: NSTemporaryDirectory())
        let result = try golint(["history", "--format", "json"], in: clone.path)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.hasPrefix("golint: note: shallow clone; history stops at "), result.stderr)
        let report = try json(result)
        XCTAssertEqual((report["shallowBoundary"] as? [String])?.count, 1)
        let events = try XCTUnwrap(report["events"] as? [[String: Any]])
        XCTAssertEqual(events.compactMap { $0["kind"] as? String }, ["checked"])
        XCTAssertEqual(events.first?["item"] as? String, "Product")
        // check works on a shallow clone too.
        XCTAssertEqual(try golint(["check", "--now", "2026-03-01T00:00:00Z"], in: clone.path).status, 1)
    }

    func testDiffAndBlameCommands() throws {
        let repository = try demoRepository()
        let diff = try golint(["diff", "HEAD~2", "HEAD", "--format", "json"], in: repository.path)
        XCTAssertEqual(diff.status, 0, diff.stderr)
        let kinds = try XCTUnwrap(try json(diff)["events"] as? [[String: Any]]).compactMap { $0["kind"] as? String }
        XCTAssertEqual(kinds.sorted(), ["checked", "deadline-changed", "unchecked"])

        let blame = try golint(["blame", "docs/13_GO_LIVE_CHECKLIST.md"], in: repository.path)
        XCTAssertEqual(blame.status, 0, blame.stderr)
        let lines = blame.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 8)
        XCTAssertTrue(lines.contains { $0.contains("[x] Product") && $0.contains("checked by Pat Product") }, blame.stdout)
        XCTAssertTrue(lines.contains { $0.contains("[x] Security — Sam Secure, 2026-03-03") && $0.contains("signed by Sam Secure") }, blame.stdout)
        let fromDocs = try golint(["blame", "13_GO_LIVE_CHECKLIST.md", "--format", "json"], in: repository.path + "/docs")
        XCTAssertEqual(fromDocs.status, 0, fromDocs.stderr)
    }

    func testBadInputExitsTwo() throws {
        let repository = try demoRepository()
        for arguments in [["history", "--since", "nope"], ["diff", "HEAD", "nope"], ["blame", "docs/NOPE.md"], ["history", "--format", "sarif"]] {
            let result = try golint(arguments, in: repository.path)
            XCTAssertEqual(result.status, 2, "\(arguments)")
            XCTAssertEqual(result.stdout, "", "\(arguments)")
            XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, "\(arguments): \(result.stderr)")
        }
    }

    /// "item: change by author" for each blamed item.
    private func blame(_ path: String, in directory: String) throws -> [String] {
        let result = try golint(["blame", path, "--format", "json"], in: directory)
        XCTAssertEqual(result.status, 0, result.stderr)
        let items = try XCTUnwrap(try json(result)["items"] as? [[String: Any]])
        return items.map { item in
            let change = item["lastChange"] as? [String: Any]
            let author = (change?["author"] as? [String: String])?["name"] ?? ""
            return "\(item["item"] as? String ?? ""): \(change?["kind"] as? String ?? "") by \(author)"
        }
    }

    func testBlameCreditsBranchAuthorsThroughAnOctopusMerge() throws {
        let repository = try TestRepository()
        try repository.write("TASK_A.md", "- [ ] Alpha\n- [ ] Spacer one\n- [ ] Spacer two\n- [ ] Beta\n- [ ] Spacer three\n- [ ] Spacer four\n- [ ] Gamma\n")
        try repository.commit("plan", author: "Alice Adler")
        for (branch, line, author) in [("bob", "Alpha", "Bob Berg"), ("carol", "Beta", "Carol Chen")] {
            try repository.git(["checkout", "-q", "-b", branch, "main"])
            let text = try String(contentsOfFile: repository.path + "/TASK_A.md", encoding: .utf8)
            try repository.write("TASK_A.md", text.replacingOccurrences(of: "- [ ] \(line)", with: "- [x] \(line)"))
            try repository.commit("check \(line)", author: author)
        }
        try repository.git(["checkout", "-q", "main"])
        try repository.git(["merge", "-q", "--no-ff", "--no-edit", "bob", "carol"], environment: [
            "GIT_AUTHOR_NAME": "Merge Master", "GIT_AUTHOR_EMAIL": "merge@example.com",
            "GIT_COMMITTER_NAME": "Merge Master", "GIT_COMMITTER_EMAIL": "merge@example.com",
        ])
        XCTAssertEqual(try repository.git(["rev-list", "--parents", "-1", "HEAD"]).split(separator: " ").count, 4, "an octopus merge")
        let blamed = try blame("TASK_A.md", in: repository.path)
        XCTAssertEqual(blamed.first, "Alpha: checked by Bob Berg")
        XCTAssertEqual(blamed[3], "Beta: checked by Carol Chen")
        XCTAssertEqual(blamed.last, "Gamma: item-added by Alice Adler")
        XCTAssertFalse(blamed.contains { $0.hasSuffix("Merge Master") }, "\(blamed)")
    }

    func testBlameInAShallowCloneSaysWhereHistoryStops() throws {
        let origin = try TestRepository()
        try origin.write("TASK_A.md", "- [ ] Alpha\n- [ ] Beta\n")
        try origin.commit("plan", author: "Alice Adler")
        try origin.write("TASK_A.md", "- [ ] Alpha\n- [x] Beta\n")
        try origin.commit("beta done", author: "Bob Berg")
        try origin.write("TASK_A.md", "- [x] Alpha\n- [x] Beta\n")
        try origin.commit("alpha done", author: "Carol Chen")
        let clone = TestRepository(existing: NSTemporaryDirectory() + "golint-shallow-" + UUID().uuidString)
        try TestRepository.run("/usr/bin/env", ["git", "clone", "-q", "--depth", "2", "file://" + origin.path, clone.path], in: NSTemporaryDirectory())
        let boundary = try clone.git(["rev-parse", "HEAD~1"]).prefix(10)
        let text = try golint(["blame", "TASK_A.md"], in: clone.path)
        XCTAssertEqual(text.status, 0, text.stderr)
        let lines = text.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 2, text.stdout)
        XCTAssertTrue(lines[0].hasPrefix("   1 [x] Alpha") && lines[0].contains("checked by Carol Chen"), lines[0])
        XCTAssertTrue(lines[1].hasPrefix("   2 [x] Beta") && lines[1].hasSuffix("at or before \(boundary) (shallow clone: history stops there)"), lines[1])
        XCTAssertEqual(text.stderr, "golint: note: shallow clone; history stops at \(boundary) (older commits are not in this clone)\n")
    }
}
