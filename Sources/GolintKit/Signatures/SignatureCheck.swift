import Foundation
import GolintGit

/// What a commit's signature says: its state, its kind, and who signed (a principal of the
/// allowed-signers file, or an OpenPGP user id's email).
public struct SignatureCheck: Sendable, Equatable {
    public enum Status: String, Sendable {
        case good, bad
        case unknownKey = "unknown-key"
        case none, unchecked
    }

    public enum Format: String, Sendable {
        case ssh, openpgp, x509
    }

    public let status: Status
    public let format: Format?
    public let signer: String?
    /// Why it is not good, for messages: "the key is not in .golint/allowed_signers".
    public let reason: String?

    static let unsigned = SignatureCheck(status: .none, format: nil, signer: nil, reason: "the commit is not signed")

    /// Whether it is a good signature by `email`'s key.
    func isGood(for email: String) -> Bool {
        status == .good && signer?.lowercased() == email.lowercased()
    }
}

/// Checks commit signatures: SSH ones itself against the allowed signers, OpenPGP ones through
/// `gpg`. Each commit is checked once.
final class SignatureVerifier {
    private let allowedSigners: AllowedSigners
    private let allowedSignersName: String
    private var checked: [ObjectID: SignatureCheck] = [:]
    private let openPGP = OpenPGPVerifier()

    init(allowedSigners: AllowedSigners, name: String) {
        self.allowedSigners = allowedSigners
        allowedSignersName = name
    }

    /// `authorEmail` is the author's after .mailmap: of several principals for one key, theirs is named.
    func check(_ commit: CommitInfo, authorEmail: String, in repository: Repository) throws -> SignatureCheck {
        if let known = checked[commit.id] { return known }
        let result = try repository.signature(of: commit.id).map { verify($0, commit: commit, authorEmail: authorEmail) } ?? .unsigned
        checked[commit.id] = result
        return result
    }

    private func verify(_ signature: CommitSignature, commit: CommitInfo, authorEmail author: String) -> SignatureCheck {
        let head = String(decoding: signature.signature.prefix(40), as: UTF8.self)
        if head.hasPrefix("-----BEGIN PGP SIGNATURE-----") {
            return openPGP.verify(signature)
        }
        guard head.hasPrefix(SSHSignature.armorBegin) else {
            let format: SignatureCheck.Format? = head.hasPrefix("-----BEGIN SIGNED MESSAGE-----") ? .x509 : nil
            return SignatureCheck(status: .unchecked, format: format, signer: nil, reason: "golint does not verify this kind of signature")
        }
        do {
            let ssh = try SSHSignature(armored: signature.signature)
            guard try ssh.isValid(for: signature.signedData) else {
                return SignatureCheck(status: .bad, format: .ssh, signer: nil, reason: "the signature does not match the commit")
            }
            let entries = allowedSigners.entries(for: ssh.publicKey, at: commit.committer.time)
            guard !entries.isEmpty else {
                return SignatureCheck(status: .unknownKey, format: .ssh, signer: nil,
                                      reason: "the key is not in \(allowedSignersName) for this time")
            }
            let signer = entries.contains { $0.lists(author) } ? author : entries[0].principals.first?.pattern
            return SignatureCheck(status: .good, format: .ssh, signer: signer, reason: nil)
        } catch SSHSignature.Failure.unsupported(let type) {
            return SignatureCheck(status: .unchecked, format: .ssh, signer: nil, reason: "golint does not verify \(type) keys")
        } catch {
            return SignatureCheck(status: .bad, format: .ssh, signer: nil, reason: "the signature is malformed")
        }
    }
}
