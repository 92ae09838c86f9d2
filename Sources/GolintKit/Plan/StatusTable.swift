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
    /// Date columns: a cell reads as the row's deadline. `Day`/`Tag` columns of day numbers count
    /// only when no date column reads; `Target` only when its cells are dates (not `85%`).
    private static let dateHeaders: Set<String> = ["date", "datum", "due", "deadline", "fällig", "when", "wann", "termin", "frist", "due date",
                                                   "zieldatum", "by", "bis", "fecha", "fecha límite", "échéance", "date limite", "scadenza",
                                                   "prazo", "data", "期限", "日付", "target date", "fälligkeit", "dia/fecha", "quand", "quando", "cuándo"]
    private static let dayHeaders: Set<String> = ["day", "tag", "día", "dia", "jour", "giorno", "t-"]
    private static let weakDateHeaders: Set<String> = ["target", "ziel", "objetivo", "objectif", "obiettivo", "meta", "eta", "planned", "geplant"]
    /// Columns that rate a row (`🔴 Hoch`): traffic lights there are no status.
    private static let ratingHeaders: Set<String> = ["impact", "severity", "priority", "prio", "risk", "risiko", "likelihood", "probability",
                                                     "auswirkung", "priorität", "wahrscheinlichkeit", "schwere", "kritikalität", "criticality",
                                                     "impacto", "prioridad", "gravité", "priorité", "impatto", "priorità", "impacto", "prioridade"]
    /// Cells of a status column without a status header: a whole checklist kept as `| ⬜ |` / `| ✅ |`.
    private static let statusGlyphs: Set<Character> = ["☐", "⬜", "□", "☑", "✅", "✔", "☒", "✓", "❌", "🔵", "🟢", "🟡", "🔴", "⏳"]

    init?(_ table: Table) {
        let headers = table.header.cells.map { StatusTable.headerKey($0.text) }
        let columns = headers.indices
        func column(_ names: Set<String>, excluding: [Int?] = []) -> Int? {
            columns.first { names.contains(headers[$0]) && !excluding.contains($0) }
        }
        func cells(_ index: Int) -> [Substring] {
            table.rows.compactMap { $0.cells.indices.contains(index) ? $0.cells[index].text.trimmedSpaces : nil }.filter { !$0.isEmpty }
        }
        guard let status = column(StatusTable.statusHeaders) ?? columns.first(where: { index in
            guard !StatusTable.ratingHeaders.contains(headers[index]) else { return false }
            let cells = cells(index)
            return !cells.isEmpty && cells.allSatisfy { $0.first.map(StatusTable.statusGlyphs.contains) == true }
        }) else { return nil }
        let owner = column(StatusTable.ownerHeaders, excluding: [status])
        let date = StatusTable.dateColumn(headers: headers, cells: cells, excluding: [status, owner])
        let taken = [status, owner, date?.index]
        let name = column(StatusTable.taskHeaders, excluding: taken)
            ?? columns.first { index in
                !taken.contains(index) && table.rows.contains { $0.cells.indices.contains(index) && !$0.cells[index].text.trimmedSpaces.isEmpty }
            }
        guard let name else { return nil }
        rows = table.rows.compactMap { row in
            func cell(_ index: Int?) -> Table.Cell? { index.flatMap { row.cells.indices.contains($0) ? row.cells[$0] : nil } }
            guard let nameCell = cell(name), !nameCell.text.trimmedSpaces.isEmpty else { return nil }
            let ownerText = cell(owner).map { String($0.text.trimmedSpaces) }.flatMap { $0.isEmpty ? nil : $0 }
            let dateCell = cell(date?.index).flatMap { cell -> (String, Int)? in
                let text = cell.text.trimmedSpaces
                guard !text.isEmpty else { return nil }
                // A day column's bare number is that day of the schedule (`2` in `Day` is `Day 2`).
                return (date?.isDayNumbers == true && Int(text) != nil ? "Day \(text)" : String(text), cell.column)
            }
            return Row(name: String(nameCell.text.trimmedSpaces), nameColumn: nameCell.column, line: row.line,
                       status: String(cell(status)?.text.trimmedSpaces ?? ""), owner: ownerText, date: dateCell, block: nameCell.block)
        }
    }

    /// The date column is chosen by its cells: the candidate whose cells read as dates or relative
    /// times most often; with none readable, a column headed `Date`/`Due`/… (its unreadable cells
    /// are reported). `Start` columns are never deadlines.
    private static func dateColumn(headers: [String], cells: (Int) -> [Substring], excluding: [Int?]) -> (index: Int, isDayNumbers: Bool)? {
        var best: (index: Int, share: Double, isDayNumbers: Bool)?
        var strong: Int?
        let candidates = headers.indices.filter { index in
            !excluding.contains(index) && (dateHeaders.contains(headers[index]) || dayHeaders.contains(headers[index]) || weakDateHeaders.contains(headers[index]))
        }
        // One column headed as a date column: nothing to choose between, its cells are not read here.
        if candidates.count == 1, let only = candidates.first, !weakDateHeaders.contains(headers[only]) {
            guard dayHeaders.contains(headers[only]) else { return (only, false) }
            let values = cells(only).filter { !EmptyValue.isEmpty($0) }
            return (only, !values.isEmpty && values.allSatisfy { Int($0) != nil })
        }
        for index in candidates {
            let header = headers[index]
            let isDay = dayHeaders.contains(header)
            guard dateHeaders.contains(header) || isDay || weakDateHeaders.contains(header) else { continue }
            if strong == nil, dateHeaders.contains(header) { strong = index }
            // Empty cells (`-`, `n/a`, `[Date]`) say nothing about what the column holds.
            let values = cells(index).filter { !EmptyValue.isEmpty($0) }
            guard !values.isEmpty else { continue }
            var readable = 0, numbers = 0
            for value in values {
                let text = String(value)
                if !DateParser.dates(in: text).isEmpty || RelativeTime.deadline(in: text) != nil { readable += 1 }
                if isDay, Int(value) != nil { numbers += 1 }
            }
            // A day column of numbers reads as `Day N`, but only where no column of dates reads.
            let dayNumbers = isDay && numbers == values.count
            let share = Double(dayNumbers ? numbers : readable) / Double(values.count) - (dayNumbers ? 0.5 : 0)
            // On a tie, dates win over day numbers.
            let better = best.map { share > $0.share || (share == $0.share && $0.isDayNumbers && !dayNumbers) } ?? true
            guard dayNumbers || readable > 0, better else { continue }
            best = (index, share, dayNumbers)
        }
        if let best { return (best.index, best.isDayNumbers) }
        return strong.map { ($0, false) }
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
