/// Checklists written with glyphs instead of task boxes: lines and list items that start with
/// `☐ ⬜ □` (open) or `☑ ✅ ✔ ☒` (done).
enum GlyphList {
    struct Item {
        let text: String
        let done: Bool
        let line: Int
        let column: Int
        let section: Int
    }

    private static let open: Set<Character> = ["☐", "⬜", "□"]
    private static let done: Set<Character> = ["☑", "✅", "✔", "☒", "☑️", "✔️"]

    static func items(in document: Document) -> [Item] {
        var result: [Item] = []
        for block in document.blocks where block.kind == .paragraph && block.item == nil {
            // Most paragraphs hold no glyph at all: one scan for a byte of the glyphs' blocks (U+2500–U+27FF).
            guard block.text.utf8.contains(0xE2) else { continue }
            block.text.forEachLine { line, offset in
                let trimmed = line.trimmedSpaces
                guard let glyph = trimmed.first, open.contains(glyph) || done.contains(glyph) else { return }
                let text = trimmed.dropFirst().trimmedSpaces
                guard !text.isEmpty else { return }
                let lineNumber = block.line + offset
                result.append(Item(text: String(text), done: done.contains(glyph), line: lineNumber,
                                   column: document.column(of: String(glyph), line: lineNumber) ?? block.column, section: block.section))
            }
        }
        return result
    }
}
