@testable import GolintKit
import GolintTestSupport
import XCTest

/// `history --first-parent`: on a merge-based workflow, each merge on the main line reports what
/// its branch brought, attributed to the merge.
final class FirstParentTests: XCTestCase {
    func testEachMergeReportsWhatItsBranchBrought() throws {
        let repository = try TestRepository()
        try repository.write("docs/TASK_LAUNCH.md", "- [ ] Runbook\n- [ ] Rollback plan\n")
        let plan = try repository.commit("Plan", author: "Alice Adler")
        try repository.git(["checkout", "-q", "-b", "feature"])
        try repository.write("docs/TASK_LAUNCH.md", "- [x] Runbook\n- [ ] Rollback plan\n")
        try repository.commit("Runbook done", author: "Bob Builder")
        try repository.write("docs/TASK_LAUNCH.md", "- [x] Runbook\n- [ ] Rollback plan\n- [ ] Load test\n")
        try repository.commit("Load test", author: "Bob Builder")
        try repository.git(["checkout", "-q", "main"])
        try repository.git(["merge", "-q", "--no-ff", "--no-edit", "feature"],
                           environment: ["GIT_AUTHOR_NAME": "Rita Release", "GIT_AUTHOR_EMAIL": "rm@example.com",
                                         "GIT_COMMITTER_NAME": "Rita Release", "GIT_COMMITTER_EMAIL": "rm@example.com"])
        let merge = try repository.git(["rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
        try repository.write("docs/TASK_LAUNCH.md", "- [x] Runbook\n- [x] Rollback plan\n- [ ] Load test\n")
        let after = try repository.commit("Rollback plan done", author: "Alice Adler")

        let walker = try HistoryWalker(access: RepositoryAccess(directory: repository.path), configurationRevision: "HEAD", configurationFile: nil)
        func events(firstParent: Bool) throws -> [String] {
            var options = HistoryOptions()
            options.firstParent = firstParent
            return try walker.history(options).events.map { "\($0.commit.prefix(7)) \($0.authorName) \($0.kind.rawValue) \($0.item ?? "")" }
        }
        let short = { (id: String) in String(id.prefix(7)) }
        XCTAssertEqual(try events(firstParent: true), [
            "\(short(plan)) Alice Adler document-added ",
            "\(short(plan)) Alice Adler item-added Runbook",
            "\(short(plan)) Alice Adler item-added Rollback plan",
            "\(short(merge)) Rita Release checked Runbook",
            "\(short(merge)) Rita Release item-added Load test",
            "\(short(after)) Alice Adler checked Rollback plan",
        ])
        XCTAssertEqual(try events(firstParent: false).filter { $0.contains("Bob Builder") }.count, 2, "without it, the branch's own commits")
        var options = HistoryOptions()
        options.firstParent = true
        options.since = plan
        XCTAssertEqual(try walker.history(options).commits, 2, "the merge and the commit after it")
    }
}
