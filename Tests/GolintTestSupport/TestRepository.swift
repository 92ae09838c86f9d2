import Foundation

/// A git repository in a temporary folder, driven by the `git` command line so that what golint
/// reads through libgit2 is checked against what git itself wrote. Authors and dates are fixed.
public final class TestRepository {
    public let path: String
    public private(set) var clock = 1_772_000_000  // 2026-02-25, moved forward one hour per commit

    public init(bare: Bool = false, initialBranch: String = "main") throws {
        path = NSTemporaryDirectory() + "golint-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try git(["init", "-q", "-b", initialBranch] + (bare ? ["--bare"] : []))
        try git(["config", "user.name", "Test Runner"])
        try git(["config", "user.email", "runner@example.com"])
    }

    /// Wraps an existing directory (a clone) without creating anything.
    public init(existing path: String) {
        self.path = path
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    public func write(_ relativePath: String, _ text: String) throws {
        try write(relativePath, bytes: Array(text.utf8))
    }

    public func write(_ relativePath: String, bytes: [UInt8]) throws {
        let url = URL(fileURLWithPath: path).appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    public func remove(_ relativePath: String) throws {
        try FileManager.default.removeItem(atPath: path + "/" + relativePath)
    }

    /// Stages everything and commits as `author`, one hour after the previous commit; `signing` are
    /// `git -c` settings that sign it (`gpg.format=ssh`, `user.signingkey=…`).
    @discardableResult
    public func commit(_ message: String, author: String = "Alice Adler", email: String? = nil, signing: [String] = [],
                       environment extra: [String: String] = [:]) throws -> String {
        try git(["add", "-A"])
        clock += 3600
        let mail = email ?? author.lowercased().replacingOccurrences(of: " ", with: ".") + "@example.com"
        let settings = signing.flatMap { ["-c", $0] }
        let environment = [
            "GIT_AUTHOR_NAME": author, "GIT_AUTHOR_EMAIL": mail, "GIT_AUTHOR_DATE": "@\(clock) +0100",
            "GIT_COMMITTER_NAME": author, "GIT_COMMITTER_EMAIL": mail, "GIT_COMMITTER_DATE": "@\(clock) +0100",
        ].merging(extra) { $1 }
        try git(settings + ["commit", "-q", "--allow-empty", "-m", message] + (signing.isEmpty ? [] : ["-S"]), environment: environment)
        return try git(["rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @discardableResult
    public func git(_ arguments: [String], environment: [String: String] = [:]) throws -> String {
        try TestRepository.run("/usr/bin/env", ["git"] + arguments, in: path, environment: environment).stdout
    }

    public struct Output: Sendable {
        public let status: Int32
        public let stdout: String
        public let stderr: String
    }

    public struct CommandFailed: Error, CustomStringConvertible {
        public let command: String
        public let output: Output
        public var description: String { "\(command) exited \(output.status): \(output.stderr)" }
    }

    /// Runs a program and returns its output; throws when it exits non-zero and `check` is set.
    @discardableResult
    public static func run(_ executable: String, _ arguments: [String], in directory: String,
                           environment: [String: String] = [:], input: String? = nil, check: Bool = true,
                           timeout: TimeInterval = 120) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = ProcessInfo.processInfo.environment
        // Keep the user's git configuration out of the test repositories.
        env["GIT_CONFIG_GLOBAL"] = "/dev/null"
        env["GIT_CONFIG_NOSYSTEM"] = "1"
        env["NO_COLOR"] = "1"
        // golint's history cache under .build, not in the home folder of whoever runs the tests.
        env["XDG_CACHE_HOME"] = Fixtures.cacheHome
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), inPipe = Pipe()
        // stderr goes to a file: two pipes read from one thread could block the child.
        let errPath = NSTemporaryDirectory() + "golint-stderr-" + UUID().uuidString
        guard FileManager.default.createFile(atPath: errPath, contents: nil) else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: errPath]) }
        defer { try? FileManager.default.removeItem(atPath: errPath) }
        let errHandle = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        process.standardOutput = out
        process.standardError = errHandle
        process.standardInput = inPipe
        try process.run()
        if let input { inPipe.fileHandleForWriting.write(Data(input.utf8)) }
        try inPipe.fileHandleForWriting.close()
        // A hang is a failure, not a stuck test run: stop the process after `timeout`.
        let watchdog = DispatchWorkItem { [process] in if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        try errHandle.close()
        let errData = FileManager.default.contents(atPath: errPath) ?? Data()
        let output = Output(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                            stderr: String(decoding: errData, as: UTF8.self))
        if check && output.status != 0 {
            throw CommandFailed(command: ([executable] + arguments).joined(separator: " "), output: output)
        }
        return output
    }
}

/// The seed documents and other files under `Tests/Fixtures`.
public enum Fixtures {
    /// `XDG_CACHE_HOME` of the programs the tests run: a folder in the package's build folder.
    public static var cacheHome: String {
        URL(fileURLWithPath: directory).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(".build/test-cache").path
    }

    public static let directory: String = {
        var url = URL(fileURLWithPath: #filePath)
        url.deleteLastPathComponent()  // GolintTestSupport
        url.deleteLastPathComponent()  // Tests
        return url.appendingPathComponent("Fixtures").path
    }()

    public static func bytes(_ name: String) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: directory + "/" + name) else {
            fatalError("fixture \(name) is missing from \(directory)")
        }
        return [UInt8](data)
    }

    public static let masterPlan = "seeds/MASTER_GOLIVE_COORDINATION.md"
    public static let releaseManagerTask = "seeds/TASK_RELEASE_MANAGER_GOLIVE.md"
}
