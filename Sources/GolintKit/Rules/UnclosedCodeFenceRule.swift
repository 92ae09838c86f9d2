import Foundation

/// A code fence that is never closed: GitHub renders the rest of the document as code, and so
/// golint reads no deliverable, placeholder or sign-off in it.
public struct UnclosedCodeFenceRule: DocumentRule {
    public static let description = RuleDescription(
        id: "unclosed-code-fence", name: "Unclosed code fence", severity: .warning,
        summary: "A ``` or ~~~ fence that is never closed hides the rest of the document, on GitHub and from golint.",
        triggering: [
            Example("# Plan\n\n↓```\nDeadline: 2026-03-05\n\n- [ ] hidden item\n", message: "code fence opened here is never closed: GitHub shows the remaining 3 lines as code, and golint reads nothing in them"),
            Example("- [ ] visible\n\n  ↓~~~~ text\n  - [ ] hidden\n  ~~~\n"),
        ],
        nonTriggering: [
            Example("```\ncode\n```\n\n- [ ] visible\n"),
            Example("~~~~\n```\n~~~~\n"),
            Example("```\nthe fence closes on the last line\n```"),
        ])

    public init() {}

    public func check(_ plan: Plan, in context: LintContext) throws -> [RuleFinding] {
        let source = plan.document.source
        let lastLine = source.lines.count
        return plan.document.codeBlocks.compactMap { block in
            guard block.fenced, block.endLine >= lastLine,
                  block.startLine == lastLine || !Self.isClosing(source.line(lastLine), opening: source.line(block.startLine)) else { return nil }
            let opening = source.line(block.startLine)
            let column = opening.prefix { $0 == " " || $0 == "\t" || $0 == ">" }.unicodeScalars.count + 1
            let hidden = lastLine - block.startLine
            return RuleFinding(line: block.startLine, column: column,
                               message: "code fence opened here is never closed: GitHub shows the remaining \(hidden) line\(hidden == 1 ? "" : "s") as code, and golint reads nothing in them",
                               excerpt: String(opening.trimmedSpaces))
        }
    }

    /// Whether `line` closes a fence opened by `opening`: the same character, at least as many, nothing else.
    private static func isClosing(_ line: Substring, opening: Substring) -> Bool {
        let open = opening.drop { $0 == " " || $0 == "\t" || $0 == ">" }
        guard let character = open.first, character == "`" || character == "~" else { return false }
        let length = open.prefix { $0 == character }.count
        let close = line.drop { $0 == " " || $0 == "\t" || $0 == ">" }
        let run = close.prefix { $0 == character }.count
        return run >= length && close.dropFirst(run).allSatisfy(\.isWhitespace)
    }
}
