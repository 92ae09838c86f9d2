import GolintKit
import XCTest

final class MarkdownParserTests: XCTestCase {
    private func parse(_ markdown: String) -> Document {
        MarkdownParser.parse(SourceText(markdown), path: "TASK_X.md")
    }

    func testTaskItemsAsGitHubRendersThem() {
        let document = parse("""
        - [ ] open
        - [x] done
        - [X] done too
        * [ ] star bullet
        1. [ ] ordered
        - not a task
        - [] not a task either
        -  [ ] two spaces is still a task

        ```
        - [ ] fenced: a template
        ```

            - [ ] indented code
        """)
        XCTAssertEqual(document.items.map(\.text), ["open", "done", "done too", "star bullet", "ordered", "two spaces is still a task"])
        XCTAssertEqual(document.items.map(\.checked), [false, true, true, false, false, false])
        XCTAssertEqual(document.items.map(\.line), [1, 2, 3, 4, 5, 8])
        XCTAssertEqual(document.codeBlocks.count, 2)
        XCTAssertEqual(document.codeBlocks.map(\.fenced), [true, false])
    }

    /// cmark-gfm keeps which characters may start an inline extension (`~`) in one table for the
    /// whole process; parses on several threads must each still see every strikethrough.
    func testStrikethroughIsReadOnEveryThread() {
        // Long documents widen the window in which another thread's parse could end.
        let rows = (1...60).map { "| ~~Legacy shim \($0)~~ | 2026-03-03 | Not started |" }.joined(separator: "\n")
        let items = (1...60).map { "- [ ] ~~Retire endpoint \($0)~~" }.joined(separator: "\n")
        let markdown = "| Task | Date | Status |\n|---|---|---|\n\(rows)\n\n\(items)\n"
        let counts = StruckCounts()
        // Documents without a `~` are parsed in between: their parses must not unmark it either.
        let plain = markdown.replacingOccurrences(of: "~~", with: "**")
        DispatchQueue.concurrentPerform(iterations: 600) { index in
            let document = MarkdownParser.parse(SourceText(index % 3 == 0 ? markdown : plain), path: "TASK_X.md")
            if index % 3 == 0 { counts.add(document.blocks.filter(\.isStruckThrough).count) }
        }
        XCTAssertEqual(counts.seen, [120], "every struck-through cell and item, in every parse")
    }

    /// cmark-gfm pads a short row with cells that stand nowhere in the source (column 0).
    func testShortTableRowsAndTablesInContainers() {
        let document = parse("""
        | Task | Owner | Status |
        |---|---|---|
        | x |
        | y | z |

        > | a | b |
        > |---|---|
        > | c |

        - | a | b |
          |---|---|
          | q |
        """)
        XCTAssertEqual(document.tables.count, 3)
        XCTAssertEqual(document.tables[0].rows.map { $0.cells.map(\.text) }, [["x", "", ""], ["y", "z", ""]])
        XCTAssertEqual(document.tables[0].rows[1].cells[1].column, 7)
        XCTAssertEqual(document.tables[1].rows.first?.cells.first?.text, "c")
    }

    func testNestingSectionsAndPositions() {
        let document = parse("""
        # Title

        ## Section *one*

        - [ ] parent with **bold** and `code`
          - [x] child
            - [ ] grandchild

        ### Sub

        | Rolle | Name |
        |---|---|
        | SRE | [Name] |
        """)
        XCTAssertEqual(document.headings.map(\.text), ["Title", "Section one", "Sub"])
        XCTAssertEqual(document.headings.map(\.level), [1, 2, 3])
        XCTAssertEqual(document.sections.map(\.parent), [nil, 0, 1, 2])
        XCTAssertEqual(document.items.map(\.depth), [0, 1, 2])
        XCTAssertEqual(document.items.map(\.parent), [nil, 0, 1])
        XCTAssertEqual(document.items.map(\.column), [1, 3, 5])
        XCTAssertEqual(document.items[0].text, "parent with bold and code")
        XCTAssertEqual(document.items.map(\.section), [2, 2, 2])
        let cells = document.blocks.filter { $0.kind == .tableCell }
        XCTAssertEqual(cells.map(\.text), ["Rolle", "Name", "SRE", "[Name]"])
        XCTAssertEqual(cells.last?.line, 13)
        XCTAssertEqual(cells.last?.section, 3)
    }

    func testLinkTextIsMaskedAndCommentsRecorded() {
        let document = parse("See [Runbook](https://x) and [Owner].\n<!-- golint-disable placeholder -->\n")
        let block = document.blocks[0]
        XCTAssertEqual(block.text, "See Runbook and [Owner].")
        XCTAssertEqual(block.links.map { String(block.text[$0]) }, ["Runbook"])
        XCTAssertEqual(document.htmlComments.map(\.line), [2])
        XCTAssertEqual(document.htmlComments.map(\.text), ["<!-- golint-disable placeholder -->"])
    }

    func testLineEndingsAndByteOrderMark() {
        let crlf = MarkdownParser.parse(SourceText(bytes: Array("# T\r\n\r\n- [ ] a\r\n- [ ] b\r\n".utf8)), path: "x")
        XCTAssertEqual(crlf.items.map(\.line), [3, 4])
        let cr = MarkdownParser.parse(SourceText(bytes: Array("# T\r\r- [ ] a\r- [ ] b\r".utf8)), path: "x")
        XCTAssertEqual(cr.items.map(\.line), [3, 4])
        XCTAssertEqual(cr.source.lines.count, 4)
        let bom = SourceText(bytes: [0xEF, 0xBB, 0xBF] + Array("- [ ] a\n".utf8))
        XCTAssertTrue(bom.hadByteOrderMark)
        XCTAssertEqual(MarkdownParser.parse(bom, path: "x").items.map(\.column), [1])
    }

    func testColumnsCountCharactersNotBytes() throws {
        let document = parse("Grüße an [Primär-On-Call]\n")
        let findings = try Linter.lint(path: "x", bytes: Array(document.source.text.utf8), configuration: .shipped(), now: .distantPast).findings
        XCTAssertEqual(findings.map(\.column), [10])
    }
}

private final class StruckCounts: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: Set<Int> = []
    var seen: Set<Int> { lock.withLock { counts } }
    func add(_ count: Int) { lock.withLock { _ = counts.insert(count) } }
}
