import Foundation

/// Everything one version of a document says, worked out once: its deliverables with their state
/// and deadline, the approval sections, decision fields, placeholders, deadline lines, and the
/// dates where a deadline belongs that cannot be read. Rules, history and blame read a plan; none
/// of them derives a fact from the text again.
public struct Plan: Sendable {
    public let document: Document
    public let configuration: Configuration
    /// Dates without a zone are read in this one: the first IANA zone the document names, else
    /// the configuration's `timezone`, else UTC.
    public let defaultZone: TimeZone
    public let deliverables: [Deliverable]
    public let deadlineLines: [DeadlineLine]
    public let datedHeadings: [DatedHeading]
    /// Sections whose own heading names an approval (`Approval`, `Freigabe`, …).
    public let approvalSections: Set<Int>
    public let decisionFields: [DecisionField]
    public let placeholders: [Placeholder]
    public let unreadableDeadlines: [UnreadableDeadline]
    /// The launch moment (T-0) the document counts toward, if it or the configuration names one.
    public let launch: Anchor?

    public var path: String { document.path }

    /// Parses `source` and builds its plan.
    public init(source: SourceText, path: String, configuration: Configuration) throws {
        try self.init(document: MarkdownParser.parse(source, path: path), configuration: configuration)
    }

    public init(document: Document, configuration: Configuration) throws {
        self.document = document
        self.configuration = configuration
        var deadlines = DeadlineResolver(document: document, configuration: configuration)
        defaultZone = deadlines.defaultZone
        deadlineLines = deadlines.deadlineLines
        datedHeadings = deadlines.datedHeadings
        launch = deadlines.launchAnchor
        let approvals = Plan.approvalSections(document, configuration)
        approvalSections = approvals
        let decisionSections = DecisionSection.all(in: document, configuration)
        decisionFields = (DecisionField.fields(in: document, configuration) + decisionSections.map(\.field)).sorted { $0.line < $1.line }
        // A decision section's boxes are its options, not deliverables.
        let optionLines = Set(decisionSections.flatMap { $0.options.map(\.lines.lowerBound) })
        let conditional = ConditionalScope(document: document, decisions: decisionFields, sections: decisionSections)
        // Task items, table rows, glyph lines and sign-off forms: each kind is found in document order.
        var runs: [[Deliverable]] = [[], [], [], []]
        let owners = SectionOwners(document, configuration)
        func add(_ kind: Deliverable.Kind, _ written: String, _ state: Deliverable.State, owner: String?, deadline: Deadline?,
                 section: Int, line: Int, column: Int) throws {
            // A wrapped item's name is its whole text, its lines joined with spaces, everywhere.
            let text = written.containsASCII("\n") ? written.split(separator: "\n").map { $0.trimmedSpaces }.joined(separator: " ") : written
            let owner = owner ?? owners.owner(of: section)
            // In an approval section, a deliverable that names a role or an approval word is an
            // approval; checks, criteria and follow-ups there are ordinary deliverables.
            let role = approvals.contains(section) && ApprovalRole.isApprovalInSection(text, configuration)
                ? ApprovalRole.inApprovalSection(text, configuration) : ApprovalRole.named(text, configuration)
            let signature = role != nil && state == .done ? try Plan.signature(in: text, configuration) : nil
            let run = kind == .task ? 0 : kind == .tableRow ? 1 : 2
            runs[run].append(Deliverable(kind: kind, text: text, state: state, owner: owner, deadline: deadline, section: section,
                                            line: line, column: column, role: role, signed: signature != nil,
                                            signer: signature?.signer, signedOn: signature?.date))
        }
        var itemBlocks = [Int?](repeating: nil, count: document.items.count)
        for (index, block) in document.blocks.enumerated() { if let item = block.item { itemBlocks[item] = index } }
        for (index, item) in document.items.enumerated() where !optionLines.contains(item.line) {
            let struck = itemBlocks[index].map { document.blocks[$0].isStruckThrough } ?? false
            let cancelled = struck || StatusWords.isMarkedCancelled(item.text, configuration)
            try add(.task, item.text, cancelled ? .cancelled : item.checked ? .done : .open, owner: Plan.roleTag(item.text),
                    deadline: conditional.contains(item.line) ? nil
                        : deadlines.deadline(ofText: item.text, line: item.line, column: item.column, section: item.section, in: document),
                    section: item.section, line: item.line, column: item.column)
        }
        // Status cells repeat ("Not Started" in every row): each distinct one is read once.
        var states: [String: Deliverable.State] = [:]
        var signatureTables: [Table] = []
        for table in document.tables {
            // In an approval section, a table with a role and a signer column is a signature table,
            // whatever status column it also has (`⏳ Pending`, `⬜`).
            if approvals.contains(table.section), SignoffForm.rows(of: table, configuration) != nil {
                signatureTables.append(table)
                continue
            }
            guard let statusTable = StatusTable(table) else { continue }
            for row in statusTable.rows {
                let struck = document.blocks[row.block].isStruckThrough
                let state = states[row.status] ?? StatusWords.state(ofStatus: row.status, configuration)
                states[row.status] = state
                try add(.tableRow, row.name, struck ? .cancelled : state, owner: row.owner,
                        deadline: deadlines.deadline(ofDateCell: row.date, line: row.line, section: table.section),
                        section: table.section, line: row.line, column: row.nameColumn)
            }
        }
        for glyph in GlyphList.items(in: document) where !optionLines.contains(glyph.line) {
            let state: Deliverable.State = StatusWords.isMarkedCancelled(glyph.text, configuration) ? .cancelled : glyph.done ? .done : .open
            try add(.glyph, glyph.text, state, owner: Plan.roleTag(glyph.text),
                    deadline: conditional.contains(glyph.line) ? nil
                        : deadlines.deadline(ofText: glyph.text, line: glyph.line, column: glyph.column, section: glyph.section, in: document),
                    section: glyph.section, line: glyph.line, column: glyph.column)
        }
        let forms = SignoffForm.lines(in: document, sections: approvals, configuration)
            + signatureTables.flatMap { SignoffForm.rows(of: $0, configuration) ?? [] }
        for entry in forms.sorted(by: { $0.line < $1.line }) {
            runs[3].append(Deliverable(kind: entry.isTableRow ? .signatureRow : .signoffLine, text: entry.text, state: entry.isBlank ? .open : .done,
                                       owner: nil, deadline: deadlines.sectionDeadline(entry.section), section: entry.section, line: entry.line,
                                       column: entry.column, role: entry.role, signed: entry.isSigned, signer: entry.signer, signedOn: entry.date))
        }
        deliverables = Plan.merged(runs)
        unreadableDeadlines = deadlines.unreadable
        // A blank on an unsigned form line is that approval's problem, not also a placeholder; a
        // blank in conditional content is no error.
        placeholders = try PlaceholderScanner.placeholders(in: document, configuration,
                                                           skippingLines: conditional.lines.union(forms.filter { !$0.isSigned }.map(\.line)))
    }

    /// The signer and date a given approval names (`Security — Carol Weiss, 2026-02-27`), by
    /// `signoff.signature`; without that pattern every given approval counts as signed, by nobody named.
    static func signature(in text: String, _ configuration: Configuration) throws -> (signer: String?, date: String?)? {
        guard let pattern = configuration.signature else { return (nil, nil) }
        guard let match = try pattern.firstMatch(in: text) else { return nil }
        var written = Substring(text[match.range].dropFirst())
        var date: String?
        if let last = DateParser.dates(in: String(written)).last {
            let signature = String(written)
            date = String(signature[last.range])
            written = Substring(signature[..<last.range.lowerBound])
        }
        let signer = written.trimmingCharacters(in: CharacterSet(charactersIn: " \t,;("))
        return (signer.isEmpty ? nil : signer, date)
    }

    /// One list in document order from lists that each are in it: a merge, not a sort.
    private static func merged(_ runs: [[Deliverable]]) -> [Deliverable] {
        let nonEmpty = runs.filter { !$0.isEmpty }
        guard nonEmpty.count > 1 else { return nonEmpty.first ?? [] }
        var result: [Deliverable] = []
        result.reserveCapacity(nonEmpty.reduce(0) { $0 + $1.count })
        var next = [Int](repeating: 0, count: nonEmpty.count)
        func position(_ run: Int) -> (Int, Int)? {
            next[run] < nonEmpty[run].count ? (nonEmpty[run][next[run]].line, nonEmpty[run][next[run]].column) : nil
        }
        while true {
            var first: (run: Int, position: (Int, Int))?
            for run in nonEmpty.indices {
                guard let candidate = position(run) else { continue }
                if first == nil || candidate < first!.position { first = (run, candidate) }
            }
            guard let run = first?.run else { return result }
            result.append(nonEmpty[run][next[run]])
            next[run] += 1
        }
    }

    /// `[Release Lead] Cut the release`: the role in brackets that leads a deliverable owns it; a
    /// run of tags (`[Ops] [DBA] Restore`) names them all.
    static func roleTag(_ text: String) -> String? {
        roleTags(text).map { $0.tags.joined(separator: ", ") }
    }

    /// The leading tags and where the text after them starts.
    static func roleTags(_ text: String) -> (tags: [String], end: String.Index)? {
        var tags: [String] = []
        var position = text.startIndex
        while position < text.endIndex, text[position] == "[", let close = text[position...].firstIndex(of: "]"),
              close > text.index(after: position) {
            let tag = text[text.index(after: position)..<close]
            let rest = text[text.index(after: close)...]
            // A box (`[x]`, `[ ]`) is no tag; a tag is followed by a space and more text.
            guard tag.count <= 60, !tag.contains("["), tag.trimmedSpaces.count > 1, rest.first?.isWhitespace == true,
                  !rest.trimmedSpaces.isEmpty else { break }
            tags.append(String(tag.trimmedSpaces))
            position = rest.firstIndex { !$0.isWhitespace } ?? text.endIndex
        }
        return tags.isEmpty ? nil : (tags, position)
    }

    /// A section is an approval section when its own heading (below the title) names one of
    /// `signoff.headings`: `## Pre-Deployment Sign-Off` does not make its `### Performance` one.
    private static func approvalSections(_ document: Document, _ configuration: Configuration) -> Set<Int> {
        guard let words = configuration.signoffHeadingPattern else { return [] }
        var approval = Set<Int>()
        for section in document.sections {
            guard let heading = section.heading, heading.level >= 2 else { continue }
            if (try? words.firstMatch(in: heading.text)) != nil { approval.insert(section.index) }
        }
        return approval
    }
}
