import Foundation
import GolintGit

/// OpenPGP signatures are verified by `gpg` (with the user's keyring, `GNUPGHOME` as set), read
/// through its machine-readable status lines; without gpg they are `unchecked`.
struct OpenPGPVerifier {
    private let gpg: String? = OpenPGPVerifier.findGPG()

    func verify(_ signature: CommitSignature) -> SignatureCheck {
        guard let gpg else {
            return SignatureCheck(status: .unchecked, format: .openpgp, signer: nil, reason: "gpg is not installed")
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("golint-gpg-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let signatureFile = directory.appendingPathComponent("signature.asc"), dataFile = directory.appendingPathComponent("commit")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(signature.signature).write(to: signatureFile)
            try Data(signature.signedData).write(to: dataFile)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: gpg)
            process.arguments = ["--batch", "--no-tty", "--status-fd", "1", "--verify", signatureFile.path, dataFile.path]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            process.standardInput = FileHandle.nullDevice
            try process.run()
            let status = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return Self.read(status: String(decoding: status, as: UTF8.self))
        } catch {
            return SignatureCheck(status: .unchecked, format: .openpgp, signer: nil, reason: "gpg could not be run: \(error.localizedDescription)")
        }
    }

    /// `[GNUPG:] GOODSIG <keyid> <user id>` and its siblings (gpg's doc/DETAILS).
    static func read(status: String) -> SignatureCheck {
        var result = SignatureCheck(status: .bad, format: .openpgp, signer: nil, reason: "gpg did not report a good signature")
        for line in status.split(separator: "\n") where line.hasPrefix("[GNUPG:] ") {
            let fields = line.dropFirst(9).split(separator: " ", maxSplits: 2).map(String.init)
            switch fields.first {
            case "GOODSIG":
                let userID = fields.count > 2 ? fields[2] : ""
                let email = userID.range(of: "<").flatMap { start in
                    userID.range(of: ">", range: start.upperBound..<userID.endIndex).map { String(userID[start.upperBound..<$0.lowerBound]) }
                } ?? userID
                result = SignatureCheck(status: .good, format: .openpgp, signer: email, reason: nil)
            case "BADSIG":
                return SignatureCheck(status: .bad, format: .openpgp, signer: nil, reason: "the signature does not match the commit")
            case "EXPKEYSIG", "REVKEYSIG", "NO_PUBKEY", "ERRSIG":
                return SignatureCheck(status: .unknownKey, format: .openpgp, signer: nil,
                                      reason: fields.first == "NO_PUBKEY" || fields.first == "ERRSIG" ? "the key is not in gpg's keyring" : "the key has expired or was revoked")
            default:
                continue
            }
        }
        return result
    }

    private static func findGPG() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/gpg" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
