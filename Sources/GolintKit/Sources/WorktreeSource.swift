import Foundation
import GolintGit

/// Files on disk under the working directory, minus what `.gitignore` excludes (asked of libgit2).
struct WorktreeSource: DocumentSource {
    let repository: Repository
    let root: String
    var name: String { "worktree" }
    var commit: CommitInfo? { nil }

    init(repository: Repository) throws {
        guard let workdir = repository.workdir else {
            throw GolintError.repository("a bare repository has no working tree; use --rev or --staged")
        }
        self.repository = repository
        self.root = workdir
    }

    func files(where include: (String) -> Bool) throws -> [SourceFile] {
        var result: [SourceFile] = []
        walk(directory: "", include: include, into: &result)
        return result.sorted { $0.path < $1.path }
    }

    private func walk(directory: String, include: (String) -> Bool, into result: inout [SourceFile]) {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: root + directory) else { return }
        for name in names where name != ".git" {
            let path = directory + name
            var isDirectory: ObjCBool = false
            let full = root + path
            guard let attributes = try? manager.attributesOfItem(atPath: full) else { continue }
            let type = attributes[.type] as? FileAttributeType
            if type == .typeDirectory {
                guard manager.fileExists(atPath: full, isDirectory: &isDirectory), !repository.isIgnored(path + "/") else { continue }
                // A nested repository (submodule checkout) is not part of this one.
                if manager.fileExists(atPath: full + "/.git") { continue }
                walk(directory: path + "/", include: include, into: &result)
            } else if include(path), !repository.isIgnored(path) {
                // Only regular files are read: a FIFO would block, a device never ends.
                switch type {
                case .typeRegular?: result.append(SourceFile(path: path, blob: nil, kind: .file))
                case .typeSymbolicLink?: result.append(SourceFile(path: path, blob: nil, kind: .symlink))
                default: continue
                }
            }
        }
    }

    func read(_ file: SourceFile) throws -> [UInt8] {
        let handle = open(root + file.path, O_RDONLY | O_NONBLOCK)
        guard handle >= 0 else { throw SourceReadError(reason: String(cString: strerror(errno))) }
        defer { close(handle) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(handle, $0.baseAddress, $0.count) }
            if count < 0 { throw SourceReadError(reason: String(cString: strerror(errno))) }
            if count == 0 { return bytes }
            bytes += chunk[..<count]
        }
    }

    func size(of file: SourceFile) throws -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: root + file.path))?[.size] as? Int
    }

    func read(path: String) throws -> [UInt8]? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root + path, isDirectory: &isDirectory) else { return nil }
        if isDirectory.boolValue { throw GolintError.configuration(file: path, line: nil, message: "is a directory, not a file") }
        do {
            return try read(SourceFile(path: path, blob: nil, kind: .file))
        } catch let error as SourceReadError {
            throw GolintError.configuration(file: path, line: nil, message: "cannot be read: \(error.reason)")
        }
    }
}
