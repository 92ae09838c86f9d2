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
    /// `- text`, `* text`, `1. text`: a line that opens a list item.
    static func isListItem<S: StringProtocol>(_ line: S) -> Bool {
        listMarkerEnd(line) != nil
    }

    /// Where the text after a list marker and its space starts (`- `, `* `, `+ `, `1. `, `2) `).
    static func listMarkerEnd<S: StringProtocol>(_ line: S) -> String.Index? {
        line.withUTF8Bytes(listMarkerEnd).map { line.utf8.index(line.utf8.startIndex, offsetBy: $0) }
    }

    /// The same on a line's bytes, as an offset.
    static func listMarkerEnd(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        guard index < bytes.count else { return nil }
        if bytes[index] == 0x2D || bytes[index] == 0x2A || bytes[index] == 0x2B {
            index += 1
        } else {
            let digitsStart = index
            while index < bytes.count, bytes[index] &- 0x30 < 10 { index += 1 }
            guard (1...9).contains(index - digitsStart), index < bytes.count, bytes[index] == 0x2E || bytes[index] == 0x29 else { return nil }
            index += 1
        }
        return index < bytes.count && bytes[index] == 0x20 ? index + 1 : nil
    }

    static func placeholders(in document: Document, _ configuration: Configuration, skippingLines skipped: Set<Int> = []) throws -> [Placeholder] {
        var found: [Placeholder] = []
        let keys = configuration.decisionFieldKeys
        for block in document.blocks {
            var matches = try matches(in: block.text, configuration).filter { !block.isInLink($0) }
            guard !matches.isEmpty else { continue }
            // `[Release Lead] Cut the release`: the role tag that leads a deliverable is its owner.
            // `[Ops] [DBA] Restore`: a run of them, also on a plain list item.
            // A plain list item's tag is an owner only if it names a role (`[SRE Lead]`, not `[Status-Kanal]`).
            if block.kind == .paragraph, let tags = Plan.roleTags(block.text),
               block.item != nil || (isListItem(document.source.line(block.line)) && tags.tags.allSatisfy(configuration.namesRole)) {
                matches.removeAll { $0.upperBound <= tags.end }
            }
            var cursor = document.cursor(at: block)
            for range in oneFieldEach(leftmostLongest(matches), in: block.text) where !isBlankDecisionField(range, in: block.text, keys) {
                let position = document.position(of: range, in: block, cursor: &cursor)
                guard !skipped.contains(position.line) else { continue }
                let excerpt = String(block.text[range])
                found.append(excerpt.first == "_" ? widenedBlank(excerpt, line: position.line, column: position.column, document)
                                                  : Placeholder(excerpt: excerpt, line: position.line, column: position.column))
            }
        }
        for line in document.blankItemLines {
            // The blank after the list marker: `- ______`, `1. ______`.
            let text = document.source.line(line)
            guard let start = text.firstIndex(of: "_") else { continue }
            found.append(Placeholder(excerpt: String(text[start...].trimmedSpaces), line: line,
                                     column: text.unicodeScalars[..<start].count + 1))
        }
        if configuration.placeholdersInCodeBlocks {
            found += try codeBlockPlaceholders(document, configuration)
        }
        return found.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
    }

    /// A blank date `__.__.____` renders as a bold `.` and `____` (`__` is emphasis): the blank is
    /// widened over the underscores and separators around it in the source line.
    private static func widenedBlank(_ excerpt: String, line: Int, column: Int, _ document: Document) -> Placeholder {
        let scalars = Array(document.source.line(line).unicodeScalars)
        var start = column - 1, end = start + excerpt.unicodeScalars.count
        guard start >= 0, end <= scalars.count else { return Placeholder(excerpt: excerpt, line: line, column: column) }
        func isBlankPart(_ index: Int) -> Bool { "_./:".unicodeScalars.contains(scalars[index]) }
        while start > 0, isBlankPart(start - 1), scalars[start - 1] == "_" || (start >= 2 && scalars[start - 2] == "_") { start -= 1 }
        while end < scalars.count, isBlankPart(end), scalars[end] == "_" || (end + 1 < scalars.count && scalars[end + 1] == "_") { end += 1 }
        var widened = String.UnicodeScalarView()
        widened.append(contentsOf: scalars[start..<end])
        return Placeholder(excerpt: String(widened), line: line, column: start + 1)
    }

    /// Blanks of one field stand next to each other with nothing but punctuation between them
    /// (`__.__.____`, `[HH:MM] – [HH:MM]`): one placeholder that names them all.
    static func oneFieldEach(_ ranges: [Range<String.Index>], in text: String) -> [Range<String.Index>] {
        var result: [Range<String.Index>] = []
        var lastPart: Range<String.Index>?
        for range in ranges {
            defer { lastPart = range }
            // Parts of one value (`__.__.____`, `[MM/DD] [HH:MM]`, `[HH:MM] – [HH:MM]`) are one; two
            // fields side by side (`[Name] [Phone]`, `[URL] - [Access method]`) are two.
            if let last = result.last, text[last.upperBound..<range.lowerBound].count <= 3,
               text[last.upperBound..<range.lowerBound].allSatisfy({ " ./:–—-".contains($0) }),
               isValuePart(text[lastPart ?? last]), isValuePart(text[range]) {
                result[result.count - 1] = last.lowerBound..<range.upperBound
            } else {
                result.append(range)
            }
        }
        return result
    }

    /// A blank run or a date or time format (`____`, `[HH:MM]`, `[MM/DD/YYYY]`, `TT.MM.JJJJ`, `2026-03-XX`).
    private static func isValuePart(_ text: Substring) -> Bool {
        let inner = text.first == "[" && text.last == "]" ? text.dropFirst().dropLast() : text
        return !inner.isEmpty && inner.allSatisfy { valuePartCharacters.contains($0) }
    }

    private static let valuePartCharacters = Set("_DMYHSTJAGXhmsyd0123456789:/.-–? ")

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
        var words: [Range<String.Index>] = []
        if let pattern = configuration.placeholderWordPattern,
           !configuration.placeholderWordsScreened || configuration.placeholderWordStarts.occurs(in: text) {
            words = try pattern.matches(in: text).map(\.range)
        }
        guard let alternation = configuration.placeholderAlternation else {
            return try configuration.placeholderPatterns.flatMap { try $0.matches(in: text).map(\.range) } + words
        }
        do {
            return try alternation.matches(in: text).map(\.range) + words
        } catch let error as Pattern.BudgetExceeded {
            for pattern in configuration.placeholderPatterns { _ = try pattern.matches(in: text) }
            throw error
        }
    }

    /// Overlapping matches of several patterns (`[TODO]`) count once: the earliest, then the longest.
    static func leftmostLongest(_ ranges: [Range<String.Index>]) -> [Range<String.Index>] {
        guard ranges.count > 1 else { return ranges }
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
