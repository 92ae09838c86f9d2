import Foundation

/// Report files of one run, written all or none. Every destination is checked first (a folder, a
/// missing or unwritable parent fails the run before anything is written); each report is written
/// into an unnamed file in its destination's folder (Linux `O_TMPFILE`: a killed run leaves
/// nothing behind), or a named temporary file where the file system refuses that, removed on
/// failure and on SIGINT, SIGTERM and SIGHUP. Only when every report is complete are they linked
/// into place; the previous versions are kept until the last one is, and put back if one fails.
public enum ReportFiles {
    public static func writeAll(_ files: [(path: String, output: ReportOutput)]) throws {
        for file in files { try checkDestination(file.path) }
        var staged: [StagedFile] = []
        defer { for file in staged { file.discard() } }
        for file in files {
            let stage = try StagedFile(beside: file.path)
            staged.append(stage)
            do {
                try file.output.write { try stage.write($0) }
            } catch let error as WriteError {
                throw failure(file.path, error.reason)
            }
        }
        var replaced: [(path: String, previous: String?)] = []
        do {
            for (stage, file) in zip(staged, files) {
                replaced.append((file.path, try stage.moveIntoPlace(file.path)))
            }
        } catch let error as WriteError {
            // Put back what the run had replaced: the reports stay as they were.
            for entry in replaced.reversed() {
                if let previous = entry.previous { rename(previous, entry.path) } else { unlink(entry.path) }
            }
            throw failure(error.path ?? files[replaced.count].path, error.reason)
        }
        for entry in replaced { if let previous = entry.previous { unlink(previous) } }
    }

    /// A destination that cannot take a file fails the run before anything is written.
    static func checkDestination(_ path: String) throws {
        var status = stat()
        if stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR { throw failure(path, "it is a directory") }
        let folder = parentFolder(path)
        guard access(folder, W_OK) == 0 else { throw failure(path, "\(folder): \(String(cString: strerror(errno)))") }
    }

    static func parentFolder(_ path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    private static func failure(_ path: String, _ reason: String) -> GolintError {
        GolintError.usage("\(path): cannot write the report (\(reason)); no report was written")
    }

    struct WriteError: Error {
        var path: String?
        let reason: String
        init(_ path: String? = nil, errno code: Int32 = errno) {
            self.path = path
            reason = String(cString: strerror(code))
        }
    }
}

/// One report being written: an unnamed file, or a named temporary one, in its destination's folder.
final class StagedFile {
    /// Linux `O_TMPFILE` (`__O_TMPFILE | O_DIRECTORY`), which Swift does not import.
    static let unnamed: Int32 = 0o20_000_000 | O_DIRECTORY
    private var descriptor: Int32
    /// Set for a named temporary file (where `O_TMPFILE` is refused).
    private var name: String?
    private let folder: String

    init(beside path: String) throws {
        folder = ReportFiles.parentFolder(path)
        descriptor = open(folder, StagedFile.unnamed | O_WRONLY | O_CLOEXEC, 0o644)
        if descriptor < 0 {
            let named = folder + "/.golint-\(UUID().uuidString).tmp"
            TemporaryFiles.register(named)
            descriptor = open(named, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else {
                let error = ReportFiles.WriteError(path)
                TemporaryFiles.unregister(named)
                throw error
            }
            name = named
        }
    }

    func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw ReportFiles.WriteError()
                }
                offset += written
            }
        }
    }

    /// Links the complete file at `path`; returns where the previous version waits (a hard link
    /// beside it) until the run succeeds, or nil when there was none.
    func moveIntoPlace(_ path: String) throws -> String? {
        guard fsync(descriptor) == 0 || errno == EINVAL else { throw ReportFiles.WriteError(path) }
        var previous: String? = folder + "/.golint-\(UUID().uuidString).old"
        if link(path, previous!) != 0 {
            guard errno == ENOENT else { throw ReportFiles.WriteError(path) }
            previous = nil
        }
        do {
            if let name {
                guard rename(name, path) == 0 else { throw ReportFiles.WriteError(path) }
                TemporaryFiles.unregister(name)
                self.name = nil
            } else if previous == nil, linkProcFile(to: path) {
                // Linked straight into place: there was nothing to replace.
            } else {
                // `linkat` does not replace: link under a temporary name, then rename over the old report.
                let named = folder + "/.golint-\(UUID().uuidString).tmp"
                TemporaryFiles.register(named)
                defer { TemporaryFiles.unregister(named) }
                guard linkProcFile(to: named) else { throw ReportFiles.WriteError(path) }
                guard rename(named, path) == 0 else {
                    let error = ReportFiles.WriteError(path)
                    unlink(named)
                    throw error
                }
            }
        } catch {
            if let previous { unlink(previous) }
            throw error
        }
        return previous
    }

    private func linkProcFile(to path: String) -> Bool {
        linkat(AT_FDCWD, "/proc/self/fd/\(descriptor)", AT_FDCWD, path, AT_SYMLINK_FOLLOW) == 0
    }

    /// Closes it; a named temporary file not moved into place is removed.
    func discard() {
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
        if let name {
            unlink(name)
            TemporaryFiles.unregister(name)
        }
    }
}

/// Named temporary files of this process, removed if a signal ends it (SIGINT, SIGTERM, SIGHUP).
/// A fixed table of C strings, so that the handler only reads memory and calls `unlink`.
public enum TemporaryFiles {
    private static let capacity = 64
    nonisolated(unsafe) private static let table = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
    nonisolated(unsafe) private static var installed = false
    private static let lock = NSLock()

    /// Installs the handlers, and makes an exceeded file-size limit a failed write (EFBIG, cleaned
    /// up like any other) rather than a signal that kills the run mid-file.
    public static func installHandlers() {
        lock.lock()
        defer { lock.unlock() }
        guard !installed else { return }
        installed = true
        table.initialize(repeating: nil, count: capacity)
        signal(SIGXFSZ, SIG_IGN)
        for number in [SIGINT, SIGTERM, SIGHUP] {
            signal(number) { received in
                for index in 0..<TemporaryFiles.capacity {
                    if let name = TemporaryFiles.table[index] { unlink(name) }
                }
                signal(received, SIG_DFL)
                raise(received)
            }
        }
    }

    static func register(_ path: String) {
        lock.lock()
        defer { lock.unlock() }
        guard installed, let index = (0..<capacity).first(where: { table[$0] == nil }) else { return }
        table[index] = strdup(path)
    }

    static func unregister(_ path: String) {
        lock.lock()
        defer { lock.unlock() }
        guard installed else { return }
        for index in 0..<capacity {
            if let name = table[index], String(cString: name) == path {
                table[index] = nil
                free(name)
            }
        }
    }
}
