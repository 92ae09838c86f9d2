import Foundation

/// What history compares between two versions of a document: items with their state, placeholders,
/// deadlines and decision fields, each with its line and source text.
struct DocumentSnapshot: Sendable, Equatable {
    struct Item: Sendable, Equatable {
        let text: String
        let checked: Bool
        let line: Int
        let source: String
        let section: String
        let isApproval: Bool
        /// For a checked approval: whether it carries a signer and a date.
        let signed: Bool
        /// A date written on the item itself, as written.
        let ownDeadline: String?
    }

    struct Placeholder: Sendable, Equatable {
        let excerpt: String
        let line: Int
        let source: String
    }

    struct DeadlineStatement: Sendable, Equatable {
        /// What the deadline belongs to: "Deadline in «Workstream 1»", "heading «T-24h»".
        let key: String
        let value: String
        let line: Int
        let source: String
    }

    struct Decision: Sendable, Equatable {
        let label: String
        let isBlank: Bool
        let line: Int
        let source: String
    }

    let items: [Item]
    let placeholders: [Placeholder]
    let deadlines: [DeadlineStatement]
    let decisions: [Decision]
    /// Source lines (sharing the document's storage), to show what replaced a placeholder.
    let lines: [Substring]
    /// Item lines whose next version can be derived without a parse, by line number → item index.
    let plainItemLines: [Int: Int]
    /// Whether the text decoded cleanly, so that its next version may be derived.
    let derivable: Bool

    static let empty = DocumentSnapshot(items: [], placeholders: [], deadlines: [], decisions: [], lines: [], plainItemLines: [:], derivable: false)
}

/// Built by parsing a version; `SnapshotDerivation` builds the next one with the memberwise init.
extension DocumentSnapshot {
    init(bytes: [UInt8], path: String, configuration: Configuration) throws {
        try self.init(source: SourceText(bytes: bytes), path: path, configuration: configuration)
    }

    init(source text: SourceText, path: String, configuration: Configuration) throws {
        let document = MarkdownParser.parse(text, path: path)
        let analysis = Analysis(document: document, configuration: configuration)
        func source(_ line: Int) -> String {
            document.source.line(line).trimmedSpaces.capped(1000)
        }
        func sectionName(_ index: Int) -> String {
            document.sections[index].heading?.text ?? ""
        }
        items = try document.items.enumerated().map { index, item in
            let approval = analysis.approvalSections.contains(item.section)
            let signed = try approval && item.checked && (configuration.signature?.contains(item.text) ?? true)
            let own = analysis.itemDeadlines[index].flatMap { $0.origin == .item ? $0.written : nil }
            return Item(text: item.text, checked: item.checked, line: item.line, source: source(item.line),
                        section: sectionName(item.section), isApproval: approval, signed: signed, ownDeadline: own)
        }
        placeholders = try PlaceholderRule().check(analysis, now: .distantPast).map {
            Placeholder(excerpt: $0.excerpt ?? "", line: $0.line, source: source($0.line))
        }
        var deadlines = analysis.deadlineLines.map {
            DeadlineStatement(key: "\($0.label) in «\(sectionName($0.section))»", value: $0.value, line: $0.line, source: source($0.line))
        }
        for heading in document.headings {
            let dates = DateParser.dates(in: heading.text)
            guard !dates.isEmpty else { continue }
            var label = heading.text
            for date in dates.reversed() { label.removeSubrange(date.range) }
            let value = dates.map { String(heading.text[$0.range]) }.joined(separator: " → ")
            deadlines.append(DeadlineStatement(key: "heading «\(label.trimmingCharacters(in: .whitespaces))»", value: value,
                                               line: heading.line, source: source(heading.line)))
        }
        self.deadlines = deadlines
        var decisions: [Decision] = []
        for block in document.blocks where block.kind == .paragraph && block.text.containsASCII(":") {
            block.text.forEachLine { text, offset in
                if let field = DecisionField.parse(text, fields: configuration.decisionFieldKeys) {
                    decisions.append(Decision(label: field.label, isBlank: field.isBlank, line: block.line + offset,
                                              source: source(block.line + offset)))
                }
            }
        }
        self.decisions = decisions
        lines = document.source.lines
        derivable = text.problems.isEmpty && !text.hadByteOrderMark
        plainItemLines = derivable ? SnapshotDerivation.plainItemLines(items, lines: lines, configuration) : [:]
    }
}
