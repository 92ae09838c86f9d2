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
    /// Sections under an approval heading (`Approval`, `Freigabe`, …), with their subsections.
    public let approvalSections: Set<Int>
    public let decisionFields: [DecisionField]
    public let placeholders: [Placeholder]
    public let unreadableDeadlines: [UnreadableDeadline]

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
        let approvals = Plan.approvalSections(document, configuration)
        approvalSections = approvals
        deliverables = try document.items.map { item in
            let isApproval = approvals.contains(item.section)
            let signed = try isApproval && item.checked && (configuration.signature?.contains(item.text) ?? true)
            return Deliverable(kind: .task, text: item.text, state: item.checked ? .done : .open,
                               deadline: deadlines.deadline(of: item, in: document), section: item.section,
                               line: item.line, column: item.column, isApproval: isApproval, signed: signed)
        }
        unreadableDeadlines = deadlines.unreadable
        decisionFields = DecisionField.fields(in: document, configuration)
        placeholders = try PlaceholderScanner.placeholders(in: document, configuration)
    }

    /// A section is an approval section when its heading (below the title) names one of
    /// `signoff.headings`, or it lies inside one.
    private static func approvalSections(_ document: Document, _ configuration: Configuration) -> Set<Int> {
        let words = configuration.signoffHeadings.map { $0.lowercased() }
        var approval = Set<Int>()
        for section in document.sections {
            let inParent = section.parent.map { approval.contains($0) } ?? false
            // A level-1 heading is the document's title ("… & Stakeholder Freigaben"), not a sign-off section.
            let heading = section.level >= 2 ? section.heading?.text.lowercased() ?? "" : ""
            if inParent || (!heading.isEmpty && words.contains { heading.firstRange(of: $0) != nil }) { approval.insert(section.index) }
        }
        return approval
    }
}
