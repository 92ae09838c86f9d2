import GolintGit

/// Where documents are read from: a revision, the index, or the working tree.
public enum SourceKind: Sendable, Equatable {
    case revision(String)
    case index
    case worktree
}

/// A file golint may read, with the blob id when it comes from the object database.
struct SourceFile: Sendable {
    let path: String
    let blob: ObjectID?
    let kind: FileEntry.Kind
    /// The `working-tree-encoding` attribute of a file on disk: git stores it as UTF-8 and writes
    /// it out in this encoding, so golint converts it back before reading.
    var workingTreeEncoding: String?

    init(path: String, blob: ObjectID?, kind: FileEntry.Kind, workingTreeEncoding: String? = nil) {
        self.path = path
        self.blob = blob
        self.kind = kind
        self.workingTreeEncoding = workingTreeEncoding
    }
}

/// Reads paths and bytes from one source. Created and used on one thread.
protocol DocumentSource {
    /// `HEAD`, `index`, `worktree` or the revision as given.
    var name: String { get }
    /// The commit read from, if any.
    var commit: CommitInfo? { get }
    func files(where include: (String) -> Bool) throws -> [SourceFile]
    /// A single file by path (configuration, rule packs), or nil when it does not exist there.
    func read(path: String) throws -> [UInt8]?
    /// A reader for another thread: libgit2 handles are not shared, so blob sources open their own.
    func concurrentReader() throws -> DocumentReader
}

/// Reads documents on a worker thread.
protocol DocumentReader {
    func read(_ file: SourceFile) throws -> [UInt8]
    /// The size in bytes, when it is known without reading the content.
    func size(of file: SourceFile) throws -> Int?
}

/// A document that exists but cannot be read; reported as a finding, the run goes on.
struct SourceReadError: Error {
    let reason: String
}

/// Opens the source a command asks for.
func openSource(_ kind: SourceKind, in repository: Repository) throws -> DocumentSource {
    switch kind {
    case let .revision(revision): return try RevisionSource(repository: repository, revision: revision)
    case .index: return try IndexSource(repository: repository)
    case .worktree: return try WorktreeSource(repository: repository)
    }
}
