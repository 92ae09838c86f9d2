import Foundation

/// Most commits to a checklist check, uncheck or reword a few task items. When every line that
/// changed is such an item line — same list marker, plain text without Markdown syntax — the new
/// version's snapshot follows from the old one without parsing: cmark-gfm would render those lines
/// to exactly their text, and nothing else in the document can change meaning. Anything else is
/// parsed in full. `HistoryDerivationTests` checks derived snapshots against full parses.
enum SnapshotDerivation {
    /// `- [ ] text`, `1. [x] text`: the part up to `[`, the box, the text.
    private static let itemLine = try! Pattern(
        #"^([ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+\[)([ xX])\][ \t]+([^`*_\[\]<>!\\&~|\t]*[^`*_\[\]<>!\\&~|\t ])[ \t]*$"#)

    struct ItemLine {
        let prefix: Substring
        let checked: Bool
        let text: String
    }

    static func itemLine<S: StringProtocol>(_ line: S) -> ItemLine? {
        let text = String(line)
        guard let match = try? itemLine.firstMatch(in: text), let prefix = match.ranges[1], let box = match.ranges[2],
              let body = match.ranges[3]
        else { return nil }
        return ItemLine(prefix: text[prefix], checked: text[box] != " ", text: String(text[body]))
    }

    /// Whether an item's text can be carried without parsing: no placeholder, no decision field, no
    /// approval word (which would make it an approval).
    static func isPlain(_ text: String, _ configuration: Configuration) -> Bool {
        guard DecisionField.parse(text, fields: configuration.decisionFieldKeys) == nil, Plan.roleTag(text) == nil,
              ApprovalRole.named(text, configuration) == nil, !ConditionalText.isConditional(text),
              !StatusWords.isMarkedCancelled(text, configuration) else { return false }
        return ((try? PlaceholderScanner.matches(in: text, configuration)) ?? [Range<String.Index>]()).isEmpty
    }

    /// The item on a line whose text can change without a parse (the last such on that line), by
    /// its index. Asked only for the few lines a commit changed, not for every item of every version.
    static func plainItem(atLine line: Int, of snapshot: DocumentSnapshot, _ configuration: Configuration) -> Int? {
        guard line >= 1, line <= snapshot.lines.count else { return nil }
        return snapshot.items.indices.reversed().first { index in
            let item = snapshot.items[index]
            guard item.line == line, item.state != .cancelled, let parsed = itemLine(snapshot.lines[line - 1]), parsed.text == item.text,
                  parsed.checked == item.checked else { return false }
            return isPlain(item.text, configuration)
        }
    }

    /// A cheap screen on the bytes alone, before any parse: same number of lines, and every changed
    /// line on both sides an item line with the same marker. Only such changes are worth deriving.
    static func isCandidate(old: SourceText, new: SourceText) -> Bool {
        guard old.problems.isEmpty, new.problems.isEmpty, !old.hadByteOrderMark, !new.hadByteOrderMark,
              old.lines.count == new.lines.count else { return false }
        var changed = 0
        for index in old.lines.indices where old.lines[index] != new.lines[index] {
            changed += 1
            guard changed <= 8, let before = itemLine(old.lines[index]), let after = itemLine(new.lines[index]),
                  before.prefix == after.prefix else { return false }
        }
        return true
    }

    /// The new version's snapshot from the old one, or nil when it has to be parsed.
    static func derive(from old: DocumentSnapshot, new source: SourceText, _ configuration: Configuration) -> DocumentSnapshot? {
        guard old.derivable, source.problems.isEmpty, !source.hadByteOrderMark, source.lines.count == old.lines.count else { return nil }
        var items = old.items
        var changed = 0
        for index in source.lines.indices where source.lines[index] != old.lines[index] {
            changed += 1
            guard changed <= 8, let itemIndex = plainItem(atLine: index + 1, of: old, configuration), let after = itemLine(source.lines[index]),
                  itemLine(old.lines[index])?.prefix == after.prefix, isPlain(after.text, configuration) else { return nil }
            let before = items[itemIndex]
            // A plain text names no approval word: an approval here stands in an approval section,
            // where it stays one only while it names a role; an item there that comes to name one needs a parse.
            let heading = before.section.lowercased()
            let mayBeApprovalSection = before.isApproval || configuration.signoffHeadingKeys.contains { heading.contains($0) }
            let isApproval = mayBeApprovalSection && ApprovalRole.isApprovalInSection(after.text, configuration)
            guard isApproval == before.isApproval else { return nil }
            let role = isApproval ? ApprovalRole.inApprovalSection(after.text, configuration) : nil
            let signature = role != nil && after.checked ? (try? Plan.signature(in: after.text, configuration)) ?? nil : nil
            let own = DeadlineResolver.ownDates(in: after.text).first { $0.instant(defaultZone: TimeZones.utc) != nil }
            items[itemIndex] = DocumentSnapshot.Item(
                text: after.text, state: after.checked ? .done : .open, line: before.line, column: before.column, source: source.lines[index].trimmedSpaces.capped(1000),
                section: before.section, role: role, signed: signature != nil, signer: signature?.signer, ownDeadline: own.map { String(after.text[$0.range]) })
        }
        return DocumentSnapshot(items: items, placeholders: old.placeholders, deadlines: old.deadlines, decisions: old.decisions,
                                sectionStarts: old.sectionStarts, lines: source.lines, derivable: true)
    }
}
