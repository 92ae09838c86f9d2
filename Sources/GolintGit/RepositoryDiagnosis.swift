import CLibGit2
import Foundation

/// Turns libgit2's failures on repository layouts it cannot read into one line that names the
/// cause, the file or object, and what to do. libgit2 says "object not found" for a partial
/// clone's missing blob and for a truncated pack alike; the layout tells them apart.
enum RepositoryDiagnosis {
    /// The path libgit2 refused because another user owns it, or nil for any other failure.
    /// libgit2 1.5 reports it as GIT_EOWNER, or as a missing `safe.directory` value when no global
    /// configuration exists.
    static func foreignOwnedPath(code: Int32, start: String) -> String? {
        let message = GitError(function: "", code: code).message
        if code == GIT_EOWNER.rawValue {
            // "repository path '/x/' is not owned by current user"
            let parts = message.split(separator: "'", omittingEmptySubsequences: false)
            let path = parts.count >= 3 ? String(parts[1]) : start
            return path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        }
        if code == GIT_ENOTFOUND.rawValue && message.contains("safe.directory") { return start }
        return nil
    }

    static func dubiousOwnership(_ path: String) -> String {
        var info = stat()
        let owner = stat(path, &info) == 0 ? "uid \(info.st_uid)" : "another user"
        return "repository '\(path)' is owned by \(owner), not by the current user (uid \(getuid())): git calls this dubious "
            + "ownership; trust it with git config --global --add safe.directory '\(path)'"
    }

    static func openFailure(_ error: GitError, location: RepositoryLocation) -> GitError {
        let message = error.message
        if error.code == GIT_ENOTFOUND.rawValue {
            return GitError(function: error.function, message: location.search
                ? "not a git repository: \(location.path)" : "GIT_DIR=\(location.path) is not a git repository")
        }
        if message.contains("extensions.objectformat") {
            let format = objectFormat(location) ?? "sha256"
            return GitError(function: error.function, message: "\(location.path): \(format == "sha256" ? "SHA-256" : format) "
                + "repositories are not supported (extensions.objectFormat = \(format)); golint reads SHA-1 repositories")
        }
        if let range = message.range(of: "unsupported extension name ") {
            return GitError(function: error.function, message: "\(location.path): the repository uses the git extension "
                + "'\(message[range.upperBound...])', which golint cannot read")
        }
        return GitError(function: error.function, message: "\(location.path): cannot open the repository: \(message)")
    }

    /// The index could not be read: name the extension git wrote that libgit2 does not know.
    static func indexFailure(_ error: GitError, path: String) -> GitError {
        let message = error.message
        if message.contains("'sdir'") {
            return GitError(function: error.function, message: "the index \(path) is a sparse index, which golint cannot read; "
                + "run git sparse-checkout init --no-sparse-index (or git sparse-checkout disable)")
        }
        if message.contains("'link'") {
            return GitError(function: error.function, message: "the index \(path) is a split index, which golint cannot read; "
                + "run git update-index --no-split-index")
        }
        if let range = message.range(of: "unsupported mandatory extension: ") {
            return GitError(function: error.function, message: "the index \(path) uses the extension \(message[range.upperBound...]), "
                + "which golint cannot read")
        }
        return GitError(function: error.function, message: "the index \(path) cannot be read (\(message)); run git status to see whether git can")
    }

    static func objectFailure(_ error: GitError, in repository: Repository, id: ObjectID?) -> GitError {
        let objectID = id?.description ?? hexID(in: error.message)
        let kind = error.function.hasPrefix("git_commit") ? "commit" : error.function.hasPrefix("git_tree") ? "tree"
            : error.function.hasPrefix("git_blob") || error.function == "git_odb_read_header" ? "blob" : "object"
        let named = objectID.map { "\(kind) \($0.prefix(10))" } ?? "an object"
        let objects = repository.location.objectDirectory ?? repository.commonDirectory + "objects"
        if let pack = truncatedPack(in: objects + "/pack") {
            return GitError(function: error.function, message: "pack \(pack) is truncated or damaged, so \(named) cannot be read; "
                + "restore the pack or clone again (git fsck shows what is lost)")
        }
        if let objectID {
            let loose = objects + "/" + objectID.prefix(2) + "/" + objectID.dropFirst(2)
            if FileManager.default.fileExists(atPath: loose) {
                return GitError(function: error.function, message: "\(named) is corrupt (\(loose): \(error.message)); run git fsck")
            }
        }
        if error.code == GIT_ENOTFOUND.rawValue || error.message.hasPrefix("object not found") {
            if repository.isPartialClone {
                return GitError(function: error.function, message: "this is a partial clone and \(named) is not fetched; "
                    + "run git fetch or git checkout first")
            }
            return GitError(function: error.function, message: "\(named) is missing from \(objects); run git fsck")
        }
        return GitError(function: error.function, message: "\(named) cannot be read: \(error.message)")
    }

    private static func objectFormat(_ location: RepositoryLocation) -> String? {
        for candidate in [location.path + "/config", location.path + "/.git/config"] {
            var config: OpaquePointer?
            guard git_config_open_ondisk(&config, candidate) == 0 else { continue }
            defer { git_config_free(config) }
            var value: UnsafePointer<CChar>?
            if git_config_get_string(&value, config, "extensions.objectformat") == 0, let value { return String(cString: value) }
        }
        return nil
    }

    private static func hexID(in message: String) -> String? {
        let words = message.split(whereSeparator: { !$0.isHexDigit })
        return words.first { $0.count == 40 }.map(String.init)
    }

    /// A pack shorter than its index says (the largest object offset plus the trailing checksum),
    /// or one that does not start with `PACK`.
    static func truncatedPack(in directory: String) -> String? {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return nil }
        for name in names.sorted() where name.hasSuffix(".idx") {
            let pack = directory + "/" + name.dropLast(4) + ".pack"
            guard let index = FileManager.default.contents(atPath: directory + "/" + name),
                  let packSize = (try? FileManager.default.attributesOfItem(atPath: pack))?[.size] as? Int
            else { continue }
            let header = FileHandle(forReadingAtPath: pack).flatMap { try? $0.read(upToCount: 4) }
            if header != Data("PACK".utf8) { return pack }
            if let needed = largestOffset(inIndex: [UInt8](index)), packSize < needed + 20 { return pack }
        }
        return nil
    }

    /// The largest object offset a version-2 pack index records.
    private static func largestOffset(inIndex bytes: [UInt8]) -> Int? {
        func word(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        guard bytes.count >= 8 + 1024, bytes[0..<4] == [0xFF, 0x74, 0x4F, 0x63], word(4) == 2 else { return nil }
        let count = word(8 + 255 * 4)
        let offsets = 8 + 1024 + count * 24
        let large = offsets + count * 4
        guard bytes.count >= large + 40 else { return nil }
        var largest = 0
        for entry in 0..<count {
            var offset = word(offsets + entry * 4)
            if offset & 0x8000_0000 != 0 {
                let at = large + (offset & 0x7FFF_FFFF) * 8
                guard bytes.count >= at + 8 else { return nil }
                offset = bytes[at..<at + 8].reduce(0) { $0 << 8 | Int($1) }
            }
            largest = max(largest, offset)
        }
        return largest
    }
}

extension Repository {
    /// A partial clone: objects may be missing locally and fetched from a promisor remote on demand.
    var isPartialClone: Bool {
        var config: OpaquePointer?
        guard git_repository_config_snapshot(&config, pointer) == 0 else { return false }
        defer { git_config_free(config) }
        var value: UnsafePointer<CChar>?
        if git_config_get_string(&value, config, "extensions.partialclone") == 0 { return true }
        var iterator: OpaquePointer?
        guard git_config_iterator_glob_new(&iterator, config, #"remote\..*\.promisor"#) == 0 else { return false }
        defer { git_config_iterator_free(iterator) }
        var entry: UnsafeMutablePointer<git_config_entry>?
        while git_config_next(&entry, iterator) == 0, let entry {
            if let raw = entry.pointee.value, ["true", "yes", "on", "1"].contains(String(cString: raw).lowercased()) { return true }
        }
        return false
    }
}
