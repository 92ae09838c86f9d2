import GolintKit
import XCTest

final class ConfigurationTests: XCTestCase {
    private func load(_ yaml: String) throws -> Configuration {
        var configuration = Configuration.shipped()
        try ConfigurationLoader.apply(yaml: yaml, file: ".golint.yml", kind: .configuration, to: &configuration)
        return configuration
    }

    private func error(_ yaml: String, kind: ConfigurationLoader.Kind = .configuration) -> String? {
        var configuration = Configuration.shipped()
        do {
            try ConfigurationLoader.apply(yaml: yaml, file: ".golint.yml", kind: kind, to: &configuration)
            // As the engine does once the configuration is read: it knows the rules.
            try configuration.requireKnownRules(RuleRegistry.ids)
            return nil
        } catch {
            return "\(error)"
        }
    }

    /// The byte screen in front of the approval pattern may let text through that the pattern then
    /// rejects, but never hold back one the pattern reads.
    func testApprovalScreenHoldsBackNoApproval() throws {
        let configuration = Configuration.shipped()
        let pattern = try XCTUnwrap(configuration.approvalPattern), screen = try XCTUnwrap(configuration.approvalScreen)
        let approvals = ["Business-Freigabe eingeholt", "Legal approval", "Sign-off by Legal", "„Freigabe“ durch den Betrieb",
                         "Ops—Signoff", "Aprobación de Legal", "APPROVAL received", "Übergabe, dann Abnahme", "(Genehmigung liegt vor)"]
        for text in approvals {
            XCTAssertNotNil(try pattern.firstMatch(in: text), text)
            XCTAssertTrue(screen.mayMatch(text), text)
        }
        for text in ["Secret store provisioned (Security, #7104)", "Runbook deployed", "Rollout geprobt"] {
            XCTAssertFalse(screen.mayMatch(text), text)
        }
        for text in ["Stakeholder approval forms sent", "All sign-offs collected", "Freigabevorlage verteilt", "Freigabe-Vorlage gefüllt"] {
            XCTAssertNil(try pattern.firstMatch(in: text), text)
        }
    }

    func testDefaults() {
        let configuration = Configuration.shipped()
        XCTAssertTrue(configuration.isDocument("TASK_A.md"))
        XCTAssertTrue(configuration.isDocument("docs/deep/TASK_RELEASE.md"))
        XCTAssertTrue(configuration.isDocument("docs/13_GO_LIVE_CHECKLIST.md"))
        XCTAssertTrue(configuration.isDocument("docs/MASTER_GOLIVE_COORDINATION.md"))
        XCTAssertTrue(configuration.isDocument("plan-go-live-notes.md"))
        XCTAssertFalse(configuration.isDocument("README.md"))
        XCTAssertFalse(configuration.isDocument("docs/TASK_A.txt"))
        XCTAssertEqual(configuration.placeholderPatterns.count, 9)
        XCTAssertTrue(configuration.placeholderWords.contains("TBD"))
        XCTAssertTrue(configuration.signoffHeadings.contains("Freigabe"))
    }

    func testFullConfiguration() throws {
        let configuration = try load("""
        version: 1
        include: ["plans/**/*.md"]
        exclude: ["plans/archive/**"]
        timezone: Europe/Berlin
        rules:
          overdue-item: warning
          encoding: off
          placeholder: { severity: info }
        placeholder:
          patterns: ['\\[[A-ZÄÖÜ][\\w-]*-On-Call\\]']
          in-code-blocks: true
        signoff:
          headings: ["Approval"]
        """)
        XCTAssertTrue(configuration.isDocument("plans/q1/launch.md"))
        XCTAssertFalse(configuration.isDocument("plans/archive/old.md"))
        XCTAssertFalse(configuration.isDocument("TASK_A.md"))
        XCTAssertEqual(configuration.timezone?.identifier, "Europe/Berlin")
        XCTAssertEqual(configuration.severity(of: OverdueItemRule.description), .warning)
        XCTAssertEqual(configuration.severity(of: PlaceholderRule.description), .info)
        XCTAssertNil(configuration.severity(of: EncodingRule.description))
        XCTAssertEqual(configuration.severity(of: MissingSignatureRule.description), .error)
        XCTAssertEqual(configuration.placeholderPatterns.count, 10)
        XCTAssertTrue(configuration.placeholdersInCodeBlocks)
        XCTAssertEqual(configuration.signoffHeadings, ["Approval"])
    }

    func testErrorsNameFileAndLine() {
        XCTAssertEqual(error("version: 1\nrulez:\n  x: 1\n"), ".golint.yml:2: unknown key 'rulez'")
        XCTAssertEqual(error("rules:\n  overdue: error\n")?.hasPrefix(".golint.yml:2: unknown rule id 'overdue'"), true)
        XCTAssertEqual(error("waivers:\n  - {rule: overdue, path: x.md, reason: agreed, owner: rm}\n"), ".golint.yml:2: unknown rule id 'overdue' in a waiver")
        XCTAssertEqual(error("rules:\n  placeholder: loud\n"), ".golint.yml:2: 'loud' is not a severity for 'placeholder' (error, warning, info or off)")
        XCTAssertEqual(error("timezone: Mars/Olympus\n"), ".golint.yml:1: unknown time zone 'Mars/Olympus'")
        XCTAssertEqual(error("version: 2\n"), ".golint.yml:1: unsupported version (this golint reads version 1)")
        XCTAssertEqual(error("placeholder:\n  patterns: ['(unclosed']\n")?.hasPrefix(".golint.yml:2: invalid regular expression '(unclosed'"), true)
        XCTAssertEqual(error("placeholder:\n  colour: red\n"), ".golint.yml:2: unknown key 'placeholder.colour'")
        XCTAssertEqual(error("include: [unclosed\n")?.hasPrefix(".golint.yml:"), true)
        XCTAssertEqual(error("include: [unclosed\n")?.contains("invalid YAML"), true)
        XCTAssertEqual(error("- a\n- b\n"), ".golint.yml:1: the top level must be a mapping")
        XCTAssertEqual(error("include: ['*.md']\n", kind: .pack), ".golint.yml:1: unknown key 'include' (not allowed in a rule pack)")
    }

    func testSignoffVerificationKeys() throws {
        XCTAssertFalse(try load("").verification.isEnabled, "off until configured")
        XCTAssertFalse(try load("signoff:\n  stale: 'off'\n").verification.isEnabled)
        let configuration = try load("""
            signoff:
              roles:
                Security: [Carol@Payments.example]
                Legal Team: ['*@legal.example']
              require-signed-commits: yes
              allowed-signers: .golint/allowed_signers
              stale: section
            """)
        let verification = configuration.verification
        XCTAssertTrue(verification.isEnabled && verification.requireSignedCommits)
        XCTAssertEqual(verification.allowedSignersFile, ".golint/allowed_signers")
        XCTAssertEqual(verification.staleScope, .section)
        XCTAssertEqual(verification.approvers(of: "security")?.approvers.map(\.pattern), ["carol@payments.example"])
        XCTAssertEqual(verification.approvers(of: "Legal Team")?.role, "Legal Team")
        XCTAssertNil(verification.approvers(of: "Legal"), "a role's words must all be named")
        XCTAssertEqual(verification.approvers(of: "Security Lead")?.role, "Security")
        XCTAssertEqual(try load("signoff:\n  roles: {Security: [a@b]}\n").verification.staleScope, .document)

        XCTAssertEqual(error("signoff:\n  stale: always\n"), ".golint.yml:2: signoff.stale is document, section or off, not 'always'")
        XCTAssertEqual(error("signoff:\n  require-signed-commits: maybe\n"), ".golint.yml:2: expected true or false, not 'maybe'")
        XCTAssertEqual(error("signoff:\n  roles: [Security]\n"), ".golint.yml:2: signoff.roles must be a mapping")
        XCTAssertEqual(error("signoff:\n  roles:\n    Security: [mallory@example.com]\n", kind: .pack),
                       ".golint.yml:2: signoff.roles is not allowed in a rule pack")
    }

    func testEmptyFileIsTheDefault() throws {
        XCTAssertEqual(try load("").include.map(\.pattern), Configuration.defaultInclude)
        XCTAssertEqual(try load("# only a comment\n").include.map(\.pattern), Configuration.defaultInclude)
    }

    func testGlobs() {
        XCTAssertTrue(Glob("**/TASK_*.md").matches("TASK_A.md"))
        XCTAssertTrue(Glob("**/TASK_*.md").matches("a/b/c/TASK_A.md"))
        XCTAssertFalse(Glob("**/TASK_*.md").matches("a/TASK_A.md/x"))
        XCTAssertTrue(Glob("docs/*.md").matches("docs/a.md"))
        XCTAssertFalse(Glob("docs/*.md").matches("docs/sub/a.md"))
        XCTAssertTrue(Glob("archive/").matches("archive/x/y.md"))
        XCTAssertTrue(Glob("docs/**/plan.md").matches("docs/plan.md"))
        XCTAssertTrue(Glob("docs/Übergabe Plan/TASK_?.md").matches("docs/Übergabe Plan/TASK_ä.md"))
    }
}
