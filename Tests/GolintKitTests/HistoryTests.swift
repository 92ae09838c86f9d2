@testable import GolintKit
import GolintTestSupport
import XCTest

/// History on repositories built by the tests, with several authors and fixed dates.
final class HistoryTests: XCTestCase {
    private func history(_ repository: TestRepository, paths: [String] = [], since: String? = nil) throws -> [HistoryEvent] {
        let walker = try HistoryWalker(access: RepositoryAccess(directory: repository.path), configurationRevision: "HEAD", configurationFile: nil)
        var options = HistoryOptions()
        options.paths = paths
        options.since = since
        return try walker.history(options).events
    }

    /// "kind item (author)" per event, the shape most assertions compare.
    private func summary(_ events: [HistoryEvent]) -> [String] {
        events.map { "\($0.kind.rawValue) \($0.item ?? $0.after ?? $0.before ?? "") (\($0.authorName))" }
    }

    private func commitIDs(_ repository: TestRepository) throws -> [String] {
        try repository.git(["log", "--reverse", "--format=%H"]).split(separator: "\n").map(String.init)
    }

    /// History reads the next 128 commits' versions while it turns the last ones into events. Over
    /// three such stretches — item edits that are derived, placeholder and deadline edits that are
    /// parsed, a version brought back, a rename — every commit's events are what comparing it with
    /// its parent alone gives.
    func testHistoryOverSeveralStretchesEqualsEachCommitComparedWithItsParent() throws {
        let repository = try TestRepository()
        func document(_ index: Int, step: Int) -> String {
            let items = (0..<6).map { "- [\((step + $0 + index) % 3 == 0 ? "x" : " ")] Step \($0) of task \(index)" }
            let holder = step % 4 == 1 ? "[Primär-On-Call]" : "Person \(step % 5)"
            return "# Task \(index)\n\n**Deadline:** 2026-03-\(String(format: "%02d", 2 + step % 20))\n\n## Work\n\n"
                + items.joined(separator: "\n") + "\n\nOn-Call: \(holder)\n"
        }
        // Three hundred commits in one `git fast-import` run (a commit per `git commit` would take a minute).
        var paths = ["docs/TASK_0.md", "docs/TASK_1.md", "docs/TASK_2.md"]
        var stream = ""
        func data(_ text: String) { stream += "data \(text.utf8.count)\n\(text)\n" }
        let authors = ["Alice Adler", "Bob Brandt", "Carol Weiss"]
        for step in 0...300 {
            let author = authors[step % 3], when = 1_772_000_000 + step * 3600
            stream += "commit refs/heads/main\nauthor \(author) <\(step % 3)@example.com> \(when) +0100\n"
            stream += "committer \(author) <\(step % 3)@example.com> \(when) +0100\n"
            data("Step \(step)")
            if step == 0 {
                for (index, path) in paths.enumerated() { stream += "M 100644 inline \(path)\n"; data(document(index, step: 0)) }
                continue
            }
            let index = step % 3
            if step == 200 {
                stream += "R \(paths[index]) docs/launch/TASK_\(index).md\n"
                paths[index] = "docs/launch/TASK_\(index).md"
            }
            // Every seventh commit brings a version of twenty-one commits ago back (a shared blob).
            stream += "M 100644 inline \(paths[index])\n"
            data(document(index, step: step % 7 == 0 ? step - 21 : step))
            if step % 11 == 0 {
                stream += "M 100644 inline \(paths[(index + 1) % 3])\n"
                data(document((index + 1) % 3, step: step + 1))
            }
        }
        try TestRepository.run("/usr/bin/env", ["git", "fast-import", "--quiet"], in: repository.path, input: stream)
        try repository.git(["reset", "-q", "--hard", "main"])
        let events = try history(repository)
        let walker = try HistoryWalker(access: RepositoryAccess(directory: repository.path), configurationRevision: "HEAD", configurationFile: nil)
        let commits = try commitIDs(repository)
        XCTAssertEqual(commits.count, 301)
        var compared = 0
        for commit in commits.dropFirst() {
            let alone = try walker.diff(from: commit + "^", to: commit, paths: []).map { HistoryReporter.json($0).rendered() }
            let walked = events.filter { $0.commit == commit }.map { HistoryReporter.json($0).rendered() }
            XCTAssertEqual(walked, alone, commit)
            compared += walked.count
        }
        XCTAssertGreaterThan(compared, 400)
        // And in commit order across the stretches.
        let walkedOrder = events.map(\.commit).reduce(into: [String]()) { if $0.last != $1 { $0.append($1) } }
        XCTAssertEqual(walkedOrder, commits.filter(Set(walkedOrder).contains))
        XCTAssertTrue(events.contains { $0.kind == .documentRenamed })
        XCTAssertTrue(events.contains { $0.kind == .placeholderFilled })
        // `history --format json` writes events member by member; blame nests `json(event)`: one layout.
        for event in events {
            var written = JSONBytes(), tree = JSONBytes()
            HistoryReporter.write(event, into: &written, atIndent: 2)
            HistoryReporter.json(event).write(to: &tree, indent: 2)
            XCTAssertEqual(written.string, tree.string)
        }
    }

    func testApprovalEventsAreMarkedStaleByLaterChangesInTheirScope() throws {
        let signed = "# Launch\n\n## Security review\n\n- [x] Pen test passed\n\n## Notes\n\n- [ ] Retro sheduled\n\n## Sign-off\n\n- [x] Security — Carol Weiss, 2026-02-27\n- [ ] Legal\n"
        for (scope, expected) in [("document", [true, false]), ("section", [false, false]), ("off", [false, false])] {
            let repository = try TestRepository()
            try repository.write(".golint.yml", "signoff:\n  stale: \(scope)\n")
            try repository.write("docs/TASK_LAUNCH.md", signed)
            try repository.commit("Security signs", author: "Carol Weiss")
            // A typo fixed in another section, and the document renamed: the approval is followed through.
            try repository.remove("docs/TASK_LAUNCH.md")
            try repository.write("docs/TASK_GO_LIVE.md", signed.replacingOccurrences(of: "sheduled", with: "scheduled"))
            try repository.commit("Typo", author: "Alice Adler")
            try repository.write("docs/TASK_GO_LIVE.md", signed.replacingOccurrences(of: "sheduled", with: "scheduled")
                .replacingOccurrences(of: "- [ ] Legal", with: "- [x] Legal — Jana Krüger, 2026-03-01"))
            try repository.commit("Legal signs", author: "Jana Krüger")
            let approvals = try history(repository).filter { $0.stale != nil }
            XCTAssertEqual(approvals.map(\.item), ["Security — Carol Weiss, 2026-02-27", "Legal — Jana Krüger, 2026-03-01"], scope)
            XCTAssertEqual(approvals.map(\.stale), expected, scope)
        }
        // Reopening the pen test, in the section the role names, makes the Security approval stale there too.
        let repository = try TestRepository()
        try repository.write(".golint.yml", "signoff:\n  stale: section\n")
        try repository.write("docs/TASK_LAUNCH.md", signed)
        try repository.commit("Security signs", author: "Carol Weiss")
        try repository.write("docs/TASK_LAUNCH.md", signed.replacingOccurrences(of: "- [x] Pen test passed", with: "- [ ] Pen test passed"))
        try repository.commit("Reopened", author: "Alice Adler")
        XCTAssertEqual(try history(repository).filter { $0.stale != nil }.map(\.stale), [true])
    }

    func testEveryEventKind() throws {
        let repository = try TestRepository()
        try repository.write("docs/TASK_A.md", """
        # Task A

        **Deadline:** 2026-03-05

        ## Work

        - [ ] Build the thing
        - [ ] Write the runbook
        - [ ] Obsolete step

        On-Call: [Primär-On-Call]

        ## Sign-off

        - [ ] Security

        Entscheider: ______

        Go / No-Go: [ ] GO [ ] NO-GO
        """)
        try repository.commit("plan", author: "Alice Adler")
        try repository.write("docs/TASK_A.md", """
        # Task A

        **Deadline:** 2026-03-07

        ## Work

        - [x] Build the thing
        - [ ] Write the operations runbook
        - [ ] Tell support [Support-Kanal]

        On-Call: Bob Brandt, +49 30 123

        ## Sign-off

        - [x] Security — Carol Weiss, 2026-03-04

        Entscheider: Dana Ruiz

        Go / No-Go: [x] GO [ ] NO-GO
        """)
        try repository.commit("progress", author: "Bob Brandt")
        try repository.git(["mv", "docs/TASK_A.md", "docs/TASK_RENAMED.md"])
        try repository.write("docs/TASK_RENAMED.md", """
        # Task A

        **Deadline:** 2026-03-07

        ## Work

        - [ ] Build the thing
        - [ ] ~~Write the operations runbook~~

        ## Later

        - [ ] Tell support [Support-Kanal]

        On-Call: Bob Brandt, +49 30 123

        ## Sign-off

        - [x] Security

        Entscheider: ______

        Go / No-Go: [x] GO [ ] NO-GO
        """)
        try repository.commit("rename and regress", author: "Carol Weiss")
        try repository.remove("docs/TASK_RENAMED.md")
        try repository.commit("drop", author: "Dana Ruiz")

        let events = try history(repository)
        XCTAssertEqual(Set(events.map(\.kind)), Set(HistoryEvent.Kind.allCases))
        XCTAssertEqual(summary(events), [
            "document-added docs/TASK_A.md (Alice Adler)",
            "item-added Build the thing (Alice Adler)",
            "item-added Write the runbook (Alice Adler)",
            "item-added Obsolete step (Alice Adler)",
            "placeholder-added [Primär-On-Call] (Alice Adler)",
            "item-added Security (Alice Adler)",
            "deadline-changed Deadline in «Task A» (Bob Brandt)",
            "checked Build the thing (Bob Brandt)",
            "item-edited Write the operations runbook (Bob Brandt)",
            "item-added Tell support [Support-Kanal] (Bob Brandt)",
            "item-removed Obsolete step (Bob Brandt)",
            "placeholder-added [Support-Kanal] (Bob Brandt)",
            "placeholder-filled [Primär-On-Call] (Bob Brandt)",
            "signed Security — Carol Weiss, 2026-03-04 (Bob Brandt)",
            "signed Entscheider (Bob Brandt)",
            "decided Go / No-Go (Bob Brandt)",
            "document-renamed docs/TASK_RENAMED.md (Carol Weiss)",
            "unchecked Build the thing (Carol Weiss)",
            "cancelled Write the operations runbook (Carol Weiss)",
            "item-moved Tell support [Support-Kanal] (Carol Weiss)",
            "signature-removed Security (Carol Weiss)",
            "signature-removed Entscheider (Carol Weiss)",
            "document-removed docs/TASK_RENAMED.md (Dana Ruiz)",
        ])
        let filled = try XCTUnwrap(events.first { $0.kind == .placeholderFilled })
        XCTAssertEqual(filled.before, "On-Call: [Primär-On-Call]")
        XCTAssertEqual(filled.after, "On-Call: Bob Brandt, +49 30 123")
        let moved = try XCTUnwrap(events.first { $0.kind == .itemMoved })
        XCTAssertEqual([moved.before, moved.after], ["Work", "Later"])
        let renamed = try XCTUnwrap(events.first { $0.kind == .documentRenamed })
        XCTAssertEqual([renamed.before, renamed.after, renamed.path], ["docs/TASK_A.md", "docs/TASK_RENAMED.md", "docs/TASK_RENAMED.md"])
        let deadline = try XCTUnwrap(events.first { $0.kind == .deadlineChanged })
        XCTAssertEqual([deadline.before, deadline.after], ["**Deadline:** 2026-03-05", "**Deadline:** 2026-03-07"])
        XCTAssertEqual(deadline.line, 3)
        let decided = try XCTUnwrap(events.first { $0.kind == .decided })
        XCTAssertEqual([decided.before, decided.after], ["Go / No-Go: [ ] GO [ ] NO-GO", "Go / No-Go: [x] GO [ ] NO-GO"])
    }

    func testEventsCarryCommitAuthorAndTime() throws {
        let repository = try TestRepository()
        try repository.write("TASK_T.md", "- [ ] Go\n")
        try repository.commit("add", author: "Alice Adler")
        try repository.write("TASK_T.md", "- [x] Go\n")
        let second = try repository.commit("check", author: "Bob Brandt", email: "bob@corp.example")
        let checked = try XCTUnwrap(try history(repository).last)
        XCTAssertEqual(checked.kind, .checked)
        XCTAssertEqual(checked.commit, second)
        XCTAssertEqual(checked.authorName, "Bob Brandt")
        XCTAssertEqual(checked.authorEmail, "bob@corp.example")
        // 1_772_000_000 + 2 × 3600 seconds, at the +0100 the commits were made with.
        XCTAssertEqual(checked.isoTime, "2026-02-25T09:13:20+01:00")
        XCTAssertEqual(checked.line, 1)
        XCTAssertEqual(checked.before, "- [ ] Go")
        XCTAssertEqual(checked.after, "- [x] Go")
    }

    func testUncheckAfterCheckIsVisible() throws {
        let repository = try TestRepository()
        try repository.write("TASK_U.md", "- [ ] Business-Freigabe eingeholt\n- [ ] Other\n")
        try repository.commit("add", author: "Alice Adler")
        try repository.write("TASK_U.md", "- [x] Business-Freigabe eingeholt\n- [ ] Other\n")
        try repository.commit("check", author: "Bob Brandt")
        try repository.write("TASK_U.md", "- [ ] Other\n- [ ] Business-Freigabe eingeholt\n")
        try repository.commit("quietly uncheck while reordering", author: "Mallory Maier")
        XCTAssertEqual(summary(try history(repository)).suffix(2), [
            "checked Business-Freigabe eingeholt (Bob Brandt)",
            "unchecked Business-Freigabe eingeholt (Mallory Maier)",
        ])
    }

    /// A wrapped item is named by its whole text, its lines joined with spaces: one line in every
    /// event, the same name `check` uses.
    func testAWrappedItemIsOneLineInItsEvents() throws {
        let repository = try TestRepository()
        try repository.write("TASK_W.md", "- [ ] Capacity plan for the first month,\n  including the burst scenario\n- [ ] Other\n")
        try repository.commit("add", author: "Alice Adler")
        try repository.write("TASK_W.md", "- [x] Capacity plan for the first month,\n  including the burst scenario\n- [ ] Other\n")
        try repository.commit("check", author: "Bob Brandt")
        let events = try history(repository)
        XCTAssertEqual(summary(events).last, "checked Capacity plan for the first month, including the burst scenario (Bob Brandt)")
        XCTAssertFalse(events.contains { ($0.item ?? "").contains("\n") })
        let plan = try Plan(source: SourceText(bytes: Array("- [ ] Capacity plan for the first month,\n  including the burst scenario\n".utf8)),
                            path: "TASK_W.md", configuration: .shipped())
        XCTAssertEqual(plan.deliverables.first?.text, "Capacity plan for the first month, including the burst scenario")
        let long = String(repeating: "word ", count: 200)
        let capped = try Plan(source: SourceText(bytes: Array("- [ ] \(long)\n".utf8)), path: "TASK_L.md", configuration: .shipped())
        XCTAssertEqual(capped.deliverables.first?.title.count, 241, "240 characters and an ellipsis")
    }

    func testFillingASignatureRowIsOneSignedEvent() throws {
        let repository = try TestRepository()
        let table = "## Sign-off\n\n| Role | Name | Date |\n|---|---|---|\n| Product | | |\n| Security | - | - |\n"
        try repository.write("GO_LIVE_T.md", table)
        try repository.commit("add", author: "Alice Adler")
        try repository.write("GO_LIVE_T.md", table.replacingOccurrences(of: "| Product | | |", with: "| Product | Alice Meyer | 2026-03-05 |"))
        try repository.commit("sign", author: "Alice Meyer")
        let events = try history(repository)
        XCTAssertEqual(summary(events.filter { $0.authorName == "Alice Meyer" }), ["signed Product · Alice Meyer · 2026-03-05 (Alice Meyer)"])
        XCTAssertEqual(summary(events.filter { $0.kind == .itemAdded }), ["item-added Product (Alice Adler)", "item-added Security (Alice Adler)"])
        XCTAssertFalse(events.contains { ($0.item ?? "").contains("|") }, "event texts show cells, not separators")
    }

    func testAnUnsignedCommitReadsTheSameInEveryFormat() throws {
        let repository = try TestRepository()
        try repository.write("TASK_U.md", "- [ ] Ship\n")
        try repository.commit("add", author: "Alice Adler")
        let event = try XCTUnwrap(try history(repository).first)
        XCTAssertEqual(event.signature.status.rawValue, "none")
        XCTAssertEqual(HistoryReporter.signatureText(event.signature), "none", "Markdown and text say what JSON and CSV say")
    }

    func testSignatureRemovedWhileTheBoxStaysChecked() throws {
        let repository = try TestRepository()
        try repository.write("TASK_S.md", "## Freigabe\n\n- [x] DevOps — Bob Brandt, 2026-03-04\n")
        try repository.commit("signed", author: "Bob Brandt")
        try repository.write("TASK_S.md", "## Freigabe\n\n- [x] DevOps\n")
        try repository.commit("strip signature", author: "Mallory Maier")
        let last = try history(repository).filter { $0.authorName == "Mallory Maier" }
        XCTAssertEqual(summary(last), ["signature-removed DevOps (Mallory Maier)"])
        XCTAssertFalse(last.contains { $0.kind == .unchecked })
    }

    func testItemEditedInPlaceKeepsIdentity() throws {
        let repository = try TestRepository()
        try repository.write("TASK_E.md", "- [ ] Support team briefed on the rollout\n- [ ] Other\n")
        try repository.commit("add")
        try repository.write("TASK_E.md", "- [ ] Support team briefed on the new rollout plan\n- [ ] Other\n")
        try repository.commit("edit", author: "Bob Brandt")
        XCTAssertEqual(summary(try history(repository)).suffix(1), ["item-edited Support team briefed on the new rollout plan (Bob Brandt)"])
    }

    func testMovedItemDeadlineOnItem() throws {
        let repository = try TestRepository()
        try repository.write("TASK_D.md", "- [ ] Retro ansetzen (bis 2026-03-07)\n")
        try repository.commit("add")
        try repository.write("TASK_D.md", "- [ ] Retro ansetzen (bis 2026-03-10)\n")
        try repository.commit("move", author: "Bob Brandt")
        let last = try XCTUnwrap(try history(repository).last)
        XCTAssertEqual(last.kind, .deadlineChanged)
        XCTAssertEqual(last.before, "- [ ] Retro ansetzen (bis 2026-03-07)")
        XCTAssertEqual(last.after, "- [ ] Retro ansetzen (bis 2026-03-10)")
    }

    func testMergeReportsBranchChangesOnceAndWhatTheMergeItselfDid() throws {
        let repository = try TestRepository()
        try repository.write("TASK_M.md", "- [ ] Alpha\n- [ ] Beta\n- [ ] Gamma\n")
        try repository.commit("base", author: "Alice Adler")
        try repository.git(["checkout", "-q", "-b", "feature"])
        try repository.write("TASK_M.md", "- [x] Alpha\n- [ ] Beta\n- [ ] Gamma\n")
        try repository.commit("check alpha on a branch", author: "Bob Brandt")
        try repository.git(["checkout", "-q", "main"])
        try repository.write("TASK_M.md", "- [ ] Alpha\n- [ ] Beta\n- [x] Gamma\n")
        try repository.commit("check gamma on main", author: "Carol Weiss")
        try repository.git(["merge", "-q", "--no-ff", "--no-commit", "feature"])
        // The merge also checks Beta itself: only that belongs to the merge.
        try repository.write("TASK_M.md", "- [x] Alpha\n- [x] Beta\n- [x] Gamma\n")
        try repository.commit("merge feature", author: "Dana Ruiz")
        let events = summary(try history(repository)).filter { !$0.hasPrefix("item-added") && !$0.hasPrefix("document-added") }
        XCTAssertEqual(events.sorted(), [
            "checked Alpha (Bob Brandt)",
            "checked Beta (Dana Ruiz)",
            "checked Gamma (Carol Weiss)",
        ])
    }

    func testCleanMergeAddsNothing() throws {
        let repository = try TestRepository()
        try repository.write("TASK_M.md", "- [ ] Alpha\n")
        try repository.write("other.txt", "x\n")
        try repository.commit("base")
        try repository.git(["checkout", "-q", "-b", "feature"])
        try repository.write("TASK_M.md", "- [x] Alpha\n")
        try repository.commit("check on branch", author: "Bob Brandt")
        try repository.git(["checkout", "-q", "main"])
        try repository.write("other.txt", "y\n")
        try repository.commit("unrelated", author: "Carol Weiss")
        try repository.git(["merge", "-q", "--no-ff", "-m", "merge", "feature"], environment: [
            "GIT_AUTHOR_NAME": "Dana Ruiz", "GIT_AUTHOR_EMAIL": "dana@example.com",
            "GIT_COMMITTER_NAME": "Dana Ruiz", "GIT_COMMITTER_EMAIL": "dana@example.com",
        ])
        let checks = summary(try history(repository)).filter { $0.hasPrefix("checked") }
        XCTAssertEqual(checks, ["checked Alpha (Bob Brandt)"])
    }

    func testPathFilterAndSince() throws {
        let repository = try TestRepository()
        try repository.write("a/TASK_A.md", "- [ ] a\n")
        try repository.write("b/TASK_B.md", "- [ ] b\n")
        let first = try repository.commit("both")
        try repository.write("a/TASK_A.md", "- [x] a\n")
        try repository.write("b/TASK_B.md", "- [x] b\n")
        try repository.commit("check both", author: "Bob Brandt")
        XCTAssertEqual(Set(try history(repository, paths: ["b"]).map(\.path)), ["b/TASK_B.md"])
        XCTAssertEqual(summary(try history(repository, since: first)), ["checked a (Bob Brandt)", "checked b (Bob Brandt)"])
    }

    /// `diff A B` compares two revisions as one step but credits each event to the commit of the
    /// range that made it, as `history --since A --until B` does.
    func testDiffBetweenRevisionsIsOneStepCreditedToEachCommit() throws {
        let repository = try TestRepository()
        try repository.write("TASK_X.md", "- [ ] a\n- [ ] b\n")
        try repository.commit("one")
        try repository.write("TASK_X.md", "- [x] a\n- [ ] b\n")
        try repository.commit("two", author: "Bob Brandt")
        try repository.write("TASK_X.md", "- [x] a\n- [x] b\n")
        let third = try repository.commit("three", author: "Carol Weiss")
        let walker = try HistoryWalker(access: RepositoryAccess(directory: repository.path), configurationRevision: "HEAD", configurationFile: nil)
        let events = try walker.diff(from: "HEAD~2", to: "HEAD", paths: [])
        XCTAssertEqual(summary(events), ["checked a (Bob Brandt)", "checked b (Carol Weiss)"])
        XCTAssertEqual(events.last?.commit, third)
        XCTAssertEqual(events.first?.commit, try repository.git(["rev-parse", "HEAD~1"]).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    func testBlameNamesWhoCheckedAndWhoSigned() throws {
        let repository = try TestRepository()
        try repository.write("docs/TASK_B.md", "## Sign-off\n\n- [ ] Product\n- [ ] Security\n- [ ] SRE\n")
        try repository.commit("plan", author: "Alice Adler")
        try repository.write("docs/TASK_B.md", "## Sign-off\n\n- [x] Product — Pat Product, 2026-03-04\n- [ ] Security\n- [ ] SRE\n")
        try repository.commit("product", author: "Pat Product")
        try repository.git(["mv", "docs/TASK_B.md", "docs/TASK_SIGNOFF.md"])
        try repository.write("docs/TASK_SIGNOFF.md", "## Sign-off\n\n- [x] Product — Pat Product, 2026-03-04\n- [x] Security\n- [ ] SRE\n")
        try repository.commit("security", author: "Sam Secure")
        let walker = try HistoryWalker(access: RepositoryAccess(directory: repository.path), configurationRevision: "HEAD", configurationFile: nil)
        let blame = try walker.blame(path: "docs/TASK_SIGNOFF.md", revision: "HEAD")
        XCTAssertEqual(blame.map { "\($0.line) \($0.checked) \($0.lastChange.kind.rawValue) \($0.lastChange.authorName)" }, [
            "3 true signed Pat Product",
            "4 true checked Sam Secure",
            "5 false item-added Alice Adler",
        ])
        XCTAssertEqual(blame.map(\.signed), [true, false, false])
    }

    /// Table rows and glyph items are deliverables in history too: their state changes are events,
    /// and an item keeps its identity when it moves from a task list into a table.
    func testTableRowsGlyphsAndCancellations() throws {
        let repository = try TestRepository()
        try repository.write("TASK_T.md", """
        ## Work

        | Task | Owner | Status |
        |---|---|---|
        | Cut release | Dana | Not Started |

        ☐ Go-Live freigegeben

        - [ ] Load test
        - [ ] Deploy
        """)
        try repository.commit("plan", author: "Alice Adler")
        try repository.write("TASK_T.md", """
        ## Work

        | Task | Owner | Status |
        |---|---|---|
        | Cut release | Dana | ✅ Done |
        | Deploy | Eve | In Progress |

        ✅ Go-Live freigegeben

        - [ ] ~~Load test~~
        """)
        try repository.commit("progress", author: "Bob Brandt")
        // "Deploy" went from the task list into the table: the same deliverable, still open.
        XCTAssertEqual(summary(try history(repository)).filter { $0.hasSuffix("(Bob Brandt)") }, [
            "checked Cut release (Bob Brandt)",
            "checked Go-Live freigegeben (Bob Brandt)",
            "cancelled Load test (Bob Brandt)",
        ])
    }
}


/// A commit that changes many documents is described a stretch of changes at a time; what it
/// gives is what describing it whole gives.
final class StretchedCommitTests: XCTestCase {
    func testACommitDescribedInStretchesGivesTheEventsOfOneDescribedWhole() throws {
        let repository = try TestRepository()
        for index in 0..<7 {
            try repository.write("docs/TASK_\(index).md", "# Plan \(index)\n\n- [ ] Step one for [Owner]\n- [ ] Step two due 2026-03-0\(1 + index % 5)\n")
        }
        try repository.commit("Plans", author: "Alice Adler")
        for index in 0..<7 {
            try repository.write("docs/TASK_\(index).md", "# Plan \(index)\n\n- [x] Step one for Dana\n- [ ] Step two due 2026-03-09\n- [ ] Step three\n")
        }
        try repository.remove("docs/TASK_6.md")
        try repository.git(["mv", "docs/TASK_5.md", "docs/TASK_FIVE.md"])
        try repository.commit("Bulk edit", author: "Bob Builder")

        func walked(stretch: Int) throws -> HistoryReport {
            let walker = try HistoryWalker(access: RepositoryAccess(directory: repository.path), configurationRevision: "HEAD", configurationFile: nil)
            walker.changesPerStretch = stretch
            return try walker.history(HistoryOptions())
        }
        let whole = try walked(stretch: 1024), stretched = try walked(stretch: 2)
        XCTAssertGreaterThan(whole.events.count, 30)
        XCTAssertEqual(stretched.events, whole.events)
        XCTAssertEqual(stretched.burnDown, whole.burnDown)
    }
}
