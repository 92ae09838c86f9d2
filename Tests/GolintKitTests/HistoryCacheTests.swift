@testable import GolintKit
import GolintGit
import GolintTestSupport
import XCTest

/// The incremental audit trail: a walk with a cache gives the events a walk without one gives, and
/// computes only the commits the cache does not know.
final class HistoryCacheTests: XCTestCase {
    private var folder = ""

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "golint-cache-" + UUID().uuidString
        addTeardownBlock { [folder] in try? FileManager.default.removeItem(atPath: folder) }
    }

    /// A plan with an approval form, checked, filled and signed over four commits by three people.
    private func launchRepository() throws -> TestRepository {
        let repository = try TestRepository()
        try repository.write(".golint.yml", "signoff:\n  roles:\n    Product: [paula.product@example.com]\n")
        try repository.write("docs/TASK_LAUNCH.md", """
            # Launch

            **Deadline:** 2026-03-10

            - [ ] Runbook written
            - [ ] Rollback rehearsed
            - [ ] Pager rota set for [Primär-On-Call]

            ## Sign-off

            | Role | Name | Date |
            |------|------|------|
            | Product | | |

            """)
        try repository.commit("Plan", author: "Alice Adler")
        try repository.write("docs/TASK_LAUNCH.md", """
            # Launch

            **Deadline:** 2026-03-12

            - [x] Runbook written
            - [ ] Rollback rehearsed
            - [ ] Pager rota set for Dana Duty

            ## Sign-off

            | Role | Name | Date |
            |------|------|------|
            | Product | | |

            """)
        try repository.commit("Runbook, rota, later deadline", author: "Bob Builder")
        try repository.git(["mv", "docs/TASK_LAUNCH.md", "docs/TASK_GO_LIVE.md"])
        try repository.commit("Rename", author: "Bob Builder")
        try repository.write("docs/TASK_GO_LIVE.md", """
            # Launch

            **Deadline:** 2026-03-12

            - [x] Runbook written
            - [x] Rollback rehearsed
            - [ ] Pager rota set for Dana Duty

            ## Sign-off

            | Role | Name | Date |
            |------|------|------|
            | Product | Paula Product | 2026-03-01 |

            """)
        try repository.commit("Product signs", author: "Paula Product")
        return repository
    }

    private func walk(_ repository: TestRepository, cache: Bool = true, firstParent: Bool = false) throws -> HistoryReport {
        let walker = try HistoryWalker(access: RepositoryAccess(directory: repository.path), configurationRevision: "HEAD", configurationFile: nil)
        var options = HistoryOptions()
        options.firstParent = firstParent
        options.cache = cache ? HistoryCache(folder: folder) : nil
        return try walker.history(options)
    }

    private func trails() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder + "/history")) ?? []).sorted()
    }

    func testAWarmWalkComputesOnlyTheNewCommitsAndGivesTheColdEvents() throws {
        let repository = try launchRepository()
        let cold = try walk(repository, cache: false)
        XCTAssertTrue(cold.events.contains { $0.kind == .signed && $0.approval != nil }, "the plan gives an approval")
        XCTAssertTrue(cold.events.contains { $0.stale != nil }, "approval events are marked stale or not")

        let first = try walk(repository)
        XCTAssertEqual(first.cachedCommits, 0)
        XCTAssertEqual(first.events, cold.events)
        XCTAssertEqual(trails().count, 1)

        let warm = try walk(repository)
        XCTAssertEqual(warm.cachedCommits, 4)
        XCTAssertEqual(warm.events, cold.events)
        XCTAssertEqual(warm.burnDown, cold.burnDown)
        XCTAssertEqual(warm.commits, cold.commits)

        // A new commit that makes an earlier approval stale: only it is computed, and the staleness
        // of the cached approval is decided anew.
        try repository.write("docs/TASK_GO_LIVE.md", try String(contentsOfFile: repository.path + "/docs/TASK_GO_LIVE.md", encoding: .utf8)
            .replacingOccurrences(of: "- [ ] Pager rota", with: "- [ ] Status page ready\n- [ ] Pager rota"))
        try repository.commit("More work", author: "Alice Adler")
        let afterNew = try walk(repository)
        XCTAssertEqual(afterNew.cachedCommits, 4)
        XCTAssertEqual(afterNew.events, try walk(repository, cache: false).events)
        XCTAssertEqual(afterNew.events.first { $0.kind == .signed }?.stale, true)
        XCTAssertEqual(try walk(repository).cachedCommits, 5)
    }

    func testWhatChangesEventsIsAnotherTrail() throws {
        let repository = try launchRepository()
        _ = try walk(repository)
        XCTAssertEqual(try walk(repository, firstParent: true).cachedCommits, 0, "first-parent is another context")
        // .mailmap changes who made what: nothing cached under the old one may answer.
        try repository.write(".mailmap", "Bob Brandt <bob.builder@example.com>\n")
        try repository.commit("Mailmap", author: "Alice Adler")
        let mapped = try walk(repository)
        XCTAssertEqual(mapped.cachedCommits, 0)
        XCTAssertTrue(mapped.events.contains { $0.authorName == "Bob Brandt" })
        XCTAssertEqual(mapped.events, try walk(repository, cache: false).events)
        // So do the approvers.
        try repository.write(".golint.yml", "signoff:\n  roles:\n    Product: [alice.adler@example.com]\n")
        try repository.commit("Approvers", author: "Alice Adler")
        let reconfigured = try walk(repository)
        XCTAssertEqual(reconfigured.cachedCommits, 0)
        XCTAssertEqual(reconfigured.events, try walk(repository, cache: false).events)
        XCTAssertEqual(trails().count, 4)
    }

    func testADamagedOrForeignTrailIsIgnoredAndWrittenAgain() throws {
        let repository = try launchRepository()
        let cold = try walk(repository, cache: false)
        _ = try walk(repository)
        let path = folder + "/history/" + trails()[0]
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let damages: [[UInt8]] = [
            Array(bytes.prefix(bytes.count / 2)),                              // cut short
            { var edited = bytes; edited[bytes.count / 2] ^= 0x01; return edited }(),  // one bit changed
            Array("not a trail at all\n".utf8),                               // something else
            [],
        ]
        for damaged in damages {
            try Data(damaged).write(to: URL(fileURLWithPath: path))
            let walked = try walk(repository)
            XCTAssertEqual(walked.cachedCommits, 0)
            XCTAssertEqual(walked.events, cold.events)
            XCTAssertEqual(try walk(repository).cachedCommits, 4, "written again whole")
        }
        bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        XCTAssertNil(TrailArchive.decode(bytes, key: Array(repeating: 0, count: 32)), "another context's key does not read it")
    }

    func testACacheInsideTheRepositoryIsNotUsed() throws {
        let repository = try launchRepository()
        folder = repository.path + "/.cache/golint"
        let walked = try walk(repository)
        XCTAssertEqual(walked.notes, ["history cache not used: \(folder) is inside the repository"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: repository.path + "/.cache"))
        XCTAssertEqual(walked.events, try walk(repository, cache: false).events)
    }

    func testACacheThatCannotBeWrittenIsANoteAndTheHistoryIsWhole() throws {
        let repository = try launchRepository()
        // A file where the cache's folder should be: no folder can be made (whoever runs the test).
        try Data("in the way\n".utf8).write(to: URL(fileURLWithPath: folder))
        let walked = try walk(repository)
        XCTAssertEqual(walked.notes.count, 1)
        XCTAssertTrue(walked.notes[0].hasPrefix("history cache not written: \(folder)/history/"), walked.notes[0])
        XCTAssertEqual(walked.events, try walk(repository, cache: false).events)
        try FileManager.default.removeItem(atPath: folder)
    }

    /// Every field an event carries comes back from the archive as it went in.
    func testTheArchiveKeepsEveryField() throws {
        func event(_ kind: HistoryEvent.Kind, signature: SignatureCheck, verified: Bool?, offset: Int, line: Int?,
                   approval: EventDraft.Approval?, substance: String?) -> HistoryEvent {
            HistoryEvent(commit: String(repeating: "ab", count: 20), authorName: "Zoë Ünal", authorEmail: "zoe@example.com",
                         committerName: "CI", committerEmail: "ci@example.com", signature: signature, verified: verified,
                         time: Date(timeIntervalSince1970: 1_772_000_123), offsetMinutes: offset, path: "docs/TASK_€.md",
                         kind: kind, item: kind == .documentAdded ? nil : "Runbook", line: line, before: nil, after: "x",
                         stale: nil, approval: approval, substance: substance)
        }
        let events = [
            event(.documentAdded, signature: .unsigned, verified: nil, offset: -330, line: nil, approval: nil, substance: nil),
            event(.signed, signature: SignatureCheck(status: .good, format: .ssh, signer: "zoe@example.com", reason: nil),
                  verified: true, offset: 60, line: 0, approval: EventDraft.Approval(role: "Product", signer: nil, section: "Sign-off"),
                  substance: nil),
            event(.itemAdded, signature: SignatureCheck(status: .unknownKey, format: .ssh, signer: nil, reason: "not allowed"),
                  verified: false, offset: 0, line: 41, approval: nil, substance: "Work"),
        ]
        let id = try XCTUnwrap(ObjectID(hex: String(repeating: "ab", count: 20)))
        let records = [
            CommitRecord(commit: id, committerTime: Date(timeIntervalSince1970: 1_772_000_200.5), events: events,
                         openWork: [.init(path: "docs/TASK_€.md", open: 3)]),
            CommitRecord(commit: id, committerTime: Date(timeIntervalSince1970: 0), events: [], openWork: []),
        ]
        let key = Array(repeating: UInt8(7), count: 32)
        XCTAssertEqual(TrailArchive.decode(TrailArchive.encode(records, key: key), key: key), records)
    }
}
