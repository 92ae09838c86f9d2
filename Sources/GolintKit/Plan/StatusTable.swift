/// A table whose rows are deliverables: it has a status column (`Status`, `Stand`, `Erledigt`, a
/// column of ✅/⬜), and each row names a task, maybe its owner and date.
struct StatusTable {
    struct Row {
        let name: String
        let nameColumn: Int
        let line: Int
        let status: String
        let owner: String?
        /// The date cell as written, and its column.
        let date: (text: String, column: Int)?
        /// The name cell's text block.
        let block: Int
    }

    let rows: [Row]

    private static let statusHeaders: Set<String> = ["status", "stand", "state", "erledigt", "done", "✓", "✔", "✅", "☑", "fertig", "zustand", "progress", "fortschritt"]
    private static let taskHeaders: Set<String> = ["task", "tasks", "phase", "aufgabe", "aufgaben", "deliverable", "deliverables", "item", "schritt",
                                                   "step", "activity", "aktivität", "maßnahme", "was", "what", "todo", "to-do", "milestone", "meilenstein"]
    private static let ownerHeaders: Set<String> = ["owner", "verantwortlich", "lead", "wer", "assignee", "assigned to", "responsible", "zuständig",
                                                    "who", "dri", "verantwortung", "owner(s)"]
    private static let dateHeaders: Set<String> = ["day", "date", "datum", "tag", "due", "deadline", "fällig", "when", "wann", "termin", "frist",
                                                   "due date", "target", "zieldatum", "by", "bis"]
    /// Cells of a status column without a status header: a whole checklist kept as `| ⬜ |` / `| ✅ |`.
    private static let statusGlyphs: Set<Character> = ["☐", "⬜", "□", "☑", "✅", "✔", "☒", "✓", "❌", "🔵", "🟢", "🟡", "🔴", "⏳"]

    init?(_ table: Table) {
        let headers = table.header.cells.map { StatusTable.headerKey($0.text) }
        let columns = headers.indices
        func column(_ names: Set<String>, excluding: [Int?] = []) -> Int? {
            columns.first { names.contains(headers[$0]) && !excluding.contains($0) }
        }
        guard let status = column(StatusTable.statusHeaders) ?? columns.first(where: { index in
            let cells = table.rows.compactMap { $0.cells.indices.contains(index) ? $0.cells[index].text.trimmedSpaces : nil }.filter { !$0.isEmpty }
            return !cells.isEmpty && cells.allSatisfy { $0.first.map(StatusTable.statusGlyphs.contains) == true }
        }) else { return nil }
        let owner = column(StatusTable.ownerHeaders, excluding: [status])
        let date = column(StatusTable.dateHeaders, excluding: [status, owner])
        let taken = [status, owner, date]
        let name = column(StatusTable.taskHeaders, excluding: taken)
            ?? columns.first { index in
                !taken.contains(index) && table.rows.contains { $0.cells.indices.contains(index) && !$0.cells[index].text.trimmedSpaces.isEmpty }
            }
        guard let name else { return nil }
        rows = table.rows.compactMap { row in
            func cell(_ index: Int?) -> Table.Cell? { index.flatMap { row.cells.indices.contains($0) ? row.cells[$0] : nil } }
            guard let nameCell = cell(name), !nameCell.text.trimmedSpaces.isEmpty else { return nil }
            let ownerText = cell(owner).map { String($0.text.trimmedSpaces) }.flatMap { $0.isEmpty ? nil : $0 }
            let dateCell = cell(date).flatMap { $0.text.trimmedSpaces.isEmpty ? nil : (String($0.text.trimmedSpaces), $0.column) }
            return Row(name: String(nameCell.text.trimmedSpaces), nameColumn: nameCell.column, line: row.line,
                       status: String(cell(status)?.text.trimmedSpaces ?? ""), owner: ownerText, date: dateCell, block: nameCell.block)
        }
    }

    /// A header as compared: lower case, markup and trailing colons gone.
    static func headerKey(_ header: String) -> String {
        String(header.trimmedSpaces.lowercased().trimmingTrailing(":"))
    }
}

extension StringProtocol {
    func trimmingTrailing(_ character: Character) -> SubSequence {
        var text = self[...]
        while text.last == character { text = text.dropLast() }
        return text
    }
}
