import CCmarkGFM
import Foundation

/// Builds a `Document` from cmark-gfm's tree with the task-list, table and strikethrough extensions,
/// so that what counts as a task item, a table or a code block is exactly what GitHub shows.
public enum MarkdownParser {
    /// The extensions, registered once per process; nodes they create point back to them.
    fileprivate struct Extensions: @unchecked Sendable {
        let table: OpaquePointer?
        let tasklist: OpaquePointer?
        let strikethrough: OpaquePointer?
    }

    fileprivate static let extensions: Extensions = {
        cmark_gfm_core_extensions_ensure_registered()
        return Extensions(table: cmark_find_syntax_extension("table"), tasklist: cmark_find_syntax_extension("tasklist"),
                          strikethrough: cmark_find_syntax_extension("strikethrough"))
    }()

    /// YAML front matter (`---` on the first line to the next `---` or `...`) is settings, not text:
    /// GitHub shows it as a table, and cmark-gfm would read it as a rule and a heading. Its lines
    /// are left empty, so every line keeps its number.
    static func withoutFrontMatter(_ text: String) -> String {
        guard text.hasPrefix("---") else { return text }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count > 2, lines[0].trimmedSpaces.trimmingTrailing("\r") == "---",
              let end = lines.indices.dropFirst().first(where: { ["---", "..."].contains(lines[$0].trimmedSpaces.trimmingTrailing("\r")) })
        else { return text }
        for index in 0...end { lines[index] = "" }
        return lines.joined(separator: "\n")
    }

    /// HTML elements GitHub renders; any other tag written alone (`<release-tag>`, `<Name>`) is a fill-in.
    private static let htmlElements: Set<String> = [
        "a", "abbr", "b", "blockquote", "br", "center", "cite", "code", "dd", "del", "details", "dfn", "div", "dl", "dt", "em",
        "figcaption", "figure", "font", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "input", "ins", "kbd", "label",
        "li", "mark", "ol", "p", "picture", "pre", "q", "rp", "rt", "ruby", "s", "samp", "section", "small", "source", "span",
        "strike", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "tt", "u", "ul",
        "var", "video", "wbr",
    ]

    fileprivate static func isFillInTag(_ html: String) -> Bool {
        guard html.hasPrefix("<"), html.hasSuffix(">"), html.utf8.count <= 42 else { return false }
        let name = html.dropFirst().dropLast()
        guard let first = name.unicodeScalars.first, first.properties.isAlphabetic,
              name.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" })
        else { return false }
        return !htmlElements.contains(name.lowercased())
    }

    /// cmark-gfm marks the character that starts a strikethrough (`~`) in one table for the whole
    /// process when a parse reaches its inlines, and unmarks it when that parse is done: a parse
    /// ending on one thread hid `~~struck~~` text from a parse running on another. Documents with
    /// a `~` read their inlines alone; all others (nearly every document) side by side.
    private static let inlinePhase = ReadWriteLock()

    public static func parse(_ source: SourceText, path: String) -> Document {
        let extensions = extensions
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { fatalError("cmark_parser_new: out of memory") }
        defer { cmark_parser_free(parser) }
        for pointer in [extensions.table, extensions.tasklist, extensions.strikethrough] {
            if let pointer { cmark_parser_attach_syntax_extension(parser, pointer) }
        }
        var text = withoutFrontMatter(source.text)
        let hasTilde = text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
            return buffer.contains(0x7E)
        }
        let finished = hasTilde ? inlinePhase.writing { cmark_parser_finish(parser) } : inlinePhase.reading { cmark_parser_finish(parser) }
        guard let root = finished else { fatalError("cmark_parser_finish: out of memory") }
        defer { cmark_node_free(root) }
        var builder = Builder(path: path, source: source)
        builder.walk(root)
        return builder.document
    }
}

/// One pass over cmark's iterator; inline text is gathered while its container is open.
private struct Builder {
    let path: String
    let source: SourceText
    var headings: [Heading] = []
    var sections: [Section] = [Section(index: 0, heading: nil, parent: nil)]
    var items: [TaskItem] = []
    var blocks: [TextBlock] = []
    var codeBlocks: [CodeBlock] = []
    var comments: [HTMLComment] = []
    var tables: [Table] = []
    var blankItemLines: [Int] = []
    /// The table being read: its rows so far, the open row's cells.
    var openTable: (line: Int, rows: [Table.Row])?
    var openRow: (line: Int, cells: [Table.Cell])?
    var struckStarts: [Int] = []

    /// Open list items, innermost last, with the task item each one is (if it is one).
    var openItems: [(node: OpaquePointer, task: Int?)] = []
    var container: OpenContainer?
    var linkStarts: [Int] = []

    struct OpenContainer {
        let node: OpaquePointer
        let kind: TextBlock.Kind
        let line: Int
        let byteColumn: Int
        /// Link and image text as byte offsets into the builder's `text`.
        var links: [Range<Int>] = []
        /// Struck-through text, likewise.
        var struck: [Range<Int>] = []
        let item: Int?
        let headingLevel: Int
    }

    /// The open block's rendered text as UTF-8, one buffer reused for every block.
    var text: [UInt8] = []

    /// The open block's text, and its link ranges as String indices (UTF-8 offsets are valid indices).
    func finished(_ open: OpenContainer) -> (text: String, links: [Range<String.Index>], struck: [Range<String.Index>]) {
        let string = String(decoding: text, as: UTF8.self)
        let utf8 = string.utf8
        func indices(_ range: Range<Int>) -> Range<String.Index> {
            utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)
        }
        return (string, open.links.map(indices), open.struck.map(indices))
    }

    init(path: String, source: SourceText) {
        self.path = path
        self.source = source
    }

    var document: Document {
        Document(path: path, source: source, headings: headings, sections: sections, items: items,
                 blocks: blocks, codeBlocks: codeBlocks, htmlComments: comments, tables: tables, blankItemLines: blankItemLines)
    }

    var currentSection: Int { sections.count - 1 }

    mutating func walk(_ root: OpaquePointer) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            if event == CMARK_EVENT_ENTER { enter(node) } else { exit(node) }
        }
    }

    mutating func enter(_ node: OpaquePointer) {
        let type = cmark_node_get_type(node)
        switch type {
        case CMARK_NODE_HEADING:
            open(node, kind: .heading, item: nil)
        case CMARK_NODE_PARAGRAPH:
            // A task item's own text is the paragraph directly inside it, before anything else.
            var item: Int?
            if let top = openItems.last, let task = top.task, cmark_node_parent(node) == top.node, items[task].text.isEmpty,
               cmark_node_previous(node) == nil {
                item = task
            }
            if container == nil { open(node, kind: .paragraph, item: item) }
        case CMARK_NODE_ITEM:
            enterItem(node)
        case CMARK_NODE_CODE_BLOCK:
            let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
            var length: Int32 = 0, offset: Int32 = 0
            var character: CChar = 0
            let fenced = cmark_node_get_fenced(node, &length, &offset, &character) != 0
            codeBlocks.append(CodeBlock(
                startLine: Int(cmark_node_get_start_line(node)), endLine: Int(cmark_node_get_end_line(node)),
                fenced: fenced, info: info, literal: literal(node), section: currentSection))
        case CMARK_NODE_HTML_BLOCK:
            recordComments(literal(node), line: Int(cmark_node_get_start_line(node)))
        case CMARK_NODE_HTML_INLINE:
            let html = literal(node)
            recordComments(html, line: container.map { $0.line + text.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 } } ?? 0)
            // `v<release-tag>`: a tag no HTML knows is a fill-in the author left, not markup.
            if container != nil, MarkdownParser.isFillInTag(html) { text.append(contentsOf: html.utf8) }
        case CMARK_NODE_THEMATIC_BREAK:
            // `- ______`: the blank of a list item, read by cmark-gfm as a rule inside the item.
            if let parent = cmark_node_parent(node), cmark_node_get_type(parent) == CMARK_NODE_ITEM {
                let line = Int(cmark_node_get_start_line(node))
                if source.line(line).contains("_") { blankItemLines.append(line) }
            }
        case CMARK_NODE_TEXT, CMARK_NODE_CODE:
            if container != nil, let literal = cmark_node_get_literal(node) {
                text.append(contentsOf: UnsafeRawBufferPointer(start: literal, count: strlen(literal)))
            }
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
            if container != nil { text.append(0x0A) }
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            if container != nil { linkStarts.append(text.count) }
        default:
            let syntax = cmark_node_get_syntax_extension(node)
            if syntax == MarkdownParser.extensions.strikethrough {
                if container != nil { struckStarts.append(text.count) }
            } else if syntax == MarkdownParser.extensions.table {
                enterTablePart(node)
            }
        }
    }

    /// Tables, their rows and cells; only table nodes pay for the type-name comparison.
    mutating func enterTablePart(_ node: OpaquePointer) {
        guard let name = cmark_node_get_type_string(node) else { return }
        let line = Int(cmark_node_get_start_line(node))
        if strcmp(name, "table_cell") == 0 {
            open(node, kind: .tableCell, item: nil)
        } else if strcmp(name, "table_row") == 0 || strcmp(name, "table_header") == 0 {
            openRow = (line, [])
        } else if strcmp(name, "table") == 0 {
            openTable = (line, [])
        }
    }

    mutating func exitTablePart(_ node: OpaquePointer) {
        guard let name = cmark_node_get_type_string(node) else { return }
        if strcmp(name, "table_row") == 0 || strcmp(name, "table_header") == 0 {
            if let row = openRow { openTable?.rows.append(Table.Row(line: row.line, cells: row.cells)) }
            openRow = nil
        } else if strcmp(name, "table") == 0 {
            if let table = openTable, let header = table.rows.first {
                tables.append(Table(section: currentSection, line: table.line, header: header, rows: Array(table.rows.dropFirst())))
            }
            openTable = nil
        }
    }

    mutating func exit(_ node: OpaquePointer) {
        let type = cmark_node_get_type(node)
        if type == CMARK_NODE_ITEM {
            if openItems.last?.node == node { openItems.removeLast() }
            return
        }
        if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE {
            if let start = linkStarts.popLast(), container != nil {
                let end = text.count
                // Text appended since the link opened; indices stay valid because text only grows.
                container?.links.append(start..<end)
            }
            return
        }
        let syntax = cmark_node_get_syntax_extension(node)
        if syntax == MarkdownParser.extensions.strikethrough {
            if let start = struckStarts.popLast(), container != nil { container?.struck.append(start..<text.count) }
            return
        }
        guard let open = container, open.node == node else {
            if syntax == MarkdownParser.extensions.table { exitTablePart(node) }
            return
        }
        container = nil
        let (text, links, struck) = finished(open)
        if open.kind == .heading {
            let heading = Heading(level: open.headingLevel, text: text, line: open.line)
            headings.append(heading)
            var parent = currentSection
            while let level = sections[parent].heading?.level, level >= heading.level {
                parent = sections[parent].parent ?? 0
            }
            sections.append(Section(index: sections.count, heading: heading, parent: parent))
        }
        if let item = open.item {
            let old = items[item]
            items[item] = TaskItem(line: old.line, column: old.column, checked: old.checked, text: text,
                                   section: old.section, depth: old.depth, parent: old.parent)
        }
        var byteColumn = open.byteColumn
        // cmark starts a cell right after its pipe; the cell's text starts after the padding. The
        // cells cmark-gfm adds to a short row (`| x |` under three columns) have no place: column 0.
        if open.kind == .tableCell, byteColumn >= 1 {
            byteColumn += source.line(open.line).utf8.dropFirst(byteColumn - 1).prefix { $0 == 0x20 || $0 == 0x09 }.count
        }
        let column = source.column(line: open.line, byteColumn: byteColumn)
        if open.kind == .tableCell { openRow?.cells.append(Table.Cell(text: text, column: column, block: blocks.count)) }
        blocks.append(TextBlock(
            kind: open.kind, section: currentSection, line: open.line, column: column,
            text: text, links: links, struck: struck, item: open.item))
    }

    mutating func enterItem(_ node: OpaquePointer) {
        var task: Int?
        if cmark_node_get_syntax_extension(node) == MarkdownParser.extensions.tasklist {
            let line = Int(cmark_node_get_start_line(node))
            task = items.count
            items.append(TaskItem(
                line: line, column: source.column(line: line, byteColumn: Int(cmark_node_get_start_column(node))),
                checked: cmark_gfm_extensions_get_tasklist_item_checked(node), text: "",
                section: currentSection, depth: openItems.count,
                parent: openItems.last(where: { $0.task != nil })?.task))
        }
        openItems.append((node, task))
    }

    mutating func open(_ node: OpaquePointer, kind: TextBlock.Kind, item: Int?) {
        text.removeAll(keepingCapacity: true)
        container = OpenContainer(
            node: node, kind: kind, line: Int(cmark_node_get_start_line(node)),
            byteColumn: Int(cmark_node_get_start_column(node)), item: item,
            headingLevel: kind == .heading ? Int(cmark_node_get_heading_level(node)) : 0)
    }

    mutating func recordComments(_ html: String, line: Int) {
        guard html.firstRange(of: "<!--") != nil else { return }
        var offset = 0
        for text in html.split(separator: "\n", omittingEmptySubsequences: false) {
            if text.firstRange(of: "<!--") != nil { comments.append(HTMLComment(line: line + offset, text: String(text))) }
            offset += 1
        }
    }

    func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }
}
