import Crypto
import CryptoExtras
import Foundation

/// An `sshsig` signature (OpenSSH's PROTOCOL.sshsig), as git writes it into a commit with
/// `gpg.format=ssh`, verified here without ssh-keygen.
struct SSHSignature {
    enum Failure: Error, Equatable {
        /// Not an SSH signature, or not one this format allows.
        case malformed
        /// A key type golint does not verify (security keys, certificates): `unchecked`.
        case unsupported(String)
    }

    /// The signer's public key as the wire blob (what allowed-signers lists, base64-encoded).
    let publicKey: [UInt8]
    let namespace: String
    private let hashAlgorithm: String
    private let reserved: [UInt8]
    private let algorithm: String
    private let rawSignature: [UInt8]

    static let armorBegin = "-----BEGIN SSH SIGNATURE-----"

    init(armored: [UInt8]) throws {
        guard let text = String(bytes: armored, encoding: .utf8) else { throw Failure.malformed }
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        guard lines.first == Self.armorBegin, let end = lines.firstIndex(of: "-----END SSH SIGNATURE-----"),
              let blob = Data(base64Encoded: lines[1..<end].joined()) else { throw Failure.malformed }
        do {
            var wire = SSHWire([UInt8](blob))
            guard try wire.fixed(6) == Array("SSHSIG".utf8), try wire.uint32() == 1 else { throw Failure.malformed }
            publicKey = try wire.string()
            namespace = try wire.text()
            reserved = try wire.string()
            hashAlgorithm = try wire.text()
            var signature = SSHWire(try wire.string())
            algorithm = try signature.text()
            rawSignature = try signature.string()
            guard wire.isAtEnd else { throw Failure.malformed }
        } catch is SSHWire.Malformed {
            throw Failure.malformed
        }
    }

    /// Whether the signature is `publicKey`'s over `message` in namespace `git`.
    func isValid(for message: [UInt8]) throws -> Bool {
        guard namespace == "git" else { return false }
        let digest: [UInt8]
        switch hashAlgorithm {
        case "sha512": digest = Array(SHA512.hash(data: message))
        case "sha256": digest = Array(SHA256.hash(data: message))
        default: return false
        }
        var signed = Array("SSHSIG".utf8)
        signed += SSHWire.string(Array(namespace.utf8)) + SSHWire.string(reserved)
        signed += SSHWire.string(Array(hashAlgorithm.utf8)) + SSHWire.string(digest)
        return try Self.verify(rawSignature, algorithm: algorithm, over: signed, key: publicKey)
    }

    private static func verify(_ signature: [UInt8], algorithm: String, over data: [UInt8], key: [UInt8]) throws -> Bool {
        var wire = SSHWire(key)
        do {
            let keyType = try wire.text()
            switch keyType {
            case "ssh-ed25519":
                guard algorithm == keyType else { return false }
                let key = try Curve25519.Signing.PublicKey(rawRepresentation: try wire.string())
                return key.isValidSignature(signature, for: data)
            case "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521":
                guard algorithm == keyType else { return false }
                _ = try wire.text()
                let point = try wire.string()
                var parts = SSHWire(signature)
                let r = try parts.unsignedInteger(), s = try parts.unsignedInteger()
                return try verifyECDSA(keyType, point: point, r: r, s: s, data: data)
            case "ssh-rsa":
                let exponent = try wire.unsignedInteger(), modulus = try wire.unsignedInteger()
                let key = try _RSA.Signing.PublicKey(n: modulus, e: exponent)
                let rsa = _RSA.Signing.RSASignature(rawRepresentation: signature)
                // sshsig forbids SHA-1 ("ssh-rsa") signatures.
                switch algorithm {
                case "rsa-sha2-512": return key.isValidSignature(rsa, for: SHA512.hash(data: data), padding: .insecurePKCS1v1_5)
                case "rsa-sha2-256": return key.isValidSignature(rsa, for: SHA256.hash(data: data), padding: .insecurePKCS1v1_5)
                default: return false
                }
            default:
                throw Failure.unsupported(keyType)
            }
        } catch is SSHWire.Malformed {
            throw Failure.malformed
        } catch let failure as Failure {
            throw failure
        } catch {
            // The key or the signature bytes do not form a key or signature of their type.
            return false
        }
    }

    private static func verifyECDSA(_ keyType: String, point: [UInt8], r: [UInt8], s: [UInt8], data: [UInt8]) throws -> Bool {
        func raw(_ size: Int) -> [UInt8]? {
            guard r.count <= size, s.count <= size else { return nil }
            return [UInt8](repeating: 0, count: size - r.count) + r + [UInt8](repeating: 0, count: size - s.count) + s
        }
        switch keyType {
        case "ecdsa-sha2-nistp256":
            guard let raw = raw(32) else { return false }
            return try P256.Signing.PublicKey(x963Representation: point)
                .isValidSignature(P256.Signing.ECDSASignature(rawRepresentation: raw), for: data)
        case "ecdsa-sha2-nistp384":
            guard let raw = raw(48) else { return false }
            return try P384.Signing.PublicKey(x963Representation: point)
                .isValidSignature(P384.Signing.ECDSASignature(rawRepresentation: raw), for: data)
        default:
            guard let raw = raw(66) else { return false }
            return try P521.Signing.PublicKey(x963Representation: point)
                .isValidSignature(P521.Signing.ECDSASignature(rawRepresentation: raw), for: data)
        }
    }
}
