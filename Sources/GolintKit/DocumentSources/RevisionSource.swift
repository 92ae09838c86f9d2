import GolintGit

/// A source whose files are blobs in the object database.
protocol BlobSource: DocumentSource {
    var repository: Repository { get }
}

extension BlobSource {
    func concurrentReader() throws -> DocumentReader {
        BlobReader(repository: try Repository(repository.location))
    }
}

struct BlobReader: DocumentReader {
    let repository: Repository

    func read(_ file: SourceFile) throws -> [UInt8] {
        try repository.blob(file.blob!)
    }

    func size(of file: SourceFile) throws -> Int? {
        try file.blob.map(repository.blobSize)
    }
}

/// Blobs in a commit's tree (or any tree-ish: a tag, `HEAD:docs`).
struct RevisionSource: BlobSource {
    let repository: Repository
    let name: String
    let commit: CommitInfo?
    let tree: Tree

    init(repository: Repository, revision: String) throws {
        self.repository = repository
        self.name = revision
        if revision == "HEAD", repository.isHeadUnborn {
            throw GolintError.revision("HEAD has no commit yet; use --staged or --worktree")
        }
        do {
            tree = try repository.tree(revision)
            commit = try? repository.commit(revision)
        } catch let error as GitError {
            throw GolintError.revision(error.message)
        }
    }

    func files(where include: (String) -> Bool) throws -> [SourceFile] {
        try tree.files(where: include).map { SourceFile(path: $0.path, blob: $0.id, kind: $0.kind) }
    }

    func read(path: String) throws -> [UInt8]? {
        guard let entry = tree.entry(at: path) else { return nil }
        guard entry.kind == .file || entry.kind == .executable else {
            throw GolintError.configuration(file: path, line: nil, message: "is not a file in \(name)")
        }
        return try repository.blob(entry.id)
    }
}

/// Staged blobs: what the next commit will contain. Works before the first commit.
struct IndexSource: BlobSource {
    let repository: Repository
    var name: String { "index" }
    var commit: CommitInfo? { nil }

    init(repository: Repository) throws {
        guard !repository.isBare else { throw GolintError.repository("a bare repository has no index; use --rev") }
        self.repository = repository
    }

    func files(where include: (String) -> Bool) throws -> [SourceFile] {
        try repository.indexFiles(where: include).map { SourceFile(path: $0.path, blob: $0.id, kind: $0.kind) }
    }

    func read(path: String) throws -> [UInt8]? {
        guard let entry = try repository.indexFiles(where: { $0 == path }).first else { return nil }
        return try repository.blob(entry.id)
    }
}
