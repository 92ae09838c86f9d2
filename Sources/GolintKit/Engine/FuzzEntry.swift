import Foundation

/// One input through everything that reads document bytes: decoding, the document model,
/// deadline parsing, the placeholder matcher, every rule, and the history snapshot diff against
/// a fixed document; and through what reads signatures: the input as an SSH signature (armored as
/// given, and its bytes armored), as an allowed-signers file, and the provenance walk's line
/// screen. Used by the fuzz target and its regression replay.
public enum FuzzEntry {
    private static let configuration = Configuration.shipped()
    private static let now = Date(timeIntervalSince1970: 1_772_800_000)
    private static let reference = try? DocumentSnapshot(
        bytes: Array("# Plan\n\n**Deadline:** 2026-03-05\n\n## Freigabe\n\n- [ ] Security\n- [x] SRE — Sam, 2026-03-04\n\nOwner: TBD\n".utf8),
        path: "TASK_REFERENCE.md", configuration: configuration)

    public static func run(_ bytes: [UInt8]) {
        let source = SourceText(bytes: bytes)
        for line in source.lines.prefix(64) { _ = DateParser.dates(in: String(line)) }
        // Findings may be anything; what must hold is that golint returns at all.
        _ = try? Linter.lint(path: "docs/TASK_FUZZ.md", bytes: bytes, configuration: configuration, now: now)
        if let snapshot = try? DocumentSnapshot(bytes: bytes, path: "docs/TASK_FUZZ.md", configuration: configuration), let reference {
            _ = SnapshotDiff(old: reference, new: snapshot)
            _ = SnapshotDiff(old: snapshot, new: reference)
        }
        let armored = Array("\(SSHSignature.armorBegin)\n\(Data(bytes).base64EncodedString())\n-----END SSH SIGNATURE-----\n".utf8)
        for candidate in [bytes, armored] {
            _ = try? SSHSignature(armored: candidate).isValid(for: bytes)
        }
        _ = try? AllowedSigners(text: String(decoding: bytes, as: UTF8.self))
        _ = LineScreen.checkedItemLines(bytes)
        _ = LineScreen.containsLine("- [x] Security — Sam, 2026-03-04", in: bytes)
    }
}
