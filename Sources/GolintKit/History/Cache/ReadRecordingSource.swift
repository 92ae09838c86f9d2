import Crypto
import GolintGit

/// A source that remembers every file the walk's set-up read from it (the configuration, its
/// packs, `.mailmap`, the allowed signers), for the cache key.
final class ReadRecordingSource: DocumentSource {
    private let source: DocumentSource
    private(set) var digest = SHA256()

    init(_ source: DocumentSource) {
        self.source = source
    }

    var name: String { source.name }
    var commit: CommitInfo? { source.commit }

    func files(where include: (String) -> Bool) throws -> [SourceFile] { try source.files(where: include) }

    func read(path: String) throws -> [UInt8]? {
        let bytes = try source.read(path: path)
        note(path, bytes)
        return bytes
    }

    func concurrentReader() throws -> DocumentReader { try source.concurrentReader() }

    /// Adds a named value to the digest: present or absent, and its bytes, told apart from the next.
    func note(_ name: String, _ bytes: [UInt8]?) {
        for part in [Array(name.utf8), bytes.map { Array(String($0.count).utf8) } ?? [], bytes ?? []] {
            digest.update(data: Array(String(part.count).utf8) + [0] + part)
        }
    }
}
