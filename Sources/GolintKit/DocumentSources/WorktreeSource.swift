import Foundation
import GolintGit

/// Files on disk under the working directory: every tracked file, and the untracked ones that
/// `.gitignore` does not exclude (asked of libgit2), as git would add them.
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
        let tracked = Set(try repository.indexFiles(where: include).map(\.path))
        var trackedDirectories: Set<String> = []
        for path in tracked {
            var directory = path
            while let slash = directory.lastIndex(of: "/") {
                directory = String(directory[..<slash])
                guard trackedDirectories.insert(directory + "/").inserted else { break }
            }
        }
        var result: [SourceFile] = []
        var attributeFiles = repository.attributeFilesOutsideWorkTree
        walk(directory: "", include: include, tracked: (tracked, trackedDirectories), into: &result, attributeFiles: &attributeFiles)
        // Asking libgit2 for an attribute costs a dozen system calls per file: only when some
        // attribute file mentions the encoding at all.
        if attributeFiles.contains(where: { FileManager.default.contents(atPath: $0)?.range(of: Data("working-tree-encoding".utf8)) != nil }) {
            for index in result.indices {
                result[index].workingTreeEncoding = repository.attribute("working-tree-encoding", for: result[index].path)
            }
        }
        return result.sorted { $0.path < $1.path }
    }

    private func walk(directory: String, include: (String) -> Bool, tracked: (files: Set<String>, directories: Set<String>),
                      into result: inout [SourceFile], attributeFiles: inout [String]) {
        guard let stream = opendir(root + directory) else { return }
        defer { closedir(stream) }
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard name != ".", name != "..", name != ".git" else { continue }
            let path = directory + name
            var type = entry.pointee.d_type
            if type == UInt8(DT_UNKNOWN) {
                var info = stat()
                guard lstat(root + path, &info) == 0 else { continue }
                type = (info.st_mode & S_IFMT) == S_IFDIR ? UInt8(DT_DIR) : (info.st_mode & S_IFMT) == S_IFREG ? UInt8(DT_REG)
                    : (info.st_mode & S_IFMT) == S_IFLNK ? UInt8(DT_LNK) : UInt8(DT_UNKNOWN)
            }
            if name == ".gitattributes" { attributeFiles.append(root + path) }
            switch type {
            case UInt8(DT_DIR):
                // Ignored folders are skipped unless they hold tracked documents; a nested repository
                // (submodule checkout) is not part of this one.
                guard tracked.directories.contains(path + "/") || !repository.isIgnored(path + "/"),
                      access(root + path + "/.git", F_OK) != 0 else { continue }
                walk(directory: path + "/", include: include, tracked: tracked, into: &result, attributeFiles: &attributeFiles)
            // Only regular files are read: a FIFO would block, a device never ends.
            case UInt8(DT_REG) where include(path) && (tracked.files.contains(path) || !repository.isIgnored(path)):
                result.append(SourceFile(path: path, blob: nil, kind: .file))
            case UInt8(DT_LNK) where include(path) && (tracked.files.contains(path) || !repository.isIgnored(path)):
                result.append(SourceFile(path: path, blob: nil, kind: .symlink))
            default:
                continue
            }
        }
    }

    func concurrentReader() throws -> DocumentReader { FileReader(root: root) }

    func read(path: String) throws -> [UInt8]? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root + path, isDirectory: &isDirectory) else { return nil }
        if isDirectory.boolValue { throw GolintError.configuration(file: path, line: nil, message: "is a directory, not a file") }
        do {
            return try FileReader(root: root).read(SourceFile(path: path, blob: nil, kind: .file))
        } catch let error as SourceReadError {
            throw GolintError.configuration(file: path, line: nil, message: "cannot be read: \(error.reason)")
        }
    }
}

/// Reads files below a root with POSIX calls; safe on any thread.
struct FileReader: DocumentReader {
    let root: String

    func read(_ file: SourceFile) throws -> [UInt8] {
        try readConverted(file)
    }

    private func readRaw(_ file: SourceFile) throws -> [UInt8] {
        let handle = open(root + file.path, O_RDONLY | O_NONBLOCK)
        guard handle >= 0 else { throw SourceReadError(reason: String(cString: strerror(errno))) }
        defer { close(handle) }
        var bytes: [UInt8] = []
        var info = stat()
        if fstat(handle, &info) == 0 { bytes.reserveCapacity(Int(info.st_size)) }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(handle, $0.baseAddress, $0.count) }
            if count < 0 { throw SourceReadError(reason: String(cString: strerror(errno))) }
            if count == 0 { return bytes }
            bytes += chunk[..<count]
        }
    }

    /// The file as git would stage it: converted from its `working-tree-encoding` to UTF-8.
    func readConverted(_ file: SourceFile) throws -> [UInt8] {
        let bytes = try readRaw(file)
        guard let encoding = file.workingTreeEncoding else { return bytes }
        do {
            return try TextConversion.utf8(from: bytes, encoding: encoding)
        } catch let error as TextConversion.Failure {
            throw SourceReadError(reason: "cannot be converted from its working-tree-encoding \(encoding): \(error.reason)")
        }
    }

    func size(of file: SourceFile) throws -> Int? {
        var info = stat()
        return stat(root + file.path, &info) == 0 ? Int(info.st_size) : nil
    }
}
