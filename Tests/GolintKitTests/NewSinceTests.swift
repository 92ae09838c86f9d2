import GolintKit
import GolintTestSupport
import XCTest

/// `check --new-since REF` on the shapes a change takes: what it reports is what the change adds
/// (findings at HEAD that REF does not have, by rule and item), never what was there before.
final class NewSinceTests: XCTestCase {
    static let plan = """
        # Launch

        **Deadline:** 2026-03-01

        ## Work

        - [ ] Rehearse the rollback
        - [ ] Brief the support desk
        - [x] Freeze the schema

        On-Call: [Primär-On-Call]

        ## Sign-off

        - [ ] Product
        - [x] Security — Carol Weiss, 2026-02-27

        """
    static let path = "docs/TASK_LAUNCH.md"
    static let now = ISOTime.parse("2026-03-06T12:00:00+01:00")!.date

    private func run(_ repository: TestRepository, newSince: String?, source: SourceKind = .revision("HEAD")) throws -> CheckReport {
        var request = CheckRequest(now: Self.now)
        request.repository = RepositoryAccess(directory: repository.path)
        request.options.source = source
        request.newSince = newSince
        return try CheckRun.run(request).report
    }

    /// "rule: line" of each finding, the line as written.
    private func shown(_ findings: [Finding]) -> [String] {
        findings.map { "\($0.rule): \($0.sourceLine)" }
    }

    /// Commits the plan, then `change` as a second commit, and checks HEAD against HEAD~1.
    private func assertNew(_ change: (TestRepository) throws -> Void, _ expected: [String], _ name: String,
                           file: StaticString = #filePath, line: UInt = #line) throws {
        let repository = try TestRepository()
        try repository.write(Self.path, Self.plan)
        try repository.commit("plan")
        try change(repository)
        try repository.commit("change", author: "Bob Brandt")
        let report = try run(repository, newSince: "HEAD~1")
        XCTAssertEqual(shown(report.findings), expected, name, file: file, line: line)
        // Nothing is lost: what is new and what existed are every finding at HEAD.
        let full = try run(repository, newSince: nil)
        XCTAssertEqual(Set(shown(report.findings + report.existing)), Set(shown(full.findings)), name, file: file, line: line)
        XCTAssertEqual(report.findings.count + report.existing.count, full.findings.count, name, file: file, line: line)
    }

    private func edit(_ transform: @escaping (String) -> String, path: String = NewSinceTests.path) -> (TestRepository) throws -> Void {
        { repository in try repository.write(path, transform(Self.plan)) }
    }

    func testAChangeIsJudgedByWhatItAdds() throws {
        let overdueItem = "- [ ] Set up the status page (bis 2026-03-02)"
        let cases: [(String, (TestRepository) throws -> Void, [String])] = [
            ("ticking a box beside old overdue work", edit { $0.replacingOccurrences(of: "- [ ] Rehearse", with: "- [x] Rehearse") }, []),
            ("an edit elsewhere in the document", edit { $0.replacingOccurrences(of: "# Launch\n", with: "# Launch\n\nOwner: Rita.\n") }, []),
            ("rewording an overdue item", edit { $0.replacingOccurrences(of: "Rehearse the rollback", with: "Rehearse the rollback twice") }, []),
            ("moving an overdue item to another section", edit {
                $0.replacingOccurrences(of: "- [ ] Brief the support desk\n", with: "").replacingOccurrences(of: "## Sign-off\n", with: "## Support\n\n- [ ] Brief the support desk\n\n## Sign-off\n")
            }, []),
            ("renaming the document", { repository in
                try repository.remove(Self.path)
                try repository.write("docs/TASK_GO_LIVE.md", Self.plan)
            }, []),
            ("moving the work into a status table", edit {
                $0.replacingOccurrences(of: "- [ ] Rehearse the rollback\n- [ ] Brief the support desk\n- [x] Freeze the schema\n",
                                        with: "| Task | Status |\n|---|---|\n| Rehearse the rollback | open |\n| Brief the support desk | open |\n| Freeze the schema | done |\n")
            }, []),
            ("a placeholder added inside an existing line", edit { $0.replacingOccurrences(of: "[Primär-On-Call]", with: "[Primär-On-Call] / [Backup-On-Call]") },
             ["placeholder: On-Call: [Primär-On-Call] / [Backup-On-Call]"]),
            ("a second copy of a placeholder", edit { $0.replacingOccurrences(of: "On-Call: [Primär-On-Call]\n", with: "On-Call: [Primär-On-Call]\nBackup: [Primär-On-Call]\n") },
             ["placeholder: Backup: [Primär-On-Call]"]),
            ("an item added already past its deadline", edit { $0.replacingOccurrences(of: "- [x] Freeze the schema\n", with: "- [x] Freeze the schema\n\(overdueItem)\n") },
             ["overdue-item: \(overdueItem)"]),
            ("an empty sign-off added", edit { $0.replacingOccurrences(of: "- [ ] Product\n", with: "- [ ] Product\n- [ ] QA\n") },
             ["missing-signature: - [ ] QA"]),
            ("an approval reopened", edit { $0.replacingOccurrences(of: "- [x] Security — Carol Weiss, 2026-02-27", with: "- [ ] Security") },
             ["missing-signature: - [ ] Security"]),
            ("a new document", { repository in try repository.write("docs/TASK_SUPPORT.md", "# Support\n\n**Deadline:** 2026-03-02\n\n- [ ] Train the desk\n") },
             ["overdue-item: - [ ] Train the desk"]),
            ("a document deleted", { repository in try repository.remove(Self.path) }, []),
        ]
        XCTAssertGreaterThanOrEqual(cases.count, 12)
        for (name, change, expected) in cases { try assertNew(change, expected, name) }
    }

    /// A merge brings a branch's late item; the main line ticked a box meanwhile: against the merge
    /// base only the late item is new, and against a rewritten (force-pushed) base too.
    func testAMergeAndARewrittenBaseAreComparedByContent() throws {
        let repository = try TestRepository()
        try repository.write(Self.path, Self.plan)
        try repository.commit("plan")
        let base = try repository.git(["rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
        try repository.git(["checkout", "-q", "-b", "feature"])
        try repository.write(Self.path, Self.plan.replacingOccurrences(of: "- [x] Freeze the schema\n", with: "- [x] Freeze the schema\n- [ ] Load-test (bis 2026-03-03)\n"))
        try repository.commit("late item", author: "Bob Brandt")
        try repository.git(["checkout", "-q", "main"])
        try repository.write(Self.path, Self.plan.replacingOccurrences(of: "- [ ] Rehearse", with: "- [x] Rehearse"))
        try repository.commit("tick", author: "Carol Weiss")
        _ = try repository.git(["merge", "-q", "--no-edit", "feature"])
        let merged = try run(repository, newSince: base)
        XCTAssertEqual(shown(merged.findings), ["overdue-item: - [ ] Load-test (bis 2026-03-03)"])
        // The base rewritten (amended): not an ancestor any more, compared by content all the same.
        try repository.git(["checkout", "-q", "-b", "rewritten", base])
        try repository.write("NOTES.txt", "amended\n")
        try repository.git(["add", "NOTES.txt"])
        _ = try repository.git(["commit", "-q", "--amend", "--no-edit"])
        try repository.git(["checkout", "-q", "main"])
        XCTAssertEqual(shown(try run(repository, newSince: "rewritten").findings), ["overdue-item: - [ ] Load-test (bis 2026-03-03)"])
    }

    /// The hook's run: the staged change against HEAD, also before the first commit.
    func testStagedChangesAgainstHeadAndAnUnbornHead() throws {
        let repository = try TestRepository()
        try repository.write(Self.path, Self.plan)
        try repository.git(["add", "-A"])
        let unborn = try run(repository, newSince: "HEAD", source: .index)
        XCTAssertEqual(unborn.findings.count, try run(repository, newSince: nil, source: .index).findings.count, "before the first commit everything is new")
        XCTAssertGreaterThan(unborn.findings.count, 0)
        try repository.commit("plan")
        try repository.write(Self.path, Self.plan.replacingOccurrences(of: "- [ ] Rehearse", with: "- [x] Rehearse"))
        try repository.git(["add", "-A"])
        let ticked = try run(repository, newSince: "HEAD", source: .index)
        XCTAssertEqual(ticked.findings.count, 0)
        XCTAssertEqual(ticked.existing.count, 3, "the other overdue item, the placeholder and the open Product approval")
        XCTAssertTrue(String(decoding: TextReporter.report(ticked, style: TextStyle()).bytes, as: UTF8.self).hasSuffix("; 3 existing findings not shown (also at HEAD)\n"))
    }

    /// SARIF carries both: what the change adds as `new`, what it had before as `unchanged`; JSON
    /// names the reference and counts the existing ones; the exit status follows what is reported.
    func testReportsSayWhatIsNewAndWhatExisted() throws {
        let repository = try TestRepository()
        try repository.write(Self.path, Self.plan)
        try repository.commit("plan")
        try repository.write(Self.path, Self.plan + "\nBackup: [Backup-On-Call]\n")
        try repository.commit("change")
        var request = CheckRequest(now: Self.now)
        request.repository = RepositoryAccess(directory: repository.path)
        request.newSince = "HEAD~1"
        request.format = .sarif
        let outcome = try CheckRun.run(request)
        XCTAssertTrue(outcome.failed, "the new placeholder is an error")
        let sarif = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(outcome.output.bytes)) as? [String: Any])
        let results = try XCTUnwrap(((sarif["runs"] as? [[String: Any]])?.first?["results"]) as? [[String: Any]])
        let states = results.map { "\($0["baselineState"] as? String ?? "-") \($0["ruleId"] as? String ?? "")" }
        XCTAssertEqual(states.filter { $0.hasPrefix("new") }, ["new placeholder"])
        XCTAssertEqual(states.filter { $0.hasPrefix("unchanged") }.count, 4, "\(states)")
        request.format = .json
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(CheckRun.run(request).output.bytes)) as? [String: Any])
        XCTAssertEqual(json["newSince"] as? String, "HEAD~1")
        XCTAssertEqual((json["summary"] as? [String: Any])?["existing"] as? Int, 4)
        XCTAssertEqual((json["findings"] as? [Any])?.count, 1)
        // Nothing new: exit 0 although the document has errors.
        request.newSince = "HEAD"
        XCTAssertFalse(try CheckRun.run(request).failed)
        // An unknown revision is an error, also where there is nothing to compare.
        request.newSince = "no-such-revision"
        XCTAssertThrowsError(try CheckRun.run(request)) { XCTAssertEqual("\($0)", "unknown revision 'no-such-revision'") }

    }
}
