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
        /// Whether `golint` is on PATH, where the hook looks for it.
        public let golintOnPath: Bool
    }

    /// The hooks directory: `core.hooksPath` (relative to the working tree, `~/` from `$HOME`) or
    /// `hooks` in the common git dir.
    static func hooksDirectory(_ repository: Repository, environment: [String: String]) throws -> String {
        if let configured = try repository.configString("core.hooksPath") {
            let expanded = HomeDirectory.expanding(configured, environment: environment)
            if expanded.hasPrefix("/") { return expanded }
            return (repository.workdir ?? repository.commonDirectory) + expanded
        }
        return repository.commonDirectory + "hooks"
    }

    /// `golint install-hook`: what was installed, and a note when golint is not on PATH.
    public static func run(in access: RepositoryAccess, force: Bool) throws -> Outcome {
        let result = try install(in: access, force: force)
        var outcome = Outcome(done: ["installed \(result.path)" + (result.chained.map { " (runs \($0) first)" } ?? "")])
        if !result.golintOnPath {
            outcome.notes.append("golint is not on PATH: the hook stops every commit that stages a document until it is, or until GOLINT names it")
        }
        return outcome
    }

    /// Writes the hook. An existing hook that golint did not write is never replaced: without `force`
    /// this fails; with it, the old hook is kept as `pre-commit.golint-chained` and runs first.
    public static func install(in access: RepositoryAccess, force: Bool) throws -> Result {
        let repository = try access.open()
        let directory = try reportingGitErrors { try hooksDirectory(repository, environment: access.environment) }
        let manager = FileManager.default
        let target = (directory as NSString).appendingPathComponent("pre-commit")
        let chained = (directory as NSString).appendingPathComponent(chainedName)
        if manager.fileExists(atPath: target) {
            let existing = (try? String(contentsOfFile: target, encoding: .utf8)) ?? ""
            if !existing.contains(marker) {
                guard force else {
                    throw GolintError.usage("\(target) already exists; --force keeps it as \(chainedName) and runs it before golint")
                }
                guard !manager.fileExists(atPath: chained) else {
                    throw GolintError.usage("\(chained) already exists; move one of the two hooks away first")
                }
                try attempt("keep the existing hook as \(chained)") { try manager.moveItem(atPath: target, toPath: chained) }
            }
        }
        try attempt("create \(directory)") { try manager.createDirectory(atPath: directory, withIntermediateDirectories: true) }
        try attempt("write \(target)") {
            try script().write(toFile: target, atomically: true, encoding: .utf8)
            try manager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: target)
        }
        return Result(path: target, chained: manager.fileExists(atPath: chained) ? chained : nil,
                      golintOnPath: isOnPath("golint", environment: access.environment))
    }

    /// `hooks/pre-commit` with a line that first runs the hook it replaced, if there is one and git
    /// would run it (executable); golint's own path is never written in: it is found on PATH.
    static func script() -> String {
        let body = String(decoding: PackageResources.pre_commit, as: UTF8.self)
        var lines = body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let shebang = lines.removeFirst()
        let header = [
            shebang, marker,
            "chained=\"$(dirname \"$0\")/\(chainedName)\"",
            "if [ -x \"$chained\" ]; then \"$chained\" \"$@\" || exit $?; fi",
        ]
        return (header + lines).joined(separator: "\n")
    }

    private static func isOnPath(_ name: String, environment: [String: String]) -> Bool {
        (environment["PATH"] ?? "").split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(name)") }
    }

    private static func attempt(_ what: String, _ body: () throws -> Void) throws {
        do { try body() } catch { throw GolintError.usage("cannot \(what): \(error.localizedDescription)") }
    }
}
