import Foundation
import GolintTestSupport
import XCTest

/// `golint evidence` as an auditor receives it: a folder whose CSVs load in pandas with the
/// documented columns, whose sums `sha256sum -c` accepts, which `ssh-keygen -Y` can sign, and
/// which `evidence verify` derives again from the repository — and refuses once a cell is edited.
final class EvidenceCommandTests: CLITestCase {
    static let approvalColumns = ["document", "line", "role", "signer", "commit", "author_name", "author_email", "committer_name",
                                  "committer_email", "time", "signature_status", "signature_signer", "verified", "stale", "before_release"]
    static let eventColumns = ["commit", "time", "author_name", "author_email", "committer_name", "committer_email", "document", "kind",
                               "line", "item", "before", "after", "signature_status", "verified", "stale"]
    static let findingColumns = ["document", "line", "column", "rule", "severity", "message", "deadline", "owner"]

    private var folder = ""

    override func setUpWithError() throws {
        folder = try temporaryFolder("golint-evidence-test-")
    }

    /// Carol signs Security with her key before the release tag; Pat signs Product on a branch
    /// merged after it.
    private func repository(key: String) throws -> (TestRepository, start: String) {
        let repository = try TestRepository()
        let publicKey = try String(contentsOfFile: key + ".pub", encoding: .utf8).split(separator: " ").prefix(2).joined(separator: " ")
        try repository.write(".golint.yml", """
            signoff:
              roles:
                Security: [carol@payments.example]
                Product: [pat@payments.example]
              allowed-signers: .golint/allowed_signers

            """)
        try repository.write(".golint/allowed_signers", "carol@payments.example \(publicKey)\n")
        let plan = "# Launch, \"Q1\"\n\n- [ ] Runbook, reviewed — due 2026-03-01\n\n## Sign-off\n\n- [ ] Security\n- [ ] Product\n"
        try repository.write("docs/TASK_LAUNCH.md", plan)
        let start = try repository.commit("Plan", author: "Alice Adler", email: "alice@payments.example")
        try repository.write("docs/TASK_LAUNCH.md", plan.replacingOccurrences(of: "- [ ] Security", with: "- [x] Security — Carol Weiss, 2026-02-27"))
        try repository.commit("Security sign-off", author: "Carol Weiss", email: "carol@payments.example",
                              signing: ["gpg.format=ssh", "user.signingkey=\(key)"])
        try repository.git(["tag", "v1.0"])
        try repository.git(["checkout", "-q", "-b", "late"])
        try repository.write("docs/TASK_LAUNCH.md", plan.replacingOccurrences(of: "- [ ] Security", with: "- [x] Security — Carol Weiss, 2026-02-27")
            .replacingOccurrences(of: "- [ ] Product", with: "- [x] Product — Pat Product, 2026-03-02"))
        try repository.commit("Product sign-off", author: "Pat Product", email: "pat@payments.example")
        try repository.git(["checkout", "-q", "main"])
        try repository.git(["merge", "-q", "--no-ff", "--no-edit", "late"])
        return (repository, start)
    }

    func testAnEvidenceFolderLoadsVerifiesAndRefusesAnEditedCell() throws {
        let key = folder + "/carol"
        try TestRepository.run("/usr/bin/env", ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "carol", "-f", key], in: folder)
        let (repository, start) = try repository(key: key)
        let bundle = folder + "/evidence"
        let written = try golint(["evidence", "--since", start, "--until", "main", "--release", "v1.0", "--now", "2026-03-06T12:00:00Z",
                                  "--output", bundle], in: repository.path)
        XCTAssertEqual(written.status, 0, written.stderr)
        XCTAssertEqual(written.stderr, "golint: wrote \(bundle)/: 2 approvals, 2 events, 2 findings, 4 files and SHA256SUMS\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: bundle).sorted(),
                       ["SHA256SUMS", "approvals.csv", "events.csv", "findings.csv", "parameters.json"])
        XCTAssertEqual(try TestRepository.run("/usr/bin/env", ["sha256sum", "-c", "SHA256SUMS"], in: bundle).stdout,
                       "parameters.json: OK\napprovals.csv: OK\nevents.csv: OK\nfindings.csv: OK\n")

        // pandas reads each table with the documented columns and the values as written.
        let script = """
            import csv, json, sys, pandas
            folder = sys.argv[1]
            approvals = pandas.read_csv(folder + "/approvals.csv", keep_default_na=False, dtype=str)
            events = pandas.read_csv(folder + "/events.csv", keep_default_na=False, dtype=str)
            findings = pandas.read_csv(folder + "/findings.csv", keep_default_na=False, dtype=str)
            with open(folder + "/findings.csv", newline="") as handle:
                rows = list(csv.DictReader(handle))
            print(json.dumps({
                "approvalColumns": list(approvals.columns), "eventColumns": list(events.columns), "findingColumns": list(findings.columns),
                "approvals": approvals[["role", "signer", "author_email", "signature_status", "verified", "before_release"]].values.tolist(),
                "kinds": events["kind"].tolist(),
                "findings": [[row["rule"], row["message"]] for row in rows],
            }))
            """
        let read = try TestRepository.run(try pytools() + "/bin/python", ["-c", script, bundle], in: folder, check: false)
        XCTAssertEqual(read.status, 0, read.stderr)
        let tables = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(read.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(tables["approvalColumns"] as? [String], Self.approvalColumns)
        XCTAssertEqual(tables["eventColumns"] as? [String], Self.eventColumns)
        XCTAssertEqual(tables["findingColumns"] as? [String], Self.findingColumns)
        XCTAssertEqual(tables["approvals"] as? [[String]], [
            ["Security", "Carol Weiss", "carol@payments.example", "good", "true", "yes"],
            ["Product", "Pat Product", "pat@payments.example", "none", "false", "no"],
        ])
        XCTAssertEqual(tables["kinds"] as? [String], ["signed", "signed"], "the commit --since names is not in the period")
        XCTAssertEqual(tables["findings"] as? [[String]], [
            ["overdue-item", "'Runbook, reviewed — due 2026-03-01' is not done and its deadline 2026-03-01T23:59:59Z ('2026-03-01' on the item) has passed"],
            ["signoff-after-release", "'Product — Pat Product, 2026-03-02' was given in \(try short(repository, "late")) by Pat Product <pat@payments.example> "
                + "after the release \(try short(repository, "v1.0")): it is not in its history and was committed 1 h after it"],
        ])

        // Signed and checked as the README shows.
        try "carol@payments.example \(try String(contentsOfFile: key + ".pub", encoding: .utf8))".write(toFile: folder + "/auditors", atomically: true, encoding: .utf8)
        try TestRepository.run("/usr/bin/env", ["ssh-keygen", "-Y", "sign", "-q", "-f", key, "-n", "golint-evidence", "SHA256SUMS"], in: bundle)
        let signature = try TestRepository.run("/bin/sh", ["-c", "ssh-keygen -Y verify -f ../auditors -I carol@payments.example -n golint-evidence -s SHA256SUMS.sig < SHA256SUMS"],
                                               in: bundle, check: false)
        XCTAssertEqual(signature.status, 0, signature.stderr)

        var verified = try golint(["evidence", "verify", bundle], in: repository.path)
        XCTAssertEqual(verified.status, 0, verified.stdout + verified.stderr)
        XCTAssertTrue(verified.stdout.hasPrefix("\(bundle): verified"), verified.stdout)

        // A tag moved after the fact changes nothing: the bundle names the commits.
        try repository.git(["tag", "-f", "v1.0", "main"])
        XCTAssertEqual(try golint(["evidence", "verify", bundle], in: repository.path).status, 0)

        // One cell edited, and its sum with it: verify names the file and the line.
        let approvals = bundle + "/approvals.csv"
        let edited = try String(contentsOfFile: approvals, encoding: .utf8).replacingOccurrences(of: ",good,", with: ",bad,")
        try edited.write(toFile: approvals, atomically: true, encoding: .utf8)
        verified = try golint(["evidence", "verify", bundle], in: repository.path)
        XCTAssertEqual(verified.stdout, "\(bundle): approvals.csv does not match its SHA-256 in SHA256SUMS: it changed after it was written\n")
        XCTAssertEqual(verified.status, 1)
        let sums = try TestRepository.run("/bin/sh", ["-c", "sha256sum parameters.json approvals.csv events.csv findings.csv > SHA256SUMS"], in: bundle)
        XCTAssertEqual(sums.status, 0)
        verified = try golint(["evidence", "verify", bundle], in: repository.path)
        XCTAssertEqual(verified.status, 1)
        XCTAssertTrue(verified.stdout.hasPrefix("\(bundle): approvals.csv differs from what the repository gives: line 2: "), verified.stdout)
    }

    func testEvidenceIsWrittenWholeOrNotAtAll() throws {
        let repository = try TestRepository()
        try repository.write("docs/TASK_LAUNCH.md", "- [ ] Runbook\n")
        try repository.commit("Plan")
        let bundle = folder + "/evidence"
        // An unknown revision: one line, no folder, nothing left beside it.
        var result = try golint(["evidence", "--since", "nope", "--output", bundle], in: repository.path)
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), [])
        // An existing folder with something in it is never written over.
        try FileManager.default.createDirectory(atPath: bundle, withIntermediateDirectories: true)
        try "mine".write(toFile: bundle + "/notes.txt", atomically: true, encoding: .utf8)
        result = try golint(["evidence", "--output", bundle], in: repository.path)
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr, "golint: \(bundle) exists: evidence is written to a new folder, never over an old one\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: bundle), ["notes.txt"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), ["evidence"])
        // A folder that cannot be written into: nothing is left behind.
        let locked = folder + "/locked"
        try FileManager.default.createDirectory(atPath: locked, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o555])
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: locked) }
        if getuid() != 0 {
            result = try golint(["evidence", "--output", locked + "/evidence"], in: repository.path)
            XCTAssertEqual(result.status, 2)
            XCTAssertTrue(result.stderr.contains("cannot write the evidence (Permission denied); nothing was written"), result.stderr)
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: locked), [])
        }
        // Not an evidence folder.
        result = try golint(["evidence", "verify", bundle], in: repository.path)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout, "\(bundle): SHA256SUMS is missing: not an evidence folder, or not a complete one\n")
    }

    private func short(_ repository: TestRepository, _ revision: String) throws -> String {
        String(try repository.git(["rev-parse", revision + "^{commit}"]).prefix(7))
    }
}
