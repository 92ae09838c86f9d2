import Foundation
import GolintKit
import GolintTestSupport
import XCTest

final class CheckCommandTests: CLITestCase {
    private let goLiveDay = "--now=2026-03-06T12:00:00+01:00"

    func testChecksHeadAndFailsOnErrors() throws {
        let repository = try seededRepository()
        let head = try repository.commit("Add go-live plans")
        let result = try golint(["check", goLiveDay, "--format", "json"], in: repository.path)
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertEqual(result.stderr, "")
        let report = try json(result)
        XCTAssertEqual(report["tool"] as? String, "golint")
        XCTAssertEqual(report["source"] as? String, "HEAD")
        XCTAssertEqual(report["commit"] as? String, head)
        XCTAssertEqual(report["evaluatedAt"] as? String, "2026-03-06T12:00:00+01:00")
        let summary = try XCTUnwrap(report["summary"] as? [String: Int])
        // 52 + 16 task items, 19 status-table rows and 4 ✅ lines in the master plan; the six open
        // approvals of the release manager's task are one finding each.
        XCTAssertEqual(summary, ["documents": 2, "items": 91, "checked": 4, "errors": 80, "warnings": 1])
        let paths = Set(try findings(result).compactMap { $0["path"] as? String })
        XCTAssertEqual(paths, ["docs/MASTER_GOLIVE_COORDINATION.md", "docs/TASK_RELEASE_MANAGER_GOLIVE.md"])
        let first = try XCTUnwrap(try findings(result).first)
        XCTAssertEqual(first.keys.sorted(), ["column", "deadline", "deadlineSource", "endColumn", "endLine", "excerpt", "line", "message", "owner", "path", "rule", "severity"])
    }

    func testTextOutputAndExitZeroWhenClean() throws {
        let repository = try TestRepository()
        try repository.write("TASK_OK.md", "# OK\n\n**Deadline:** 2026-03-05\n\n- [x] done\n")
        try repository.commit("ok")
        let clean = try golint(["check", goLiveDay], in: repository.path)
        XCTAssertEqual(clean.status, 0)
        XCTAssertEqual(clean.stdout, "0 errors, 0 warnings in 1 document (1 item, 1 checked) at HEAD\n")

        try repository.write("TASK_OK.md", "# OK\n\n**Deadline:** next week\n\n- [ ] Owner: [Team-Lead]\n")
        try repository.commit("worse")
        let dirty = try golint(["check", goLiveDay], in: repository.path)
        XCTAssertEqual(dirty.status, 1)
        XCTAssertEqual(dirty.stdout, """
        TASK_OK.md:3:15: warning: deadline 'next week' names no date golint can read [unparsable-deadline]
        TASK_OK.md:5:14: error: placeholder '[Team-Lead]' is not replaced [placeholder]
        1 error, 1 warning in 1 document (1 item, 0 checked) at HEAD

        """)
        XCTAssertEqual(try golint(["check", goLiveDay, "--quiet"], in: repository.path).stdout,
                       "TASK_OK.md:5:14: error: placeholder '[Team-Lead]' is not replaced [placeholder]\n")
    }

    func testStrictFailsOnWarnings() throws {
        let repository = try TestRepository()
        try repository.write("TASK_W.md", "Deadline: someday\n\n- [ ] Ship the notes\n")
        try repository.commit("w")
        XCTAssertEqual(try golint(["check", goLiveDay], in: repository.path).status, 0)
        XCTAssertEqual(try golint(["check", goLiveDay, "--strict"], in: repository.path).status, 1)
    }

    func testOldRevision() throws {
        let repository = try TestRepository()
        try repository.write("docs/TASK_A.md", "- [ ] Owner: [Release-Owner]\n")
        let first = try repository.commit("placeholder")
        try repository.write("docs/TASK_A.md", "- [ ] Owner: Dana Ruiz\n")
        try repository.commit("filled")
        XCTAssertEqual(try golint(["check", goLiveDay], in: repository.path).status, 0)
        for revision in [first, "HEAD~1", String(first.prefix(8))] {
            let old = try golint(["check", goLiveDay, "--rev", revision, "--format", "json"], in: repository.path)
            XCTAssertEqual(old.status, 1, revision)
            XCTAssertEqual(try json(old)["source"] as? String, revision)
            XCTAssertEqual(try json(old)["commit"] as? String, first)
            XCTAssertEqual(try findings(old).compactMap { $0["excerpt"] as? String }, ["[Release-Owner]"])
        }
    }

    func testStagedDiffersFromWorktree() throws {
        let repository = try TestRepository()
        try repository.write("TASK_S.md", "- [ ] Owner: Dana\n")
        try repository.commit("clean")
        try repository.write("TASK_S.md", "- [ ] Owner: [Staged-Owner]\n")
        try repository.git(["add", "TASK_S.md"])
        try repository.write("TASK_S.md", "- [ ] Owner: [Worktree-Owner]\n")

        let staged = try golint(["check", "--staged", "--format", "json"], in: repository.path)
        XCTAssertEqual(try findings(staged).compactMap { $0["excerpt"] as? String }, ["[Staged-Owner]"])
        XCTAssertEqual(try json(staged)["source"] as? String, "index")
        XCTAssertTrue(try json(staged)["commit"] is NSNull)
        let worktree = try golint(["check", "--worktree", "--format", "json"], in: repository.path)
        XCTAssertEqual(try findings(worktree).compactMap { $0["excerpt"] as? String }, ["[Worktree-Owner]"])
        XCTAssertEqual(try golint(["check"], in: repository.path).status, 0, "HEAD is clean")
    }

    func testUnbornHead() throws {
        let repository = try TestRepository()
        try repository.write("TASK_U.md", "- [ ] TBD\n")
        try repository.git(["add", "TASK_U.md"])
        let staged = try golint(["check", "--staged", "--format", "json"], in: repository.path)
        XCTAssertEqual(staged.status, 1, staged.stderr)
        XCTAssertEqual(try findings(staged).compactMap { $0["excerpt"] as? String }, ["TBD"])
        XCTAssertEqual(try golint(["check", "--worktree"], in: repository.path).status, 1)
        let head = try golint(["check"], in: repository.path)
        XCTAssertEqual(head.status, 2)
        XCTAssertEqual(head.stdout, "")
        XCTAssertEqual(head.stderr, "golint: HEAD has no commit yet; use --staged or --worktree\n")
    }

    /// Subcommands are parsed directly for speed; help and usage must still name the whole command.
    func testSubcommandHelpNamesTheWholeCommand() throws {
        let repository = try seededRepository()
        for (arguments, usage) in [(["check", "--help"], "USAGE: golint check"), (["history", "-h"], "USAGE: golint history"),
                                   (["help", "check"], "USAGE: golint check"), (["check", "--rev", "HEAD", "-h"], "USAGE: golint check")] {
            let result = try golint(arguments, in: repository.path)
            XCTAssertEqual(result.status, 0, "\(arguments): \(result.stderr)")
            XCTAssertTrue(result.stdout.contains(usage), "\(arguments): \(result.stdout)")
        }
    }

    func testCouldNotRunIsExitTwoWithOneLine() throws {
        let repository = try seededRepository()
        try repository.commit("seed")
        let cases: [([String], String)] = [
            (["check", "--rev", "no-such-rev"], "golint: unknown revision 'no-such-rev'\n"),
            (["check", "--now", "tomorrow"], "golint: --now 'tomorrow' is not an ISO 8601 time (2026-03-06T12:00:00+01:00) (see golint --help)\n"),
            (["check", "--staged", "--worktree"], "golint: --rev, --staged and --worktree exclude each other (see golint --help)\n"),
            (["check", "--format", "yaml"],
             "golint: The value 'yaml' is invalid for '--format <format>'. Please provide one of the following: text, json, sarif, github, junit, codequality, markdown. (see golint --help)\n"),
            (["chek"], "golint: unknown command 'chek'; did you mean 'check'? (see golint --help)\n"),
            (["check", "--now", "2026-03-08T12:00+25:00"],
             "golint: --now '2026-03-08T12:00+25:00' is not an ISO 8601 time (2026-03-06T12:00:00+01:00) (see golint --help)\n"),
            (["check", "--bogus"], "golint: Unknown option '--bogus' (see golint --help)\n"),
            (["check", "--config", "missing.yml"], "golint: missing.yml: no such file\n"),
        ]
        for (arguments, expected) in cases {
            let result = try golint(arguments, in: repository.path)
            XCTAssertEqual(result.status, 2, "\(arguments)")
            XCTAssertEqual(result.stdout, "", "\(arguments)")
            XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, "\(arguments): \(result.stderr)")
            if !expected.isEmpty { XCTAssertEqual(result.stderr, expected, "\(arguments)") }
        }
        let outside = try golint(["check"], in: NSTemporaryDirectory())
        XCTAssertEqual(outside.status, 2)
        XCTAssertTrue(outside.stderr.hasPrefix("golint: not a git repository"), outside.stderr)
    }

    func testConfigurationFromTheSameSource() throws {
        let repository = try TestRepository()
        try repository.write("TASK_C.md", "- [ ] Owner: TBD\n")
        try repository.write(".golint.yml", "rules:\n  placeholder: warning\n")
        try repository.commit("config")
        XCTAssertEqual(try golint(["check"], in: repository.path).status, 0)
        // A staged configuration applies to --staged.
        try repository.write(".golint.yml", "rules:\n  placeholder: error\n")
        try repository.git(["add", ".golint.yml"])
        XCTAssertEqual(try golint(["check", "--staged"], in: repository.path).status, 1)
        XCTAssertEqual(try golint(["check"], in: repository.path).status, 0)
        // An invalid configuration names file and line.
        try repository.write(".golint.yml", "rules:\n  placeholder: warning\n  overdue: off\n")
        let broken = try golint(["check", "--worktree"], in: repository.path)
        XCTAssertEqual(broken.status, 2)
        XCTAssertTrue(broken.stderr.hasPrefix("golint: .golint.yml:3: unknown rule id 'overdue'"), broken.stderr)
    }

    func testPathsNarrowTheDocuments() throws {
        let repository = try seededRepository()
        try repository.commit("seed")
        let narrowed = try golint(["check", goLiveDay, "--format", "json", "docs/TASK_RELEASE_MANAGER_GOLIVE.md"], in: repository.path)
        XCTAssertEqual(Set(try findings(narrowed).compactMap { $0["path"] as? String }), ["docs/TASK_RELEASE_MANAGER_GOLIVE.md"])
        let fromSubdirectory = try golint(["check", goLiveDay, "--format", "json", "TASK_RELEASE_MANAGER_GOLIVE.md"], in: repository.path + "/docs")
        XCTAssertEqual(Set(try findings(fromSubdirectory).compactMap { $0["path"] as? String }), ["docs/TASK_RELEASE_MANAGER_GOLIVE.md"])
        let none = try golint(["check", goLiveDay, "--format", "json", "nowhere"], in: repository.path)
        XCTAssertEqual(none.status, 2)
        XCTAssertEqual(none.stderr, "golint: nowhere matches no document in HEAD\n")
    }

    func testRulesCommand() throws {
        let result = try golint(["rules"], in: NSTemporaryDirectory())
        XCTAssertEqual(result.status, 0)
        let ids = result.stdout.split(separator: "\n").map { $0.split(separator: " ").first.map(String.init) ?? "" }
        XCTAssertEqual(ids, RuleRegistry.ids, "every rule, in the registry's order")
        XCTAssertEqual(ids.count, 21)
        XCTAssertTrue(result.stdout.split(separator: "\n").contains { $0.hasPrefix("unparsable-deadline ") && $0.contains(" warning ") }, result.stdout)
        XCTAssertTrue(result.stdout.split(separator: "\n").contains { $0.hasPrefix("signoff-stale ") && $0.contains(" warning ") }, result.stdout)
    }

    func testDeterministicOutput() throws {
        let repository = try seededRepository()
        try repository.commit("seed")
        let first = try golint(["check", goLiveDay, "--format", "json"], in: repository.path).stdout
        let second = try golint(["check", goLiveDay, "--format", "json"], in: repository.path).stdout
        XCTAssertEqual(first, second)
    }
}
