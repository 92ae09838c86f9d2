import CLibGit2

/// A commit's signature (the `gpgsig` header, armored) and the bytes it signs: the commit object
/// without that header.
public struct CommitSignature: Sendable {
    public let signature: [UInt8]
    public let signedData: [UInt8]
}

extension Repository {
    /// The commit's signature, or nil for an unsigned commit.
    public func signature(of id: ObjectID) throws -> CommitSignature? {
        var signature = git_buf(), signed = git_buf()
        defer {
            git_buf_dispose(&signature)
            git_buf_dispose(&signed)
        }
        var oid = id.raw
        let code = git_commit_extract_signature(&signature, &signed, pointer, &oid, nil)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try checkObject(code, "git_commit_extract_signature", id)
        return CommitSignature(signature: Self.bytes(signature), signedData: Self.bytes(signed))
    }

    private static func bytes(_ buffer: git_buf) -> [UInt8] {
        guard let pointer = buffer.ptr, buffer.size > 0 else { return [] }
        return Array(UnsafeRawBufferPointer(start: pointer, count: buffer.size))
    }
}
