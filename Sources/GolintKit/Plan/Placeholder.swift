import Foundation

/// Text left to be filled in: `[Primär-On-Call]`, `TBD`, `Owner: ______`, `2026-03-XX`.
public struct Placeholder: Sendable, Equatable {
    public let excerpt: String
    public let line: Int
    public let column: Int
}

/// Finds placeholders with the configured patterns, once per document: in rendered text outside
/// links and code blocks (templates), and in code blocks only when the configuration says so.
enum PlaceholderScanner {
    static func placeholders(in document: Document, _ configuration: Configuration) throws -> [Placeholder] {
        var found: [Placeholder] = []
        let keys = configuration.decisionFieldKeys
        for block in document.blocks {
            let matches = try matches(in: block.text, configuration).filter { !block.isInLink($0) }
            var cursor = Document.Cursor(block)
            for range in leftmostLongest(matches) where !isBlankDecisionField(range, in: block.text, keys) {
                let position = document.position(of: range, in: block, cursor: &cursor)
                found.append(Placeholder(excerpt: String(block.text[range]), line: position.line, column: position.column))
            }
        }
        if configuration.placeholdersInCodeBlocks {
            found += try codeBlockPlaceholders(document, configuration)
        }
        return found
    }

    private static func codeBlockPlaceholders(_ document: Document, _ configuration: Configuration) throws -> [Placeholder] {
        var found: [Placeholder] = []
        for code in document.codeBlocks {
            let firstLine = code.fenced ? code.startLine + 1 : code.startLine
            for (offset, line) in code.literal.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let text = String(line)
                let sourceLine = document.source.line(firstLine + offset)
                for range in leftmostLongest(try matches(in: text, configuration)) {
                    let excerpt = String(text[range])
                    let column = sourceLine.firstRange(of: excerpt).map { sourceLine.unicodeScalars[..<$0.lowerBound].count + 1 } ?? 1
                    found.append(Placeholder(excerpt: excerpt, line: firstLine + offset, column: column))
                }
            }
        }
        return found
    }

    /// Matches of all patterns in one scan. When that exceeds the match budget, each pattern runs
    /// alone so that the error names the one that backtracks.
    static func matches(in text: String, _ configuration: Configuration) throws -> [Range<String.Index>] {
        guard let alternation = configuration.placeholderAlternation else {
            return try configuration.placeholderPatterns.flatMap { try $0.matches(in: text).map(\.range) }
        }
        do {
            return try alternation.matches(in: text).map(\.range)
        } catch let error as Pattern.BudgetExceeded {
            for pattern in configuration.placeholderPatterns { _ = try pattern.matches(in: text) }
            throw error
        }
    }

    /// Overlapping matches of several patterns (`[TODO]`) count once: the earliest, then the longest.
    static func leftmostLongest(_ ranges: [Range<String.Index>]) -> [Range<String.Index>] {
        let sorted = ranges.sorted { ($0.lowerBound, $1.upperBound) < ($1.lowerBound, $0.upperBound) }
        var result: [Range<String.Index>] = []
        for range in sorted where !(result.last?.overlaps(range) ?? false) {
            result.append(range)
        }
        return result
    }

    /// `Entscheider: ______` is an empty decision field (a missing signature), not a placeholder.
    private static func isBlankDecisionField(_ range: Range<String.Index>, in text: String, _ keys: Set<String>) -> Bool {
        // Only a run of underscores can be the blank of a field.
        guard text[range].allSatisfy({ $0 == "_" }) else { return false }
        let lineStart = text[..<range.lowerBound].lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
        let lineEnd = text[range.upperBound...].firstIndex(of: "\n") ?? text.endIndex
        return DecisionField.parse(text[lineStart..<lineEnd], fields: keys).map { DecisionField.isBlank($0.value) } == true
    }
}
