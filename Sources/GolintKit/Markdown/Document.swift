import Foundation

/// A Markdown document as GitHub renders it, with the source position of everything golint checks.
/// Lines are 1-based; columns are 1-based and count Unicode scalars.
public struct Document: Sendable {
    public let path: String
    public let source: SourceText
    public let headings: [Heading]
    /// Index 0 is the whole document (no heading); every heading opens a section.
    public let sections: [Section]
    public let items: [TaskItem]
    /// Rendered inline text of paragraphs, headings and table cells, outside code blocks.
    public let blocks: [TextBlock]
    public let codeBlocks: [CodeBlock]
    public let htmlComments: [HTMLComment]
    public let tables: [Table]
    /// List items that hold only a blank (`- ______`, `1. ______`): cmark-gfm reads the blank as a
    /// thematic break, so no text has it. By line.
    public let blankItemLines: [Int]

    /// Where a walk through one block's matches stands; positions only move forward, so finding
    /// many matches in one long paragraph stays linear.
    public struct Cursor {
        var rendered: String.Index
        var line: Int
        var sourceFrom: String.Index?
        /// The column of `sourceFrom`, counted so far.
        var sourceColumn = 1

        init(_ block: TextBlock) {
            rendered = block.text.startIndex
            line = block.line
        }
    }

    /// Where a walk through `block` starts: a table cell's from the cell, so that two cells of a
    /// row with the same text each get their own column.
    public func cursor(at block: TextBlock) -> Cursor {
        var cursor = Cursor(block)
        if block.kind == .tableCell {
            let line = source.line(block.line)
            cursor.sourceFrom = line.unicodeScalars.index(line.startIndex, offsetBy: block.column - 1, limitedBy: line.endIndex) ?? line.endIndex
            cursor.sourceColumn = block.column
        }
        return cursor
    }

    /// Line and column of a range of a block's rendered text in the source, for matches taken in order.
    ///
    /// Rendering drops markup (`**`, backticks), so the excerpt is looked up in its source line;
    /// when markup splits it, the line's first non-blank column is the fallback.
    public func position(of range: Range<String.Index>, in block: TextBlock, cursor: inout Cursor) -> (line: Int, column: Int) {
        let text = block.text
        var index = cursor.rendered
        while index < range.lowerBound {
            if text.utf8[index] == 0x0A {
                cursor.line += 1
                cursor.sourceFrom = nil
                cursor.sourceColumn = 1
            }
            index = text.utf8.index(after: index)
        }
        cursor.rendered = index
        let sourceLine = source.line(cursor.line)
        let from = cursor.sourceFrom ?? sourceLine.startIndex
        guard from <= sourceLine.endIndex, let found = sourceLine.firstRange(of: text[range], from: from) else {
            return (cursor.line, indentColumn(cursor.line))
        }
        let column = cursor.sourceColumn + sourceLine.unicodeScalars[from..<found.lowerBound].count
        cursor.sourceFrom = found.upperBound
        cursor.sourceColumn = column + sourceLine.unicodeScalars[found].count
        return (cursor.line, column)
    }

    /// The column where the `occurrence`-th (0-based) copy of `excerpt` starts on a source line.
    public func column<S: StringProtocol>(of excerpt: S, line: Int, occurrence: Int = 0) -> Int? {
        let sourceLine = source.line(line)
        var searchStart = sourceLine.startIndex
        var found: Range<Substring.Index>?
        for _ in 0...occurrence {
            guard let next = sourceLine.firstRange(of: excerpt, from: searchStart) else { break }
            found = next
            searchStart = next.upperBound
        }
        return found.map { sourceLine.unicodeScalars[..<$0.lowerBound].count + 1 }
    }

    /// The first column after a line's indentation.
    public func indentColumn(_ line: Int) -> Int {
        source.line(line).indentWidth + 1
    }
}

public struct Heading: Sendable, Equatable {
    public let level: Int
    public let text: String
    public let line: Int
}

public struct Section: Sendable {
    public let index: Int
    public let heading: Heading?
    public let parent: Int?
    /// 0 for the document itself.
    public var level: Int { heading?.level ?? 0 }
}

/// A GitHub task-list item: `- [ ]` or `- [x]`.
public struct TaskItem: Sendable, Equatable {
    public let line: Int
    public let column: Int
    public let checked: Bool
    /// The item's first paragraph as rendered text, markup removed.
    public let text: String
    public let section: Int
    /// 0 for a top-level list, 1 inside another item, and so on.
    public let depth: Int
    /// The enclosing task item, if any.
    public let parent: Int?
}

public struct TextBlock: Sendable {
    public enum Kind: Sendable { case paragraph, heading, tableCell }
    public let kind: Kind
    public let section: Int
    public let line: Int
    public let column: Int
    /// Rendered text; a soft or hard line break is "\n".
    public let text: String
    /// Ranges of `text` that are the text of links and images: never placeholders.
    public let links: [Range<String.Index>]
    /// Ranges of `text` that are struck through (`~~cancelled~~`).
    public let struck: [Range<String.Index>]
    /// The task item whose own text this is.
    public let item: Int?

    public func isInLink(_ range: Range<String.Index>) -> Bool {
        links.contains { $0.overlaps(range) }
    }

    /// Whether all of the text that is not blank is struck through.
    public var isStruckThrough: Bool {
        guard !struck.isEmpty else { return false }
        return text.indices.allSatisfy { index in text[index].isWhitespace || struck.contains { $0.contains(index) } }
    }
}

/// A GitHub table: its header row and body rows, each cell with its rendered text and position.
public struct Table: Sendable {
    public struct Cell: Sendable {
        public let text: String
        public let column: Int
        /// Index into `Document.blocks`: the cell's text block.
        public let block: Int
    }

    public struct Row: Sendable {
        public let line: Int
        public let cells: [Cell]
    }

    public let section: Int
    public let line: Int
    public let header: Row
    public let rows: [Row]
}

public struct CodeBlock: Sendable {
    public let startLine: Int
    public let endLine: Int
    public let fenced: Bool
    public let info: String
    public let literal: String
    public let section: Int
}

public struct HTMLComment: Sendable, Equatable {
    public let line: Int
    public let text: String
}
