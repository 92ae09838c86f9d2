@testable import GolintKit
import GolintTestSupport
import XCTest

/// `check` traces approvals back from the evaluated commit; `history` walks forward and marks its
/// approval events. On one history they must tell the same story: for every approval given at
/// HEAD, the same commit, the same author and the same stale flag.
final class ApprovalAgreementTests: XCTestCase {
    /// SplitMix64: the same histories on every run and machine.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let people = [("Alice Adler", "alice@example.com"), ("Bob Brandt", "bob@example.com"), ("Carol Weiss", "carol@example.com")]
    static let roles = ["Product", "Security", "QA"]

    /// A plan a generated history edits: work items in two sections, one sign-off line per role.
    struct Plan {
        var work: [[(text: String, done: Bool)]] = [[("Rollback rehearsed", false), ("Runbook written", false)],
                                                     [("Status page ready", false)]]
        var notes = "Kick-off on Monday."
        var signatures: [String: String] = [:]

        var markdown: String {
            var text = "# Launch plan\n\n\(notes)\n"
            for (index, section) in work.enumerated() {
                text += "\n## Workstream \(index + 1)\n\n" + section.map { "- [\($0.done ? "x" : " ")] \($0.text)\n" }.joined()
            }
            text += "\n## Sign-off\n\n"
            for role in ApprovalAgreementTests.roles {
                text += signatures[role].map { "- [x] \(role) — \($0)\n" } ?? "- [ ] \(role)\n"
            }
            return text
        }
    }

    func testCheckAndHistoryAgreeOnEveryApprovalsCommitAuthorAndStaleness() throws {
        var stale = 0, fresh = 0
        for (seed, scope) in [(1, "document"), (2, "document"), (3, "section"), (4, "document"), (5, "section"), (6, "document")] {
            var random = SeededGenerator(state: UInt64(seed))
            let repository = try TestRepository()
            let approvers = Self.roles.map { "    \($0): [\(Self.people.map(\.1).joined(separator: ", "))]" }.joined(separator: "\n")
            // One `git fast-import` run per history (a `git commit` per step takes seconds).
            var stream = "", time = 1_772_000_000
            func commit(_ plan: Plan, by person: (String, String), configuration: String? = nil) {
                time += 3600
                stream += "commit refs/heads/main\nauthor \(person.0) <\(person.1)> \(time) +0100\ncommitter \(person.0) <\(person.1)> \(time) +0100\n"
                stream += "data 4\nstep\n"
                for (path, text) in [(".golint.yml", configuration), ("docs/TASK_LAUNCH.md", plan.markdown)] {
                    guard let text else { continue }
                    stream += "M 100644 inline \(path)\ndata \(text.utf8.count)\n\(text)\n"
                }
            }
            var plan = Plan()
            commit(plan, by: Self.people[0], configuration: "signoff:\n  stale: \(scope)\n  roles:\n\(approvers)\n")
            for step in 1...24 {
                let person = Self.people.randomElement(using: &random)!
                let name = person.0
                let section = Int.random(in: 0..<plan.work.count, using: &random)
                switch Int.random(in: 0..<6, using: &random) {
                case 0, 1:
                    // Signs an open role, mostly under their own name.
                    guard let role = Self.roles.filter({ plan.signatures[$0] == nil }).randomElement(using: &random) else { fallthrough }
                    let signer = Int.random(in: 0..<4, using: &random) == 0 ? Self.people.randomElement(using: &random)!.0 : name
                    plan.signatures[role] = "\(signer), 2026-03-\(String(format: "%02d", 1 + step % 28))"
                case 2:
                    plan.work[section].append(("Follow-up \(step)", false))
                case 3:
                    let item = Int.random(in: 0..<plan.work[section].count, using: &random)
                    plan.work[section][item].text += " (revised \(step))"
                case 4:
                    let item = Int.random(in: 0..<plan.work[section].count, using: &random)
                    plan.work[section][item].done.toggle()
                default:
                    plan.notes = "Kick-off on Monday, notes \(step)."
                }
                commit(plan, by: person)
            }
            try TestRepository.run("/usr/bin/env", ["git", "fast-import", "--quiet"], in: repository.path, input: stream)
            try repository.git(["reset", "-q", "--hard", "main"])
            let flags = try compare(repository, seed: seed, given: plan.signatures.count)
            stale += flags.filter { $0 }.count
            fresh += flags.filter { !$0 }.count
        }
        XCTAssertGreaterThan(stale, 2, "the histories make approvals stale")
        XCTAssertGreaterThan(fresh, 2, "and leave some fresh")
    }

    /// The stale flags of the approvals compared.
    private func compare(_ repository: TestRepository, seed: Int, given: Int) throws -> [Bool] {
        let access = RepositoryAccess(directory: repository.path)
        var request = CheckRequest(now: try XCTUnwrap(ISOTime.parse("2026-03-06T12:00:00+01:00")?.date))
        request.repository = access
        request.options.summarize = true
        let traced = try XCTUnwrap(CheckRun.run(request).report.statuses.first).approvalList.filter { $0.standing != .open }
        XCTAssertEqual(traced.count, given, "seed \(seed)")

        let walker = try HistoryWalker(access: access, configurationRevision: "HEAD", configurationFile: nil)
        let events = try walker.history(HistoryOptions()).events
        for approval in traced {
            // The event that gave the approval as it stands: the last one on its line's text.
            let event = try XCTUnwrap(events.last { $0.stale != nil && $0.item == approval.item }, "seed \(seed): no event gave \(approval.item)")
            XCTAssertEqual(approval.commit, event.commit, "seed \(seed): \(approval.item)")
            XCTAssertEqual(approval.author, "\(event.authorName) <\(event.authorEmail)>", "seed \(seed): \(approval.item)")
            XCTAssertEqual(approval.standing == .stale, event.stale, "seed \(seed): \(approval.item) (\(approval.remark ?? "no remark"))")
        }
        return traced.map { $0.standing == .stale }
    }
}
