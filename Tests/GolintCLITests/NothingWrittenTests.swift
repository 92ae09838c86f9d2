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
            ["baseline"], ["baseline", "--staged"], ["check", "nowhere.md"], ["check", "README.md"],
            ["check", "--output", "json=\(outside)/ok.json", "--output", "sarif=\(outside)/missing/x.sarif"],
        ]
        // git's environment, as hooks and scripts set it.
        let git = repository.path + "/.git"
        let environments: [[String: String]] = [
            [:], ["GIT_DIR": git], ["GIT_DIR": git, "GIT_WORK_TREE": repository.path], ["GIT_INDEX_FILE": git + "/index"],
            ["GIT_OBJECT_DIRECTORY": git + "/objects"], ["GIT_ALTERNATE_OBJECT_DIRECTORIES": git + "/objects"],
            ["GIT_CEILING_DIRECTORIES": repository.path],
        ]
        let before = try snapshot(repository.path)
        XCTAssertGreaterThan(before.count, 20)
        for environment in environments {
            for command in environment.isEmpty ? commands : [["check", "--staged", "--changed"], ["check", "--worktree"], ["history"], ["baseline"]] {
                try assertUnchanged(repository.path, before, command, environment)
            }
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: outside).sorted(), ["baseline.json", "x.sarif"])

        XCTAssertEqual(try golint(["install-hook"], in: repository.path).status, 0)
        let after = try snapshot(repository.path)
        let changed = Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }
        XCTAssertEqual(changed.sorted(), [".git/hooks/pre-commit"], "install-hook writes the hook and nothing else")
    }

    private func assertUnchanged(_ root: String, _ before: [String: String], _ command: [String], _ environment: [String: String]) throws {
        let result = try golint(command, in: root, environment: environment)
        XCTAssertTrue([0, 1, 2].contains(result.status), "\(command) \(environment) ended with \(result.status): \(result.stderr)")
        let after = try snapshot(root)
        let changed = Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }.sorted()
        XCTAssertEqual(changed, [], "\(command) \(environment) changed the repository")
    }
}
