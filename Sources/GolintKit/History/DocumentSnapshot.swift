import Foundation

/// What history compares between two versions of a document: items with their state, placeholders,
/// deadlines and decision fields, each with its line and source text.
struct DocumentSnapshot: Sendable, Equatable {
    struct Item: Sendable, Equatable {
        let text: String
        let state: Deliverable.State
        var checked: Bool { state == .done }
        let line: Int
        let column: Int
        let source: String
        let section: String
        /// For an approval, the role it names.
        let role: String?
        var isApproval: Bool { role != nil }
        /// For a checked approval: whether it carries a signer and a date, and who it names.
        let signed: Bool
        let signer: String?
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
        /// The option chosen, for a field that offers options.
        let choice: String?
        let line: Int
        let source: String
    }

    let items: [Item]
    let placeholders: [Placeholder]
    let deadlines: [DeadlineStatement]
    let decisions: [Decision]
    /// Where each section starts (its heading's line) and its heading, in document order.
    let sectionStarts: [(line: Int, name: String)]
    /// Source lines (sharing the document's storage), to show what replaced a placeholder.
    let lines: [Substring]
    /// Whether the text decoded cleanly, so that its next version may be derived.
    let derivable: Bool

    static let empty = DocumentSnapshot(items: [], placeholders: [], deadlines: [], decisions: [], sectionStarts: [], lines: [], derivable: false)

    /// The heading of the section a line stands in ("" before the first heading).
    /// By binary search: section starts are in line order, and a large commit asks once per event.
    func section(ofLine line: Int) -> String {
        var low = 0, high = sectionStarts.count
        while low < high {
            let middle = (low + high) / 2
            if sectionStarts[middle].line <= line { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? "" : sectionStarts[low - 1].name
    }

    static func == (a: DocumentSnapshot, b: DocumentSnapshot) -> Bool {
        a.items == b.items && a.placeholders == b.placeholders && a.deadlines == b.deadlines && a.decisions == b.decisions
            && a.sectionStarts.elementsEqual(b.sectionStarts, by: ==) && a.lines == b.lines
            && a.derivable == b.derivable
    }
}

/// Built by parsing a version; `SnapshotDerivation` builds the next one with the memberwise init.
extension DocumentSnapshot {
    init(bytes: [UInt8], path: String, configuration: Configuration) throws {
        try self.init(source: SourceText(bytes: bytes), path: path, configuration: configuration)
    }

    init(source text: SourceText, path: String, configuration: Configuration) throws {
        try self.init(plan: Plan(source: text, path: path, configuration: configuration))
    }

    /// What history compares, read off a version's plan.
    init(plan: Plan) {
        let document = plan.document
        func source(_ line: Int) -> String {
            document.source.line(line).trimmedSpaces.capped(1000)
        }
        func sectionName(_ index: Int) -> String {
            document.sections[index].heading?.text ?? ""
        }
        items = plan.deliverables.map { deliverable in
            Item(text: deliverable.text, state: deliverable.state, line: deliverable.line, column: deliverable.column, source: source(deliverable.line),
                 section: sectionName(deliverable.section), role: deliverable.role, signed: deliverable.signed, signer: deliverable.signer,
                 ownDeadline: deliverable.deadline.flatMap { $0.origin == .item ? $0.written : nil })
        }
        placeholders = plan.placeholders.map { Placeholder(excerpt: $0.excerpt, line: $0.line, source: source($0.line)) }
        deadlines = plan.deadlineLines.map {
            DeadlineStatement(key: "\($0.label) in «\(sectionName($0.section))»", value: $0.value, line: $0.line, source: source($0.line))
        } + plan.datedHeadings.map {
            DeadlineStatement(key: "heading «\($0.label)»", value: $0.value, line: $0.heading.line, source: source($0.heading.line))
        }
        sectionStarts = document.sections.compactMap { section in section.heading.map { ($0.line, $0.text) } }
        decisions = plan.decisionFields.map { Decision(label: $0.label, isBlank: $0.isBlank, choice: $0.choice, line: $0.line, source: source($0.line)) }
        lines = document.source.lines
        derivable = document.source.problems.isEmpty && !document.source.hadByteOrderMark
    }
}
