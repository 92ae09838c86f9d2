import Foundation

/// A document that is not clean UTF-8.
public struct EncodingRule: DocumentRule {
    public static let description = RuleDescription(
        id: "encoding", name: "Encoding", severity: .warning,
        summary: "A document that is not valid UTF-8 (or is binary, UTF-16, an LFS pointer or unreadable), or whose UTF-8 was decoded as Windows-1252 and encoded again (`â€\u{201C}` for `–`).",
        triggering: [
            Example("# Plan ↓â€\u{201C} Koordination\n\nâ€\u{201C} twice, reported once\n", message: "UTF-8 was read as Windows-1252 and encoded again: 'â€“' should be '–' (2 garbled sequences)"),
            Example("## ↓ğŸ“‹ Summary\n"),
            Example(bytes: Array("# Gr".utf8) + [0xFC, 0xDF] + Array("e\n".utf8)),
            Example(bytes: [0xFF, 0xFE] + Array("#\0 \0P\0\n\0".utf8)),
            Example(bytes: Array("# bin".utf8) + [0, 1, 2, 0]),
            Example(bytes: Array("version https://git-lfs.github.com/spec/v1\noid sha256:4d7a\nsize 12345\n".utf8)),
        ],
        nonTriggering: [
            Example("# Plan – Koordination für Grüße, Straße, Übergabe 📋\n"),
            Example("Café, naïve, São Paulo, Zürich\n"),
        ],
        reads: .storedBytes)

    public init() {}

    public func check(_ plan: Plan, in context: LintContext) throws -> [RuleFinding] {
        let source = plan.document.source
        var findings: [RuleFinding] = []
        for problem in source.problems {
            switch problem {
            case .binary:
                findings.append(RuleFinding(line: 1, column: 1, message: "binary file matches a document glob; not checked"))
            case .lfsPointer:
                findings.append(RuleFinding(line: 1, column: 1, message: "Git LFS pointer: the document is stored outside the repository; not checked"))
            case .tooLarge:
                break  // document-too-large
            case let .unreadable(reason):
                findings.append(RuleFinding(line: 1, column: 1, message: "cannot be read (\(reason)); not checked"))
            case .utf16:
                findings.append(RuleFinding(line: 1, column: 1, message: "document is UTF-16; GitHub and git diff expect UTF-8"))
            case let .invalidUTF8(line, column):
                findings.append(RuleFinding(line: line, column: column,
                                            message: "invalid UTF-8 (byte \(column) of the line); bytes were replaced by U+FFFD"))
            }
        }
        let runs = source.mojibake
        if let first = runs.first {
            let count = runs.count == 1 ? "" : " (\(runs.count) garbled sequences)"
            findings.append(RuleFinding(
                line: first.line, column: first.column,
                message: "UTF-8 was read as Windows-1252 and encoded again: '\(first.garbled)' should be '\(first.intended)'\(count)",
                excerpt: first.garbled))
        }
        return findings
    }
}
