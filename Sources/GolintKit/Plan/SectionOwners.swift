/// Owner lines: `**Owner:** SRE-Lead (Carol Nguyen)`, `Verantwortlich: Team Ops`, `Responsible:`,
/// `Lead:`. One names the owner of the deliverables of its section and the sections below it that
/// name none themselves; one before the first heading, or under the title, owns the document's.
struct SectionOwners {
    private var owners: [String?]

    private static let line = try! Pattern(
        #"^[^\p{L}]*(?:owner|owners|verantwortlich|verantwortlicher|zuständig|responsible|accountable|lead|dri|responsable|propietario|responsabile|respons[áa]vel|dono|担当|担当者|責任者)\s*[:：]\s*(.+?)\s*$"#,
        caseInsensitive: true)

    init(_ document: Document, _ configuration: Configuration) {
        var own = [String?](repeating: nil, count: document.sections.count)
        // By index: most blocks are items, and copying each would retain every field of it.
        for index in document.blocks.indices where document.blocks[index].kind == .paragraph && document.blocks[index].item == nil {
            let block = document.blocks[index]
            guard own[block.section] == nil, block.text.containsASCII(":") || block.text.contains("：") else { continue }
            block.text.forEachLine { text, _ in
                guard own[block.section] == nil, SectionOwners.mayBeOwnerLine(text), let match = try? SectionOwners.line.firstMatch(in: String(text)),
                      let value = String(text).text(match.ranges[1]), !EmptyValue.isEmpty(value, configuration),
                      (try? PlaceholderScanner.matches(in: value, configuration))?.isEmpty != false else { return }
                own[block.section] = value.capped(120)
            }
        }
        owners = own
        for section in document.sections where owners[section.index] == nil {
            owners[section.index] = section.parent.flatMap { owners[$0] }
        }
    }

    func owner(of section: Int) -> String? { owners[section] }

    /// A screen on the bytes: an owner line's first letter starts one of the labels.
    private static func mayBeOwnerLine(_ line: Substring) -> Bool {
        guard let first = line.utf8.first(where: { $0 >= 0x80 || ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }) else { return false }
        return first >= 0x80 || labelInitials & (1 << UInt32((first | 0x20) &- 0x61)) != 0
    }

    /// One bit per letter (`a` is bit 0) that starts a label.
    private static let labelInitials: UInt32 = "ovzraldp".utf8.reduce(0) { $0 | 1 << UInt32($1 - 0x61) }
}
