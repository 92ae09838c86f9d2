import CLibGit2

/// A `.mailmap`: the real name and email behind the aliases people commit under.
public final class Mailmap {
    private let pointer: OpaquePointer

    /// Reads mailmap text (the `.mailmap` of a revision); empty text maps nobody.
    public init(text: [UInt8]) throws {
        LibGit2.ensureInitialised()
        var mailmap: OpaquePointer?
        let code = text.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { git_mailmap_from_buffer(&mailmap, $0.baseAddress, buffer.count) }
        }
        guard code >= 0, let mailmap else { throw GitError(function: "git_mailmap_from_buffer", code: code) }
        pointer = mailmap
    }

    deinit { git_mailmap_free(pointer) }

    /// The canonical name and email for an identity (itself when the mailmap does not name it).
    public func resolve(name: String, email: String) -> (name: String, email: String) {
        // The results may point into the arguments: both are copied out while those live.
        name.withCString { namePointer in
            email.withCString { emailPointer in
                var realName: UnsafePointer<CChar>?, realEmail: UnsafePointer<CChar>?
                guard git_mailmap_resolve(&realName, &realEmail, pointer, namePointer, emailPointer) == 0 else { return (name, email) }
                return (realName.map { String(cString: $0) } ?? name, realEmail.map { String(cString: $0) } ?? email)
            }
        }
    }
}
