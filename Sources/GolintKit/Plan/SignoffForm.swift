/// The approvals of a sign-off form that are no task items, in approval sections: sign-off lines
/// (`- Product:`, `Security: ____`, `- Legal: Jana Krüger, 2026-04-09`) and rows of signature
/// tables (`| Role | Name | Signature | Date |`).
enum SignoffForm {
    struct Entry {
        /// The approval's text: a line as written (`Product: Jana Krüger, 2026-04-09`), a row as its
        /// role and then what its other cells hold (`Legal · Jana Krüger · 2026-04-09`), so that
        /// signing a row extends its text as signing a line does.
        let text: String
        let role: String
        /// Who signed (a name or signature), and when, where the form says so.
        let signer: String?
        let date: String?
        let section: Int
        let line: Int
        let column: Int
        let isTableRow: Bool

        var isBlank: Bool { signer == nil && date == nil }
        var isSigned: Bool { signer != nil && date != nil }
    }

    /// Sign-off lines: a short label, a colon, and nothing, a blank, a name, or a name and a date.
    /// A line with other text after its colon is prose, not a form.
    static func lines(in document: Document, sections: Set<Int>, _ configuration: Configuration) -> [Entry] {
        var entries: [Entry] = []
        let listed = captionedLines(in: document)
        for block in document.blocks where block.kind == .paragraph && block.item == nil
            && (sections.contains(block.section) || listed.contains(block.line)) {
            block.text.forEachLine { line, offset in
                guard let colon = line.firstIndex(of: ":") else { return }
                let label = line[..<colon].trimmedSpaces, value = line[line.index(after: colon)...].trimmedSpaces
                let number = block.line + offset
                guard !label.isEmpty, label.count <= 40, label.split(separator: " ").count <= 4,
                      !configuration.decisionFieldKeys.contains(label.lowercased()), isSignoffLabel(label, configuration),
                      (try? configuration.deadlineLinePattern?.contains(String(line))) != true,
                      !(value.isEmpty && introducesList(after: number, in: document)),
                      let filled = filling(String(value), configuration) else { return }
                entries.append(Entry(text: String(line.trimmedSpaces), role: String(label), signer: filled.signer, date: filled.date,
                                     section: block.section, line: number, column: document.indentColumn(number), isTableRow: false))
            }
        }
        return entries
    }

    /// A sign-off line's label names a role (`QA Lead`, `Security`) or a signer (`Approved by`);
    /// generic fields of a form (`Date`, `Owner`, `Status`, `Notes`, `Link`, …) and decision labels are
    /// not sign-off lines: their blanks are placeholders.
    static func isSignoffLabel<S: StringProtocol>(_ label: S, _ configuration: Configuration) -> Bool {
        let text = String(label)
        if (try? genericField.firstMatch(in: text)) != nil { return false }
        return (try? signerLabel.firstMatch(in: text)) != nil || configuration.namesRole(text)
    }

    private static let genericField = try! Pattern(
        #"^(?:date|datum|fecha|data|日付|owner|owners|status|state|stand|notes?|notizen|comments?|kommentare?|remarks?|version|last\s+updated|updated|link|links|ticket|tickets|legend|legende|criteria|kriterien|timeline|agenda|time|zeit|duration|dauer|contact|kontakt|phone|telefon|email|e-mail|slack|channel|kanal|location|ort|method|methode|expected|result|ergebnis|reference|referenz|document|dokument|scope|objective|ziel|instructions?|anweisungen?|next\s+steps?|nächste\s+schritte)\b|(?:date|datum|fecha|decision|entscheidung|décision|decisión|decisão|decisione|判定)\s*$|\b(?:document|ticket|link)\s*$"#,
        caseInsensitive: true)

    private static let signerLabel = try! Pattern(
        #"(?:approv(?:er|ed\s+by|al\s+by)|signed\s+by|sign-?off\s+by|signature|signatory|signer|unterschrift|unterzeichnet|genehmigt\s+von|freigegeben\s+von|abgenommen\s+von|valid[ée]\s+par|approuv[ée]\s+par|sign[ée]\s+par|aprobado\s+por|firmado\s+por|firma|aprovado\s+por|assinatura|assinado\s+por|approvato\s+da|firmato\s+da|承認者|署名)"#,
        caseInsensitive: true)

    /// A caption (`**Signers**:`, `Next Steps:`) whose list or table follows on the next lines.
    /// The lines of lists under a sign-off caption anywhere (`- Signatures:` with nested role lines,
    /// `**Freigaben:**` over a list): they are sign-off lines whatever section they stand in.
    private static func captionedLines(in document: Document) -> Set<Int> {
        var lines = Set<Int>()
        for block in document.blocks where block.kind == .paragraph && block.item == nil && block.text.containsASCII(":") {
            let text = block.text.trimmedSpaces
            guard text.last == ":", text.count <= 40, (try? signoffCaption.firstMatch(in: String(text.dropLast()))) != nil,
                  introducesList(after: block.line, in: document) else { continue }
            let own = document.source.line(block.line), ownIndent = PlaceholderScanner.isListItem(own) ? own.indentWidth : -1
            var next = block.line + 1
            while next <= document.source.lines.count {
                let line = document.source.line(next)
                if !line.trimmedSpaces.isEmpty {
                    guard PlaceholderScanner.isListItem(line), line.indentWidth > ownIndent else { break }
                    lines.insert(next)
                }
                next += 1
            }
        }
        return lines
    }

    private static let signoffCaption = try! Pattern(
        #"^[^\p{L}]*(?:sign-?offs?|signatures?|signatories|approvals?|approvers?|freigaben|unterschriften|firmas|aprobaciones|approbations|signatures|assinaturas|aprovações|approvazioni|firme|承認|署名)[^\p{L}]*$"#,
        caseInsensitive: true)

    /// A list item is a caption only for a list nested below it, not for the next item of its own list.
    static func introducesList(after line: Int, in document: Document) -> Bool {
        var next = line + 1
        while next <= document.source.lines.count, document.source.line(next).trimmedSpaces.isEmpty { next += 1 }
        guard next <= document.source.lines.count else { return false }
        let text = document.source.line(next), own = document.source.line(line)
        if text.trimmedSpaces.first == "|" { return true }
        guard PlaceholderScanner.isListItem(text) else { return false }
        return !PlaceholderScanner.isListItem(own) || text.indentWidth > own.indentWidth
    }

    /// What a form field holds: nothing (a blank counts as nothing), a name, a name and a date;
    /// nil for other text.
    private static func filling(_ value: String, _ configuration: Configuration) -> (signer: String?, date: String?)? {
        if isBlank(value, configuration) { return (nil, nil) }
        let date = DateParser.dates(in: value, order: configuration.dateOrder).first
        let name = (date.map { String(value[..<$0.range.lowerBound]) } ?? value).trimmedSpaces.trimmingTrailing(",").trimmedSpaces
        guard isName(name) || name.isEmpty && date != nil else { return nil }
        return (name.isEmpty ? nil : String(name), date.map { String(value[$0.range]) })
    }

    /// Nothing, a blank run, or a fill-in (`[Name]`) that covers the whole field.
    private static func isBlank(_ value: String, _ configuration: Configuration) -> Bool {
        if DecisionField.isBlank(value) || EmptyValue.isEmpty(value, configuration) { return true }
        let matches = (try? PlaceholderScanner.matches(in: value, configuration)) ?? []
        return matches.contains { $0.lowerBound == value.startIndex && $0.upperBound == value.endIndex }
    }

    /// `Jana Krüger`, `J. Krüger`, `Dr. Jana Krüger-Lenz`: one to four capitalised words.
    private static func isName<S: StringProtocol>(_ text: S) -> Bool {
        let words = text.split(separator: " ")
        return (1...4).contains(words.count) && words.allSatisfy { word in
            word.first?.isUppercase == true && word.allSatisfy { $0.isLetter || $0 == "." || $0 == "-" || $0 == "'" }
        }
    }

    private static let roleHeaders: Set<String> = ["role", "rolle", "funktion", "function", "bereich", "area", "team", "stakeholder",
                                                   "department", "abteilung", "rol", "rôle", "fonction", "función"]
    private static let nameHeaders: Set<String> = ["name", "signer", "unterzeichner", "approver", "approved by", "freigegeben von",
                                                   "signed by", "nombre", "nom", "verantwortlich"]
    private static let signatureHeaders: Set<String> = ["signature", "unterschrift", "sign-off", "signoff", "firma", "visum",
                                                        "kürzel", "initials", "paraphe"]
    private static let dateHeaders: Set<String> = ["date", "datum", "fecha", "signed on", "am", "wann", "when"]

    /// What a cell holds when nothing was written in it (a row of `[Name]` fill-ins is placeholders).
    private static let bareCells: Set<String> = ["", "-", "–", "—", "⬜", "☐", "□", "n/a", "…"]

    /// The rows of a signature table: a role column and a name or signature column.
    static func rows(of table: Table, _ configuration: Configuration) -> [Entry]? {
        let headers = table.header.cells.map { StatusTable.headerKey($0.text) }
        func column(_ names: Set<String>) -> Int? { headers.firstIndex { names.contains($0) } }
        guard let role = column(roleHeaders) else { return nil }
        let name = column(nameHeaders), signature = column(signatureHeaders), date = column(dateHeaders)
        guard name != nil || signature != nil else { return nil }
        return table.rows.compactMap { row in
            func cell(_ index: Int?) -> String? {
                guard let index, row.cells.indices.contains(index) else { return nil }
                let text = String(row.cells[index].text.trimmedSpaces)
                return isBlank(text, configuration) ? nil : text
            }
            // A wholly empty row is a blank sign-off too; a row with text but no role is something else.
            let empty = row.cells.allSatisfy { bareCells.contains(String($0.text.trimmedSpaces).lowercased()) }
            guard let roleCell = cell(role) ?? (empty ? "signature row \(row.line)" : nil) else { return nil }
            let filled = row.cells.indices.filter { $0 != role }.map { String(row.cells[$0].text.trimmedSpaces) }
                .filter { !bareCells.contains($0.lowercased()) }
            return Entry(text: ([roleCell] + filled).joined(separator: " · "), role: roleCell,
                         signer: cell(name) ?? cell(signature), date: cell(date), section: table.section, line: row.line,
                         column: row.cells[role].column, isTableRow: true)
        }
    }
}
