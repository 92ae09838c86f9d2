import Foundation

/// The events between two versions of one document, and which old item each new item continues.
struct SnapshotDiff {
    let events: [EventDraft]
    /// For each item of the new version, the index of the item it continues in the old one.
    let matches: [Int?]

    /// `old` is nil for a document that did not exist before: its deadlines are not changes.
    init(old: DocumentSnapshot?, new: DocumentSnapshot) {
        let isNew = old == nil
        let old = old ?? .empty
        let matches = ItemMatcher.match(old: old.items.map(\.text), new: new.items.map(\.text))
        self.matches = matches
        var events: [EventDraft] = []
        events += SnapshotDiff.itemEvents(old.items, new.items, matches)
        events += SnapshotDiff.placeholderEvents(old, new)
        if !isNew { events += SnapshotDiff.deadlineEvents(old.deadlines, new.deadlines) }
        events += SnapshotDiff.decisionEvents(old.decisions, new.decisions)
        // Which lines hold approvals, each side looked up once: per event, a search would make a
        // document of 100,000 new items quadratic.
        let approvals = { (side: DocumentSnapshot) in Dictionary(grouping: side.items.filter(\.isApproval), by: \.line).mapValues { $0.map(\.text) } }
        let approvalLines = (old: approvals(old), new: approvals(new))
        self.events = events.enumerated().sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }.map { entry in
            var event = entry.element
            event.substance = SnapshotDiff.substance(of: event, old: old, new: new, approvalLines: approvalLines)
            return event
        }
    }

    private static let substantiveKinds: Set<HistoryEvent.Kind> = [.itemAdded, .itemRemoved, .itemEdited, .unchecked, .deadlineChanged, .placeholderAdded]

    /// The section of a change to what approvals approve; nil for other events, and for changes
    /// to approvals themselves.
    private static func substance(of event: EventDraft, old: DocumentSnapshot, new: DocumentSnapshot,
                                  approvalLines: (old: [Int: [String]], new: [Int: [String]])) -> String? {
        guard substantiveKinds.contains(event.kind), let line = event.line else { return nil }
        let removed = event.kind == .itemRemoved
        // A change to an approval itself is not one to what it approves.
        if let texts = (removed ? approvalLines.old : approvalLines.new)[line], texts.contains(where: { $0 == event.item }) { return nil }
        return (removed ? old : new).section(ofLine: line)
    }

    private static func itemEvents(_ old: [DocumentSnapshot.Item], _ new: [DocumentSnapshot.Item], _ matches: [Int?]) -> [EventDraft] {
        var events: [EventDraft] = []
        for (newIndex, match) in matches.enumerated() {
            let after = new[newIndex]
            guard let oldIndex = match else {
                // An approval written in signed is given by the commit that writes it.
                let signedApproval = after.signed ? after.role.map { EventDraft.Approval(role: $0, signer: after.signer, section: after.section) } : nil
                events.append(EventDraft(kind: signedApproval == nil ? .itemAdded : .signed, item: after.text, line: after.line,
                                         before: nil, after: after.source, approval: signedApproval))
                continue
            }
            let before = old[oldIndex]
            // One action, one event: checking a box and signing it in the same edit is `signed`
            // (and the reverse `signature-removed`), not also `item-edited` and `checked`.
            let signing = before.signed != after.signed
            if before.text != after.text {
                if !signing, before.signed, after.signed, let role = after.role, after.state == .done, before.state == .done {
                    // A given approval's signer, date or role changed: this commit gives it as it now reads.
                    events.append(EventDraft(kind: .signed, item: after.text, line: after.line, before: before.source, after: after.source,
                                             approval: EventDraft.Approval(role: role, signer: after.signer, section: after.section)))
                } else if !signing {
                    let onlyDateMoved = before.ownDeadline != after.ownDeadline && stripDates(before.text) == stripDates(after.text)
                    events.append(EventDraft(kind: onlyDateMoved ? .deadlineChanged : .itemEdited, item: after.text, line: after.line,
                                             before: before.source, after: after.source))
                }
            } else if before.section != after.section {
                events.append(EventDraft(kind: .itemMoved, item: after.text, line: after.line, before: before.section, after: after.section))
            }
            let approval = after.role.map { EventDraft.Approval(role: $0, signer: after.signer, section: after.section) }
            if before.state != after.state && !signing {
                let kind: HistoryEvent.Kind = after.state == .done ? .checked : after.state == .cancelled ? .cancelled : .unchecked
                events.append(EventDraft(kind: kind, item: after.text, line: after.line, before: before.source, after: after.source,
                                         approval: kind == .checked ? approval : nil))
            }
            if before.signed != after.signed {
                events.append(EventDraft(kind: after.signed ? .signed : .signatureRemoved, item: after.text, line: after.line,
                                         before: before.source, after: after.source, approval: after.signed ? approval : nil))
            } else if !before.isApproval && after.isApproval && after.signed {
                events.append(EventDraft(kind: .signed, item: after.text, line: after.line, before: before.source, after: after.source,
                                         approval: approval))
            }
        }
        let continued = Set(matches.compactMap { $0 })
        for (index, item) in old.enumerated() where !continued.contains(index) {
            events.append(EventDraft(kind: .itemRemoved, item: item.text, line: item.line, before: item.source, after: nil))
        }
        return events
    }

    /// Placeholders are compared as a multiset by text; an occurrence whose line is unchanged stays put.
    private static func placeholderEvents(_ old: DocumentSnapshot, _ new: DocumentSnapshot) -> [EventDraft] {
        var events: [EventDraft] = []
        let oldByText = Dictionary(grouping: old.placeholders, by: \.excerpt)
        let newByText = Dictionary(grouping: new.placeholders, by: \.excerpt)
        for excerpt in Set(oldByText.keys).union(newByText.keys).sorted() {
            var before = oldByText[excerpt] ?? []
            var after = newByText[excerpt] ?? []
            // Same source line on both sides: the same occurrence (counted per line, not searched,
            // so that thousands of copies of one placeholder stay linear).
            var unmatched = Dictionary(grouping: after.indices, by: { after[$0].source }).mapValues { $0[...] }
            var keptAfter = Set(after.indices)
            before = before.filter { occurrence in
                guard let index = unmatched[occurrence.source]?.popFirst() else { return true }
                keptAfter.remove(index)
                return false
            }
            after = after.indices.filter(keptAfter.contains).map { after[$0] }
            let paired = min(before.count, after.count)
            for occurrence in after.dropFirst(paired) {
                events.append(EventDraft(kind: .placeholderAdded, item: excerpt, line: occurrence.line, before: nil, after: occurrence.source))
            }
            for occurrence in before.dropFirst(paired) {
                events.append(EventDraft(kind: .placeholderFilled, item: excerpt, line: occurrence.line, before: occurrence.source,
                                         after: replacement(of: occurrence, in: new)))
            }
        }
        return events
    }

    /// The line that took a filled placeholder's place: same text before and after the placeholder.
    private static func replacement(of placeholder: DocumentSnapshot.Placeholder, in new: DocumentSnapshot) -> String? {
        guard let range = placeholder.source.firstRange(of: placeholder.excerpt) else { return nil }
        let prefix = placeholder.source[..<range.lowerBound], suffix = placeholder.source[range.upperBound...]
        let candidates = new.lines.enumerated().compactMap { offset, line -> (offset: Int, line: Substring)? in
            let line = line.trimmedSpaces
            guard line.hasPrefix(prefix), line.hasSuffix(suffix), line.firstRange(of: placeholder.excerpt) == nil,
                  line.count > prefix.count + suffix.count else { return nil }
            return (offset, line)
        }
        return candidates.min { abs($0.offset + 1 - placeholder.line) < abs($1.offset + 1 - placeholder.line) }.map { String($0.line) }
    }

    private static func deadlineEvents(_ old: [DocumentSnapshot.DeadlineStatement], _ new: [DocumentSnapshot.DeadlineStatement]) -> [EventDraft] {
        var events: [EventDraft] = []
        // The old statements of each key, in order: paired first to first.
        var remaining = Dictionary(grouping: old, by: \.key).mapValues { $0[...] }
        for statement in new {
            if let before = remaining[statement.key]?.popFirst() {
                if before.value != statement.value {
                    events.append(EventDraft(kind: .deadlineChanged, item: statement.key, line: statement.line,
                                             before: before.source, after: statement.source))
                }
            } else {
                events.append(EventDraft(kind: .deadlineChanged, item: statement.key, line: statement.line, before: nil, after: statement.source))
            }
        }
        // The unpaired ones, in the old version's order.
        var unpaired = Set(remaining.values.flatMap { $0.map { "\($0.line) \($0.key)" } })
        for statement in old where unpaired.remove("\(statement.line) \(statement.key)") != nil {
            events.append(EventDraft(kind: .deadlineChanged, item: statement.key, line: statement.line, before: statement.source, after: nil))
        }
        return events
    }

    private static func decisionEvents(_ old: [DocumentSnapshot.Decision], _ new: [DocumentSnapshot.Decision]) -> [EventDraft] {
        var events: [EventDraft] = []
        var remaining = old
        for field in new {
            let before = remaining.firstIndex { $0.label == field.label }.map { remaining.remove(at: $0) }
            let wasBlank = before?.isBlank ?? true
            if let choice = field.choice, choice != before?.choice {
                // `[ ] GO [ ] NO-GO` → `[x] GO [ ] NO-GO`: the decision is taken (or changed).
                events.append(EventDraft(kind: .decided, item: field.label, line: field.line, before: before?.source, after: field.source))
            } else if wasBlank && !field.isBlank {
                events.append(EventDraft(kind: .signed, item: field.label, line: field.line, before: before?.source, after: field.source))
            } else if !wasBlank && field.isBlank {
                events.append(EventDraft(kind: .signatureRemoved, item: field.label, line: field.line, before: before?.source, after: field.source))
            } else if let before, !field.isBlank, before.source != field.source {
                events.append(EventDraft(kind: .itemEdited, item: field.label, line: field.line, before: before.source, after: field.source))
            }
        }
        for field in remaining where !field.isBlank {
            events.append(EventDraft(kind: .signatureRemoved, item: field.label, line: field.line, before: field.source, after: nil))
        }
        return events
    }

    private static func stripDates(_ text: String) -> String {
        var text = text
        for date in DateParser.dates(in: text).reversed() { text.removeSubrange(date.range) }
        return text
    }
}
