import Foundation
import GolintGit

/// Installs `hooks/pre-commit` into a repository: the one command through which golint writes to one.
public enum HookInstaller {
    static let marker = "# installed by golint install-hook"
    static let chainedName = "pre-commit.golint-chained"

    public struct Result: Sendable, Equatable {
        public let path: String
        /// The hook that was there before and now runs first, if any.
        public let chained: String?
    }

    /// The hooks directory: `core.hooksPath` (relative to the working tree) or `hooks` in the common git dir.
    public static func hooksDirectory(_ repository: Repository) throws -> String {
        if let configured = try repository.configString("core.hooksPath") {
            let expanded = configured.hasPrefix("~/") ? NSHomeDirectory() + configured.dropFirst(1) : configured
            if expanded.hasPrefix("/") { return expanded }
            return (repository.workdir ?? repository.commonDirectory) + expanded
        }
        return repository.commonDirectory + "hooks"
    }

    /// Writes the hook. An existing hook that golint did not write is never replaced: without `force`
    /// this fails; with it, the old hook is kept as `pre-commit.golint-chained` and runs first.
    public static func install(in repository: Repository, golint: String, force: Bool) throws -> Result {
        let directory = try hooksDirectory(repository)
        let manager = FileManager.default
        let target = (directory as NSString).appendingPathComponent("pre-commit")
        let chained = (directory as NSString).appendingPathComponent(chainedName)
        var chain = manager.fileExists(atPath: chained) ? chained : nil
        if manager.fileExists(atPath: target) {
            let existing = (try? String(contentsOfFile: target, encoding: .utf8)) ?? ""
            if !existing.contains(marker) {
                guard force else {
                    throw GolintError.usage("\(target) already exists; --force keeps it as \(chainedName) and runs it before golint")
                }
                guard chain == nil else {
                    throw GolintError.usage("\(chained) already exists; move one of the two hooks away first")
                }
                try attempt("keep the existing hook as \(chained)") { try manager.moveItem(atPath: target, toPath: chained) }
                chain = chained
            }
        }
        try attempt("create \(directory)") { try manager.createDirectory(atPath: directory, withIntermediateDirectories: true) }
        try attempt("write \(target)") {
            try script(golint: golint, chained: chain != nil).write(toFile: target, atomically: true, encoding: .utf8)
            try manager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: target)
        }
        return Result(path: target, chained: chain)
    }

    /// `hooks/pre-commit` with the binary's path and, if there is one, the chained hook first.
    static func script(golint: String, chained: Bool) -> String {
        let body = String(decoding: PackageResources.pre_commit, as: UTF8.self)
        var lines = body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let shebang = lines.removeFirst()
        var header = [shebang, marker, "GOLINT=${GOLINT:-'\(golint.replacingOccurrences(of: "'", with: "'\\''"))'}"]
        if chained {
            header.append("\"$(dirname \"$0\")/\(chainedName)\" \"$@\" || exit $?")
        }
        return (header + lines).joined(separator: "\n")
    }

    private static func attempt(_ what: String, _ body: () throws -> Void) throws {
        do { try body() } catch { throw GolintError.usage("cannot \(what): \(error.localizedDescription)") }
    }
}
