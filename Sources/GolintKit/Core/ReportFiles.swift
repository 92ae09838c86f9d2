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
        var previous: [StagedFile?] = []
        defer { for file in staged + previous.compactMap({ $0 }) { file.discard() } }
        for file in files {
            do {
                let stage = try StagedFile(beside: file.path)
                staged.append(stage)
                try file.output.write { try stage.write($0) }
                // Everything slow happens before the first report is replaced: the moment between
                // the first and the last rename is a few system calls.
                try stage.flush()
                previous.append(try StagedFile(copyOf: file.path))
            } catch let error as WriteError {
                throw failure(file.path, error.reason)
            }
        }
        // Names first, so that nothing but the links and the renames stands between the first
        // link and the last rename: a `kill -9` there is the one moment that leaves a name behind.
        let names = staged.map { $0.temporaryName() }
        var linked: [String] = []
        defer {
            for name in linked { unlink(name) }
            names.forEach(TemporaryFiles.unregister)
        }
        do {
            for (index, stage) in staged.enumerated() {
                try stage.link(as: names[index], for: files[index].path)
                linked.append(names[index])
            }
        } catch let error as WriteError {
            throw failure(error.path ?? files[linked.count].path, error.reason)
        }
        var replaced = 0
        do {
            for (name, file) in zip(linked, files) {
                guard rename(name, file.path) == 0 else { throw WriteError(file.path) }
                replaced += 1
            }
            linked.removeAll()
        } catch let error as WriteError {
            // Put back what the run had replaced: the reports stay as they were.
            for index in 0..<replaced {
                if let old = previous[index], let name = try? old.link(beside: files[index].path) {
                    rename(name, files[index].path)
                    TemporaryFiles.unregister(name)
                } else {
                    unlink(files[index].path)
                }
            }
            linked.removeFirst(replaced)
            throw failure(error.path ?? files[replaced].path, error.reason)
        }
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

/// One report being written — or a previous report kept until the new ones are in place — as an
/// unnamed file in its destination's folder, or a named temporary one where the file system
/// refuses unnamed files.
final class StagedFile {
    /// Linux `O_TMPFILE` (`__O_TMPFILE | O_DIRECTORY`), which Swift does not import.
    static let unnamed: Int32 = 0o20_000_000 | O_DIRECTORY
    private var descriptor: Int32
    /// Set for a named temporary file.
    private var name: String?
    private let folder: String

    init(beside path: String) throws {
        folder = ReportFiles.parentFolder(path)
        descriptor = open(folder, StagedFile.unnamed | O_RDWR | O_CLOEXEC, 0o644)
        if descriptor < 0 {
            let named = folder + "/.golint-\(UUID().uuidString).tmp"
            TemporaryFiles.register(named)
            descriptor = open(named, O_CREAT | O_EXCL | O_RDWR | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else {
                let error = ReportFiles.WriteError(path)
                TemporaryFiles.unregister(named)
                throw error
            }
            name = named
        }
    }

    /// A copy of the report at `path`, to put back if a later report cannot be moved into place;
    /// nil when there is none.
    convenience init?(copyOf path: String) throws {
        let source = open(path, O_RDONLY | O_CLOEXEC)
        guard source >= 0 else {
            if errno == ENOENT { return nil }
            throw ReportFiles.WriteError(path)
        }
        defer { close(source) }
        try self.init(beside: path)
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = read(source, &buffer, buffer.count)
            if count < 0 {
                if errno == EINTR { continue }
                throw ReportFiles.WriteError(path)
            }
            if count == 0 { break }
            try write(Array(buffer[..<count]))
        }
    }

    func write(_ bytes: [UInt8]) throws {
        if let code = writeAll(bytes, to: descriptor) { throw ReportFiles.WriteError(errno: code) }
    }

    /// On disk before it is linked into place.
    func flush() throws {
        guard fsync(descriptor) == 0 || errno == EINVAL else { throw ReportFiles.WriteError() }
    }

    /// A name beside `path` under which the complete file can be renamed into place.
    func link(beside path: String) throws -> String {
        let named = temporaryName()
        do {
            try link(as: named, for: path)
        } catch {
            TemporaryFiles.unregister(named)
            throw error
        }
        return named
    }

    /// The name it will be linked under (its own, for a named temporary file), registered for removal.
    func temporaryName() -> String {
        if let name { return name }
        let named = folder + "/.golint-\(UUID().uuidString).tmp"
        TemporaryFiles.register(named)
        return named
    }

    /// Gives the unnamed file the name `temporaryName()` chose.
    func link(as named: String, for path: String) throws {
        guard name == nil else { return }
        guard linkat(AT_FDCWD, procPath, AT_FDCWD, named, AT_SYMLINK_FOLLOW) == 0 else { throw ReportFiles.WriteError(path) }
    }

    private var procPath: String { "/proc/self/fd/\(descriptor)" }

    /// Moves the complete file to `path` on its own (a file that is not one of a set of reports).
    func replace(_ path: String) throws {
        let name = try link(beside: path)
        defer { TemporaryFiles.unregister(name) }
        guard rename(name, path) == 0 else {
            let error = ReportFiles.WriteError(path)
            unlink(name)
            throw error
        }
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

/// Named temporary files and folders of this process, removed if a signal ends it (SIGINT,
/// SIGTERM, SIGHUP).
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
                // Files first, then the folders they were staged in (a staged evidence folder).
                for index in 0..<TemporaryFiles.capacity {
                    if let name = TemporaryFiles.table[index] { unlink(name) }
                }
                for index in 0..<TemporaryFiles.capacity {
                    if let name = TemporaryFiles.table[index] { rmdir(name) }
                }
                signal(received, SIG_DFL)
                raise(received)
            }
        }
    }

    public static func register(_ path: String) {
        lock.lock()
        defer { lock.unlock() }
        guard installed, let index = (0..<capacity).first(where: { table[$0] == nil }) else { return }
        table[index] = strdup(path)
    }

    public static func unregister(_ path: String) {
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
