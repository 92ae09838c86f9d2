import Foundation
import GolintTestSupport
import XCTest

/// golint reads repositories and never changes them: every file under the work tree and `.git`
/// (objects, index, refs, config, logs) is byte-for-byte and mode-for-mode the same after each
/// command but `install-hook`, whatever the command's outcome.
final class NothingWrittenTests: CLITestCase {
    /// Path → (content digest, permissions, size) for everything below `root`, links included.
    private func snapshot(_ root: String) throws -> [String: String] {
        var result: [String: String] = [:]
        let manager = FileManager.default
        guard let enumerator = manager.enumerator(atPath: root) else { return result }
        while let relative = enumerator.nextObject() as? String {
            let path = root + "/" + relative
            let attributes = try manager.attributesOfItem(atPath: path)
            let type = attributes[.type] as? FileAttributeType
            let mode = (attributes[.posixPermissions] as? Int).map { String($0, radix: 8) } ?? "?"
            var digest = ""
            if type == .typeRegular, let data = manager.contents(atPath: path) {
                digest = String(data.reduce(UInt64(0xcbf29ce484222325)) { ($0 ^ UInt64($1)) &* 0x100000001b3 }, radix: 16) + ":\(data.count)"
            } else if type == .typeSymbolicLink {
                digest = "-> " + ((try? manager.destinationOfSymbolicLink(atPath: path)) ?? "")
            }
            result[relative] = "\(type?.rawValue ?? "?") \(mode) \(digest)"
        }
        return result
    }

    func testNoCommandButInstallHookChangesAnything() throws {
        let repository = try seededRepository()
        try repository.write(".golint.yml", "timezone: Europe/Berlin\n")
        try repository.commit("seed")
        try repository.write("docs/TASK_RELEASE_MANAGER_GOLIVE.md", "- [ ] staged change TBD\n")
        try repository.git(["add", "-A"])
        try repository.write("docs/TASK_RELEASE_MANAGER_GOLIVE.md", "- [ ] worktree change [Owner]\n")
        try repository.write("docs/TASK_UNTRACKED.md", "- [ ] untracked\n")
        let outside = NSTemporaryDirectory() + "golint-outside-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: outside) }

        let commands: [[String]] = [
            ["check"], ["check", "--staged"], ["check", "--staged", "--changed"], ["check", "--worktree"],
            ["check", "--rev", "HEAD~0", "--format", "sarif"], ["check", "--format", "github"], ["check", "--format", "junit"],
            ["check", "--format", "json", "--output", "sarif=\(outside)/x.sarif"],
            ["check", "--rev", "does-not-exist"], ["check", "--config", "missing.yml"], ["check", "--now", "bad"],
            ["history"], ["history", "--format", "json"], ["history", "--format", "csv"], ["diff", "HEAD", "HEAD"],
            ["blame", "docs/MASTER_GOLIVE_COORDINATION.md"], ["baseline", "--output", "\(outside)/baseline.json"],
            ["check", "--baseline", "\(outside)/baseline.json"], ["rules"], ["--help"], ["check", "--bogus"],
        ]
        let before = try snapshot(repository.path)
        XCTAssertGreaterThan(before.count, 20)
        for command in commands {
            let result = try golint(command, in: repository.path)
            XCTAssertTrue([0, 1, 2].contains(result.status), "\(command) ended with \(result.status): \(result.stderr)")
            let after = try snapshot(repository.path)
            let changed = Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }.sorted()
            XCTAssertEqual(changed, [], "\(command) changed the repository")
        }

        XCTAssertEqual(try golint(["install-hook"], in: repository.path).status, 0)
        let after = try snapshot(repository.path)
        let changed = Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }
        XCTAssertEqual(changed.sorted(), [".git/hooks/pre-commit"], "install-hook writes the hook and nothing else")
    }
}
