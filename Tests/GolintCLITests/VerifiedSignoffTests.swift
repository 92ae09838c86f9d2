import Foundation
import GolintTestSupport
import XCTest

/// Sign-offs checked against history: real keys made with ssh-keygen (and gpg, when installed),
/// real commits signed by git, golint run as a user runs it.
final class VerifiedSignoffTests: CLITestCase {
    static let document = "docs/TASK_LAUNCH.md"
    static let plan = """
        # Launch: card payments

        ## Scope

        - [x] Card payments via Acquirer A

        ## Notes

        - [ ] Retro sheduled

        ## Sign-off

        - [ ] Security

        """
    static let now = "2026-03-01T00:00:00Z"

    struct Key {
        let path: String
        /// `ssh-ed25519 AAAA…`, as allowed-signers lists it.
        let publicKey: String
    }

    private var folder = ""

    override func setUpWithError() throws {
        folder = try temporaryFolder("golint-keys-")
    }

    private func key(_ name: String, type: String = "ed25519", bits: Int? = nil) throws -> Key {
        let path = "\(folder)/\(name)"
        try TestRepository.run("/usr/bin/env", ["ssh-keygen", "-q", "-t", type, "-N", "", "-C", name, "-f", path]
                               + (bits.map { ["-b", String($0)] } ?? []), in: folder)
        let line = try String(contentsOfFile: path + ".pub", encoding: .utf8)
        return Key(path: path, publicKey: line.split(separator: " ").prefix(2).joined(separator: " "))
    }

    private func signing(_ key: Key) -> [String] { ["gpg.format=ssh", "user.signingkey=\(key.path)"] }

    /// A repository with the plan, approvers for Security and the allowed signers, committed by Alice.
    private func repository(signers: [(String, Key)], configuration: String? = nil) throws -> TestRepository {
        let repository = try TestRepository()
        try repository.write(".golint.yml", configuration ?? """
            signoff:
              roles:
                Security: [carol@payments.example]
              require-signed-commits: true
              allowed-signers: .golint/allowed_signers

            """)
        try repository.write(".golint/allowed_signers", signers.map { "\($0.0) \($0.1.publicKey)\n" }.joined())
        try repository.write(Self.document, Self.plan)
        try repository.commit("Plan", author: "Alice Adler", email: "alice@payments.example")
        return repository
    }

    private func sign(_ repository: TestRepository, as name: String, signer: String? = nil, email: String,
                      key: Key?, environment: [String: String] = [:]) throws {
        let text = try String(contentsOfFile: repository.path + "/" + Self.document, encoding: .utf8)
        try repository.write(Self.document, text.replacingOccurrences(of: "- [ ] Security", with: "- [x] Security — \(signer ?? name), 2026-02-27"))
        try repository.commit("Security sign-off", author: name, email: email, signing: key.map(signing) ?? [], environment: environment)
    }

    /// The signoff findings of `check` as (rule, message).
    private func signoffFindings(_ repository: TestRepository, _ arguments: [String] = [],
                                 environment: [String: String] = [:]) throws -> [(rule: String, message: String)] {
        let result = try golint(["check", "--format", "json", "--now", Self.now] + arguments, in: repository.path, environment: environment)
        XCTAssertNotEqual(result.status, 2, result.stderr)
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], result.stdout)
        let findings = try XCTUnwrap(report["findings"] as? [[String: Any]])
        return findings.compactMap { finding in
            guard let rule = finding["rule"] as? String, rule.hasPrefix("signoff-") else { return nil }
            return (rule, finding["message"] as? String ?? "")
        }
    }

    /// The `signed` event of history, as JSON.
    private func signedEvent(_ repository: TestRepository, environment: [String: String] = [:]) throws -> [String: Any] {
        let result = try golint(["history", "--format", "json"], in: repository.path, environment: environment)
        XCTAssertEqual(result.status, 0, result.stderr)
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let events = try XCTUnwrap(report["events"] as? [[String: Any]])
        return try XCTUnwrap(events.last { $0["kind"] as? String == "signed" }, "\(events)")
    }

    private func signature(_ event: [String: Any]) -> [String: String] {
        (event["signature"] as? [String: Any] ?? [:]).compactMapValues { $0 as? String }
    }

    func testAGoodSignatureByAnAllowedSignerIsVerified() throws {
        let carol = try key("carol")
        let repository = try repository(signers: [("carol@payments.example", carol)])
        try sign(repository, as: "Carol Weiss", email: "carol@payments.example", key: carol)
        XCTAssertEqual(try signoffFindings(repository).map(\.rule), [])
        let event = try signedEvent(repository)
        XCTAssertEqual(signature(event), ["status": "good", "format": "ssh", "signer": "carol@payments.example"])
        XCTAssertEqual(event["verified"] as? Bool, true)
        XCTAssertEqual(event["stale"] as? Bool, false)
        XCTAssertEqual(event["committer"] as? [String: String], ["name": "Carol Weiss", "email": "carol@payments.example"])
        let blame = try golint(["blame", Self.document], in: repository.path)
        XCTAssertTrue(blame.stdout.contains("signed by Carol Weiss <carol@payments.example>") && blame.stdout.contains("[ssh good carol@payments.example] verified"),
                      blame.stdout)
        let approval = try statusApproval(repository)
        XCTAssertEqual(approval.counts, ["total": 1, "given": 1, "verified": 1])
        XCTAssertEqual(approval.entry["status"] as? String, "verified")
        XCTAssertEqual(approval.entry["commit"] as? String, try repository.git(["rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// The document's approval counts and its one approval, as `status --format json` reports them.
    /// Dave changes the date of Carol's verified approval in his own unsigned commit: one
    /// `signoff-tampered`, and check, status, blame and history all credit Dave's commit. Carol
    /// moving her own approval line, unchanged and unsigned, keeps it verified.
    func testAChangedApprovalIsCreditedToWhoChangedItAndAMoveKeepsItVerified() throws {
        let carol = try key("carol")
        let repository = try repository(signers: [("carol@payments.example", carol)])
        try sign(repository, as: "Carol Weiss", email: "carol@payments.example", key: carol)
        let given = try String(contentsOfFile: repository.path + "/" + Self.document, encoding: .utf8)
        // Carol moves her approval above the notes, in an unsigned commit: still given by her signed commit.
        try repository.write(Self.document, given.replacingOccurrences(of: "- [x] Security — Carol Weiss, 2026-02-27\n", with: "")
            .replacingOccurrences(of: "## Notes\n", with: "## Notes\n\n- [x] Security — Carol Weiss, 2026-02-27\n"))
        try repository.commit("Move the approval", author: "Carol Weiss", email: "carol@payments.example")
        XCTAssertEqual(try signoffFindings(repository).map(\.rule), [])
        XCTAssertEqual(try statusApproval(repository).entry["status"] as? String, "verified")
        let moved = try String(contentsOfFile: repository.path + "/" + Self.document, encoding: .utf8)
        try repository.write(Self.document, moved.replacingOccurrences(of: "2026-02-27", with: "2026-03-04"))
        try repository.commit("Fix the date", author: "Dave Mallory", email: "dave@payments.example")
        let dave = try repository.git(["rev-parse", "--short=7", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let findings = try signoffFindings(repository)
        XCTAssertEqual(findings.map(\.rule), ["signoff-tampered"], "one finding for one problem: \(findings)")
        XCTAssertTrue(findings.first?.message.contains("was changed in \(dave) by Dave Mallory <dave@payments.example>, who is not a Security approver") == true,
                      findings.first?.message ?? "")
        let blame = try golint(["blame", Self.document], in: repository.path)
        XCTAssertTrue(blame.stdout.contains("signed by Dave Mallory <dave@payments.example>"), blame.stdout)
        XCTAssertEqual(try signedEvent(repository)["verified"] as? Bool, false)
        XCTAssertEqual(try statusApproval(repository).entry["status"] as? String, "unverified")
    }

    private func statusApproval(_ repository: TestRepository) throws -> (counts: [String: Int], entry: [String: Any]) {
        let result = try golint(["status", "--format", "json", "--now", Self.now], in: repository.path)
        XCTAssertEqual(result.status, 0, result.stderr)
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], result.stdout)
        let document = try XCTUnwrap((report["documents"] as? [[String: Any]])?.first { $0["path"] as? String == Self.document })
        let entries = try XCTUnwrap(document["approvalList"] as? [[String: Any]])
        return (try XCTUnwrap(document["approvals"] as? [String: Int]), try XCTUnwrap(entries.first { $0["role"] as? String == "Security" }))
    }

    func testECDSAAndRSAKeysAreVerifiedToo() throws {
        for (type, bits) in [("ecdsa", 256), ("ecdsa", 384), ("ecdsa", 521), ("rsa", 3072)] {
            let carol = try key("carol-\(type)-\(bits)", type: type, bits: bits)
            let repository = try repository(signers: [("carol@payments.example", carol)])
            try sign(repository, as: "Carol Weiss", email: "carol@payments.example", key: carol)
            XCTAssertEqual(try signoffFindings(repository).map(\.rule), [], "\(type) \(bits)")
            XCTAssertEqual(signature(try signedEvent(repository))["status"], "good", "\(type) \(bits)")
        }
    }

    func testAGoodSignatureByAnUnknownKeyIsUnverified() throws {
        let carol = try key("carol"), other = try key("carol-laptop")
        let repository = try repository(signers: [("carol@payments.example", carol)])
        try sign(repository, as: "Carol Weiss", email: "carol@payments.example", key: other)
        let findings = try signoffFindings(repository)
        XCTAssertEqual(findings.map(\.rule), ["signoff-unverified"])
        XCTAssertTrue(findings[0].message.contains("signature unknown-key: the key is not in .golint/allowed_signers"), findings[0].message)
        let event = try signedEvent(repository)
        XCTAssertEqual(signature(event)["status"], "unknown-key")
        XCTAssertEqual(event["verified"] as? Bool, false)
    }

    func testATamperedCommitHasABadSignature() throws {
        let carol = try key("carol")
        let repository = try repository(signers: [("carol@payments.example", carol)])
        try sign(repository, as: "Carol Weiss", email: "carol@payments.example", key: carol)
        // The same commit with its message changed after signing: the signature no longer matches.
        let object = try repository.git(["cat-file", "commit", "HEAD"])
        XCTAssertTrue(object.contains("-----BEGIN SSH SIGNATURE-----"))
        let tampered = object.replacingOccurrences(of: "Security sign-off", with: "Security sign-off (approved by the board)")
        let input = repository.path + "/../tampered-\(UUID().uuidString)"
        try tampered.write(toFile: input, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: input) }
        let id = try repository.git(["hash-object", "-t", "commit", "-w", input]).trimmingCharacters(in: .whitespacesAndNewlines)
        try repository.git(["update-ref", "refs/heads/main", id])
        let findings = try signoffFindings(repository)
        XCTAssertEqual(findings.map(\.rule), ["signoff-unverified"])
        XCTAssertTrue(findings[0].message.contains("signature bad: the signature does not match the commit"), findings[0].message)
        XCTAssertEqual(signature(try signedEvent(repository))["status"], "bad")
    }

    func testAnUnsignedCommitIsUnverifiedOnlyWhereSignaturesAreRequired() throws {
        let carol = try key("carol")
        let repository = try repository(signers: [("carol@payments.example", carol)])
        try sign(repository, as: "Carol Weiss", email: "carol@payments.example", key: nil)
        let findings = try signoffFindings(repository)
        XCTAssertEqual(findings.map(\.rule), ["signoff-unverified"])
        XCTAssertTrue(findings[0].message.contains("was given in \(try shortHead(repository)) by Carol Weiss <carol@payments.example> without a good signature (signature none"),
                      findings[0].message)
        XCTAssertEqual(signature(try signedEvent(repository))["status"], "none")

        try repository.write(".golint.yml", "signoff:\n  roles:\n    Security: [carol@payments.example]\n")
        try repository.commit("Signatures no longer required", author: "Alice Adler", email: "alice@payments.example")
        XCTAssertEqual(try signoffFindings(repository).map(\.rule), [])
    }

    func testAForgedSignerNameIsAnIdentityMismatch() throws {
        let carol = try key("carol"), dave = try key("dave")
        let repository = try repository(signers: [("carol@payments.example", carol), ("dave@payments.example", dave)])
        try sign(repository, as: "Dave Mallory", signer: "Carol Weiss", email: "dave@payments.example", key: dave)
        let findings = try signoffFindings(repository)
        // Dave's signature is good, but it is Dave's: the name and the role are wrong, not the signature.
        XCTAssertEqual(findings.map(\.rule).sorted(), ["signoff-identity-mismatch", "signoff-unauthorized"])
        let head = try shortHead(repository)
        XCTAssertTrue(findings.contains { $0.message == "'Security — Carol Weiss, 2026-02-27' names Carol Weiss but was given in \(head) by Dave Mallory <dave@payments.example>" },
                      "\(findings)")
        XCTAssertEqual(try signedEvent(repository)["verified"] as? Bool, false)

        // Without any signoff configuration nothing is checked against history.
        try repository.write(".golint.yml", "")
        try repository.commit("No verification", author: "Alice Adler", email: "alice@payments.example")
        XCTAssertEqual(try signoffFindings(repository).map(\.rule), [])
    }

    func testTheWalkStopsOnceEveryApprovalIsFound() throws {
        let carol = try key("carol")
        let repository = try repository(signers: [("carol@payments.example", carol)])
        let first = try repository.git(["rev-parse", "HEAD:\(Self.document)"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let text = try String(contentsOfFile: repository.path + "/" + Self.document, encoding: .utf8)
        try repository.write(Self.document, text.replacingOccurrences(of: "Retro sheduled", with: "Retro scheduled"))
        try repository.commit("Typo", author: "Alice Adler", email: "alice@payments.example")
        try sign(repository, as: "Carol Weiss", email: "carol@payments.example", key: carol)
        // The first version is gone: a walk that read it would fail; the approval is found before it.
        try FileManager.default.removeItem(atPath: "\(repository.path)/.git/objects/\(first.prefix(2))/\(first.dropFirst(2))")
        XCTAssertEqual(try signoffFindings(repository).map(\.rule), [])
        XCTAssertEqual(try golint(["history"], in: repository.path).status, 2, "history reads every version and meets the missing one")
    }

    func testAClockSkewedBranchIsWalkedInTopologicalOrder() throws {
        let carol = try key("carol")
        let repository = try repository(signers: [("carol@payments.example", carol)])
        func commit(_ message: String, _ name: String, _ email: String, at time: Int, key: Key? = nil) throws {
            let date = "@\(time) +0100"
            try repository.git((key.map(signing) ?? []).flatMap { ["-c", $0] } + ["commit", "-q", "-a", "--allow-empty", "-m", message] + (key == nil ? [] : ["-S"]),
                               environment: ["GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": email, "GIT_AUTHOR_DATE": date,
                                             "GIT_COMMITTER_NAME": name, "GIT_COMMITTER_EMAIL": email, "GIT_COMMITTER_DATE": date])
        }
        let base = 1_772_100_000
        try repository.git(["checkout", "-q", "-b", "sign-off"])
        // Carol's laptop clock is a day behind: her commit is "older" than the plan it changes.
        let text = try String(contentsOfFile: repository.path + "/" + Self.document, encoding: .utf8)
        try repository.write(Self.document, text.replacingOccurrences(of: "- [ ] Security", with: "- [x] Security — Carol Weiss, 2026-02-27"))
        try commit("Security sign-off", "Carol Weiss", "carol@payments.example", at: base - 200_000, key: carol)
        try repository.git(["checkout", "-q", "main"])
        try repository.write("README.md", "# Payments\n")
        try repository.git(["add", "README.md"])
        try commit("Readme", "Alice Adler", "alice@payments.example", at: base + 3_600)
        try repository.git(["merge", "-q", "--no-ff", "--no-edit", "sign-off"], environment: [
            "GIT_AUTHOR_DATE": "@\(base + 7_200) +0100", "GIT_COMMITTER_DATE": "@\(base + 7_200) +0100"])
        XCTAssertEqual(try signoffFindings(repository).map(\.rule), [], "the approval is Carol's signed commit, found despite the skew")
    }

    func testSignOffFormsAreTracedThroughLaterCommits() throws {
        // `off`: versions are screened by their lines at once, and a form row's changed line sends the
        // walk back to parsing; `section`: every version is parsed.
        for scope in ["off", "section"] {
            let repository = try TestRepository()
            try repository.write(".golint.yml", "signoff:\n  roles:\n    Legal: [jana@legal.example]\n    Betrieb: [dana@ops.example]\n  stale: \(scope)\n")
            let form = { (legal: String, betrieb: String, notes: String) in
                "# Go-Live\n\n## Notizen\n\n- [ ] \(notes)\n\n## Freigabe\n\n| Rolle | Name | Datum |\n|---|---|---|\n| Legal | \(legal) |\n| Betrieb | \(betrieb) |\n\n- Product:\n"
            }
            try repository.write("docs/GO_LIVE.md", form(" | ", " | ", "Retro planen"))
            try repository.commit("Plan", author: "Alice Adler", email: "alice@payments.example")
            try repository.write("docs/GO_LIVE.md", form("Jana Krüger | 2026-03-01", " | ", "Retro planen"))
            let legal = String(try repository.commit("Legal", author: "Jana Krüger", email: "jana@legal.example").prefix(7))
            // Dave fills in Dana's row, then a note changes: the form rows are followed through
            // versions where their lines are parsed, not only screened.
            try repository.write("docs/GO_LIVE.md", form("Jana Krüger | 2026-03-01", "Dana Ruiz | 2026-03-02", "Retro planen"))
            let betrieb = String(try repository.commit("Betrieb", author: "Dave Mallory", email: "dave@payments.example").prefix(7))
            try repository.write("docs/GO_LIVE.md", form("Jana Krüger | 2026-03-01", "Dana Ruiz | 2026-03-02", "Retro am Freitag planen"))
            try repository.commit("Notes", author: "Alice Adler", email: "alice@payments.example")
            let findings = try signoffFindings(repository)
            XCTAssertEqual(findings.map(\.rule).sorted(), ["signoff-identity-mismatch", "signoff-unauthorized"], "\(findings)")
            XCTAssertTrue(findings.allSatisfy { $0.message.contains("given in \(betrieb) by Dave Mallory <dave@payments.example>") }, "\(findings)")
            XCTAssertFalse(findings.contains { $0.message.contains(legal) }, "Jana's own row is hers")
        }
    }

    func testAnApproverNotListedIsUnauthorized() throws {
        let erin = try key("erin")
        let repository = try repository(signers: [("erin@payments.example", erin)])
        try sign(repository, as: "Erin Example", email: "erin@payments.example", key: erin)
        let findings = try signoffFindings(repository)
        XCTAssertEqual(findings.map(\.rule), ["signoff-unauthorized"])
        XCTAssertEqual(findings[0].message, "'Security — Erin Example, 2026-02-27' was given in \(try shortHead(repository)) by Erin Example <erin@payments.example>; Security approvers: carol@payments.example")
    }

    func testAnApprovalFollowedByASubstantiveChangeIsStale() throws {
        let carol = try key("carol")
        let repository = try repository(signers: [("carol@payments.example", carol)])
        try sign(repository, as: "Carol Weiss", email: "carol@payments.example", key: carol)
        let approval = try shortHead(repository)
        // An unrelated commit that touches no document does not end the walk early or late.
        try repository.write("README.md", "# Payments\n")
        try repository.commit("Readme", author: "Alice Adler", email: "alice@payments.example")
        let text = try String(contentsOfFile: repository.path + "/" + Self.document, encoding: .utf8)
        try repository.write(Self.document, text.replacingOccurrences(of: "- [x] Card payments via Acquirer A",
                                                                     with: "- [x] Card payments via Acquirer A\n- [ ] Payment provider switched"))
        try repository.commit("Switch provider", author: "Alice Adler", email: "alice@payments.example")
        let findings = try signoffFindings(repository)
        XCTAssertEqual(findings.map(\.rule), ["signoff-stale"])
        XCTAssertEqual(findings[0].message,
                       "approval 'Security' (\(approval), 2026-02-25) is stale: 'Payment provider switched' was added in \(try shortHead(repository)) by Alice Adler")
        // history and blame say the same of the approval.
        XCTAssertEqual(try signedEvent(repository)["stale"] as? Bool, true)
        let blame = try golint(["blame", Self.document], in: repository.path).stdout
        XCTAssertTrue(blame.split(separator: "\n").contains { $0.contains("Security — Carol Weiss") && $0.hasSuffix("verified, stale") }, blame)
        let status = try statusApproval(repository)
        XCTAssertEqual(status.counts, ["total": 1, "given": 1, "verified": 0], "a stale approval is not counted as verified")
        XCTAssertEqual(status.entry["status"] as? String, "stale")
        XCTAssertEqual(status.entry["remark"] as? String, "'Payment provider switched' was added in \(try shortHead(repository)) by Alice Adler")
    }

    func testAHarmlessChangeElsewhereIsNotStaleWithSectionScope() throws {
        let carol = try key("carol")
        for scope in ["section", "document"] {
            let repository = try repository(signers: [("carol@payments.example", carol)], configuration: """
                signoff:
                  allowed-signers: .golint/allowed_signers
                  stale: \(scope)

                """)
            try sign(repository, as: "Carol Weiss", email: "carol@payments.example", key: carol)
            let text = try String(contentsOfFile: repository.path + "/" + Self.document, encoding: .utf8)
            try repository.write(Self.document, text.replacingOccurrences(of: "Retro sheduled", with: "Retro scheduled"))
            try repository.commit("Typo", author: "Alice Adler", email: "alice@payments.example")
            XCTAssertEqual(try signoffFindings(repository).map(\.rule), scope == "section" ? [] : ["signoff-stale"], scope)
        }
    }

    func testMailmapAliasesAreTheSamePerson() throws {
        let carol = try key("carol")
        let repository = try repository(signers: [("carol@payments.example", carol)])
        try repository.write(".mailmap", "Carol Weiss <carol@payments.example> <cw@laptop.local>\n")
        try repository.commit("Mailmap", author: "Alice Adler", email: "alice@payments.example")
        try sign(repository, as: "cw", signer: "Carol Weiss", email: "cw@laptop.local", key: carol)
        XCTAssertEqual(try signoffFindings(repository).map(\.rule), [])
        let event = try signedEvent(repository)
        XCTAssertEqual(event["author"] as? [String: String], ["name": "Carol Weiss", "email": "carol@payments.example"])
        XCTAssertEqual(event["verified"] as? Bool, true)
    }

    func testAStagedApprovalIsAttributedToTheLocalIdentity() throws {
        let carol = try key("carol")
        let repository = try repository(signers: [("carol@payments.example", carol)])
        let text = try String(contentsOfFile: repository.path + "/" + Self.document, encoding: .utf8)
        try repository.write(Self.document, text.replacingOccurrences(of: "- [ ] Security", with: "- [x] Security — Carol Weiss, 2026-02-27"))
        try repository.git(["add", "-A"])
        let dave = ["GIT_AUTHOR_NAME": "Dave Mallory", "GIT_AUTHOR_EMAIL": "dave@payments.example"]
        let findings = try signoffFindings(repository, ["--staged"], environment: dave)
        XCTAssertEqual(findings.map(\.rule).sorted(), ["signoff-identity-mismatch", "signoff-unauthorized"])
        XCTAssertTrue(findings.contains { $0.message.hasSuffix("was given in the pending change by Dave Mallory <dave@payments.example>") }, "\(findings)")
        // Carol's own pending approval passes: nothing is signed yet, so nothing is held against it.
        let carolHere = ["GIT_AUTHOR_NAME": "Carol Weiss", "GIT_AUTHOR_EMAIL": "carol@payments.example"]
        XCTAssertEqual(try signoffFindings(repository, ["--staged"], environment: carolHere).map(\.rule), [])
        XCTAssertEqual(try signoffFindings(repository, ["--worktree"], environment: carolHere).map(\.rule), [])

        // The installed hook stops Dave's commit with the same findings.
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let binaryFolder = URL(fileURLWithPath: CLITestCase.binary).deletingLastPathComponent().path
        XCTAssertEqual(try golint(["install-hook"], in: repository.path).status, 0)
        let commit = try TestRepository.run("/usr/bin/env", ["git", "commit", "-q", "-m", "Security sign-off"], in: repository.path,
                                            environment: dave.merging(["PATH": binaryFolder + ":" + path,
                                                                       "GIT_COMMITTER_NAME": "Dave Mallory", "GIT_COMMITTER_EMAIL": "dave@payments.example"]) { $1 },
                                            check: false)
        XCTAssertNotEqual(commit.status, 0)
        XCTAssertTrue((commit.stdout + commit.stderr).contains("[signoff-identity-mismatch]"), commit.stdout + commit.stderr)
    }

    func testTrustRevPinsTheApprovers() throws {
        let carol = try key("carol"), dave = try key("dave")
        let repository = try repository(signers: [("carol@payments.example", carol), ("dave@payments.example", dave)])
        try repository.git(["checkout", "-q", "-b", "self-approval"])
        // The change makes its author an approver and approves itself.
        try repository.write(".golint.yml", """
            signoff:
              roles:
                Security: [carol@payments.example, dave@payments.example]
              require-signed-commits: true
              allowed-signers: .golint/allowed_signers

            """)
        try sign(repository, as: "Dave Mallory", email: "dave@payments.example", key: dave)
        XCTAssertEqual(try signoffFindings(repository).map(\.rule), [])
        let pinned = try signoffFindings(repository, ["--trust-rev", "main"])
        XCTAssertEqual(pinned.map(\.rule), ["signoff-unauthorized"])
        XCTAssertTrue(pinned[0].message.hasSuffix("Security approvers: carol@payments.example"), pinned[0].message)
        let unknown = try golint(["check", "--trust-rev", "no-such-branch"], in: repository.path)
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("no-such-branch"), unknown.stderr)
    }

    func testAllowedSignerOptionsAndBrokenFiles() throws {
        let carol = try key("carol")
        for options in ["valid-before=\"20200101\"", "namespaces=\"file\"", "valid-after=\"20300101Z\""] {
            let repository = try repository(signers: [("carol@payments.example \(options)", carol)])
            try sign(repository, as: "Carol Weiss", email: "carol@payments.example", key: carol)
            XCTAssertEqual(try signoffFindings(repository).map(\.rule), ["signoff-unverified"], options)
        }
        let valid = try repository(signers: [("carol@payments.example,carol@old.example valid-after=\"20260101\",namespaces=\"git,file\"", carol)])
        try sign(valid, as: "Carol Weiss", email: "carol@payments.example", key: carol)
        XCTAssertEqual(try signoffFindings(valid).map(\.rule), [])

        try valid.write(".golint/allowed_signers", "carol@payments.example\n")
        try valid.commit("Broken", author: "Alice Adler", email: "alice@payments.example")
        let broken = try golint(["check"], in: valid.path)
        XCTAssertEqual(broken.status, 2)
        XCTAssertTrue(broken.stderr.contains(".golint/allowed_signers:1"), broken.stderr)
        XCTAssertEqual(broken.stderr.split(separator: "\n").count, 1, broken.stderr)
    }

    func testOpenPGPSignaturesAreCheckedByGPG() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/gpg") else {
            throw XCTSkip("gpg is not installed: OpenPGP signatures are reported as unchecked")
        }
        let home = "\(folder)/gnupg", empty = "\(folder)/gnupg-empty"
        for directory in [home, empty] {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        defer {
            for directory in [home, empty] {
                _ = try? TestRepository.run("/usr/bin/env", ["gpgconf", "--kill", "gpg-agent"], in: folder, environment: ["GNUPGHOME": directory], check: false)
            }
        }
        try TestRepository.run("/usr/bin/env", ["gpg", "--batch", "--pinentry-mode", "loopback", "--passphrase", "",
                                                "--quick-gen-key", "Carol Weiss <carol@payments.example>", "ed25519", "sign", "never"],
                               in: folder, environment: ["GNUPGHOME": home])
        let repository = try repository(signers: [], configuration: """
            signoff:
              roles:
                Security: [carol@payments.example]
              require-signed-commits: true

            """)
        let withKey = ["GNUPGHOME": home]
        try sign(repository, as: "Carol Weiss", email: "carol@payments.example", key: nil, environment: withKey)
        try repository.git(["-c", "user.signingkey=carol@payments.example", "commit", "--amend", "--no-edit", "-q", "-S"], environment: withKey)
        XCTAssertEqual(try signoffFindings(repository, environment: withKey).map(\.rule), [])
        XCTAssertEqual(signature(try signedEvent(repository, environment: withKey)),
                       ["status": "good", "format": "openpgp", "signer": "carol@payments.example"])
        // A keyring without Carol's key cannot vouch for it.
        let withoutKey = ["GNUPGHOME": empty]
        XCTAssertEqual(try signoffFindings(repository, environment: withoutKey).map(\.rule), ["signoff-unverified"])
        XCTAssertEqual(signature(try signedEvent(repository, environment: withoutKey))["status"], "unknown-key")
    }

    /// Separation of duties on signed commits by their approvers: every approval is verified, and
    /// still Bob approved work he added, Carol signed two roles, and Security has one approver of two.
    func testSeparationOfDutiesWithSignedCommits() throws {
        let bob = try key("bob"), carol = try key("carol")
        let repository = try repository(signers: [("bob@payments.example", bob), ("carol@payments.example", carol)], configuration: """
            signoff:
              roles:
                Product: [bob@payments.example, carol@payments.example]
                Security: [carol@payments.example]
              require-signed-commits: true
              allowed-signers: .golint/allowed_signers
              separation: true
              min-approvers: {Security: 2}

            """)
        let text = try String(contentsOfFile: repository.path + "/" + Self.document, encoding: .utf8)
        let withProduct = text.replacingOccurrences(of: "- [ ] Security", with: "- [ ] Product\n- [ ] Security")
        try repository.write(Self.document, withProduct.replacingOccurrences(of: "- [x] Card payments via Acquirer A", with: "- [x] Card payments via Acquirer A\n- [ ] Refunds via Acquirer A")
            .replacingOccurrences(of: "- [ ] Product", with: "- [x] Product — Bob Builder, 2026-02-27"))
        try repository.commit("Refunds, approved", author: "Bob Builder", email: "bob@payments.example", signing: signing(bob))
        let bobsCommit = try shortHead(repository)
        try sign(repository, as: "Carol Weiss", email: "carol@payments.example", key: carol)
        let findings = try signoffFindings(repository)
        XCTAssertEqual(findings.map(\.rule), ["signoff-self-approval", "signoff-too-few"], "\(findings)")
        XCTAssertEqual(findings.first?.message, "'Product — Bob Builder, 2026-02-27' was given in \(bobsCommit) by Bob Builder <bob@payments.example>, "
                       + "who made a change it approves: 'Refunds via Acquirer A' was added in \(bobsCommit) by Bob Builder")
        XCTAssertEqual(findings.last?.message, "Security is approved by 1 person (Carol Weiss); signoff.min-approvers asks for 2")

        // Carol, who may give both, signs Product too: one person, two roles.
        let signed = try String(contentsOfFile: repository.path + "/" + Self.document, encoding: .utf8)
        try repository.write(Self.document, signed.replacingOccurrences(of: "- [x] Product — Bob Builder, 2026-02-27", with: "- [x] Product — Carol Weiss, 2026-02-28"))
        try repository.commit("Product sign-off", author: "Carol Weiss", email: "carol@payments.example", signing: signing(carol))
        XCTAssertEqual(try signoffFindings(repository).map(\.rule), ["signoff-same-signer", "signoff-too-few"])
    }

    private func shortHead(_ repository: TestRepository) throws -> String {
        String(try repository.git(["rev-parse", "HEAD"]).prefix(7))
    }
}
