import ArgumentParser
@testable import golint
import GolintKit
import XCTest

/// The option rules, parsed in-process: what each command line becomes, and which ones are refused
/// with which message. (The spawned tests check that the binary prints these on one line, exit 2.)
final class OptionParsingTests: XCTestCase {
    private func parse<Command: ParsableCommand>(_ arguments: [String], as _: Command.Type = Command.self) throws -> Command {
        try XCTUnwrap(try GolintCommand.parseAsRoot(arguments) as? Command, "\(arguments)")
    }

    private func refusal(_ arguments: [String]) -> String? {
        do {
            _ = try GolintCommand.parseAsRoot(arguments)
            return nil
        } catch {
            return GolintCommand.oneLine(GolintCommand.fullMessage(for: error))
        }
    }

    func testCheckOptionsBecomeOneRequest() throws {
        let check: Check = try parse(["check", "docs", "--staged", "--changed", "--now", "2026-03-06T12:00:00+01:00", "--trust-rev", "main",
                                      "--format", "sarif", "--output", "junit=out.xml", "--strict", "--category", "plans", "--config", "c.yml"])
        let request = check.source.request(check.common)
        XCTAssertEqual(request.paths, ["docs"])
        XCTAssertEqual(request.options.source, .index)
        XCTAssertTrue(request.options.onlyChangedInIndex)
        XCTAssertEqual(request.options.trustRevision, "main")
        XCTAssertEqual(request.options.configurationFile, "c.yml")
        XCTAssertEqual(request.options.now, ISOTime.parse("2026-03-06T12:00:00+01:00")?.date)
        XCTAssertEqual(request.options.evaluationZone?.secondsFromGMT(), 3600, "findings print times in the zone --now was written in")
        XCTAssertEqual(check.format, .sarif)
        XCTAssertEqual(try check.outputs().map { "\($0.0.rawValue)=\($0.1)" }, ["junit=out.xml"])
        XCTAssertTrue(check.strict)

        let plain: Check = try parse(["check"])
        XCTAssertEqual(plain.source.request(plain.common).options.source, .revision("HEAD"), "HEAD by default")
        let worktree: Check = try parse(["check", "--worktree"])
        XCTAssertEqual(worktree.source.request(worktree.common).options.source, .worktree)
    }

    func testRefusedCommandLinesSayWhy() {
        let formats = CheckFormat.allCases.map(\.rawValue).joined(separator: ", ")
        let cases: [([String], String)] = [
            (["check", "--rev", "v1", "--staged"], "--rev, --staged and --worktree exclude each other (see golint --help)"),
            (["check", "--changed"], "--changed goes with --staged (see golint --help)"),
            (["check", "--output", "sarif"], "--output takes FORMAT=PATH with a format of \(formats): 'sarif' (see golint --help)"),
            (["check", "--output", "xml=out.xml"], "--output takes FORMAT=PATH with a format of \(formats): 'xml=out.xml' (see golint --help)"),
            (["check", "--format", "xml"],
             "The value 'xml' is invalid for '--format <format>'. Please provide one of the following: \(formats). (see golint --help)"),
            (["status", "--now", "2026-02-30T10:00"], "--now '2026-02-30T10:00' is not an ISO 8601 time (2026-03-06T12:00:00+01:00) (see golint --help)"),
            (["report", "--output", ""], "--output needs a file name (see golint --help)"),
            (["report"], "Missing expected argument '--output <output>' (see golint --help)"),
            (["history", "--format", "sarif"],
             "The value 'sarif' is invalid for '--format <format>'. Please provide one of 'text', 'json', 'markdown' or 'csv'. (see golint --help)"),
            (["rules", "--format", "json"], "The value 'json' is invalid for '--format <format>'. Please provide one of 'text' and 'markdown'. (see golint --help)"),
        ]
        for (arguments, expected) in cases {
            XCTAssertEqual(refusal(arguments), expected, "\(arguments)")
        }
    }

    func testAuditCommandsNameTheirScope() throws {
        let history: History = try parse(["history", "docs", "--since", "v1", "--until", "main", "--format", "csv"])
        let request = history.output.request(.history(since: history.since, until: history.until), paths: history.paths, history.common)
        XCTAssertEqual(request.paths, ["docs"])
        XCTAssertEqual(request.format, .csv)
        let blame: Blame = try parse(["blame", "docs/TASK_A.md"])
        XCTAssertEqual(blame.rev, "HEAD")
        let diff: Diff = try parse(["diff", "v1", "v2", "docs"])
        XCTAssertEqual([diff.revA, diff.revB] + diff.paths, ["v1", "v2", "docs"])
        let evidence: Evidence = try parse(["evidence", "--since", "v1", "--release", "v2", "--output", "q1", "--now", "2026-03-06T12:00:00Z"])
        let bundle = try evidence.request(commandLine: ["golint", "evidence"])
        XCTAssertEqual([bundle.since, bundle.until, bundle.release, bundle.output], ["v1", "HEAD", "v2", "q1"])
        XCTAssertEqual(bundle.now, ISOTime.parse("2026-03-06T12:00:00Z")?.date)
        XCTAssertThrowsError(try (try parse(["evidence"]) as Evidence).request(commandLine: []), "the folder to create is required")
        let verify: VerifyEvidence = try parse(["evidence", "verify", "q1"])
        XCTAssertEqual(verify.directory, "q1", "verify needs no --output")
    }

    func testAMistypedCommandIsOneOrTwoEditsFromARealOne() {
        XCTAssertEqual(GolintCommand.editDistance("chek", "check"), 1)
        XCTAssertEqual(GolintCommand.editDistance("stauts", "status"), 2)
        XCTAssertEqual(GolintCommand.editDistance("", "diff"), 4)
    }

    /// `golint --help` and the manual page share one text: exit status, environment, files, examples.
    func testHelpNamesExitStatusEnvironmentFilesAndExamples() {
        let help = GolintCommand.helpMessage(columns: 100)
        for section in ["EXIT STATUS", "ENVIRONMENT", "FILES", "EXAMPLES"] {
            XCTAssertTrue(help.contains("\n\(section)\n"), section)
        }
        for name in ["GOLINT ", "NO_COLOR", "GIT_INDEX_FILE", "GITHUB_STEP_SUMMARY", ".golint.yml", ".mailmap", "golint check --staged --changed"] {
            XCTAssertTrue(help.contains(name), name)
        }
        XCTAssertFalse(GolintCommand.discussion.split(separator: "\n").contains { $0.count > 78 }, "no line is wrapped in an 80-column terminal or manual")
    }

    /// Every shell completes file arguments with files of the kind they take, and --repo with directories.
    func testShellsCompleteFileArguments() {
        let bash = GolintCommand.completionScript(for: .bash)
        XCTAssertTrue(bash.contains("'--config')\n        __golint_add_completions -o plusdirs -fX '!*.@(yml|yaml)'"), "bash: --config")
        XCTAssertTrue(bash.contains("'--repo')\n        __golint_add_completions -d"), "bash: --repo")
        XCTAssertTrue(bash.contains("'--output')\n        __golint_add_completions -f"), "bash: --output")
        let zsh = GolintCommand.completionScript(for: .zsh)
        XCTAssertTrue(zsh.contains(":repo:_files -/'"), "zsh: --repo")
        XCTAssertTrue(zsh.contains(":config:_files -g"), "zsh: --config")
        let fish = GolintCommand.completionScript(for: .fish)
        XCTAssertTrue(fish.contains("-l 'config'") && fish.contains("set -l exts \\'yml\\' \\'yaml\\'"), "fish: --config")
        XCTAssertTrue(fish.contains("set -l exts \\'md\\' \\'markdown\\'"), "fish: documents")
    }
}
