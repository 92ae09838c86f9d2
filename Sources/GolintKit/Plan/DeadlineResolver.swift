import Foundation

/// Works out when each deliverable of a document is due and where that comes from, nearest
/// first: a date on the deliverable (or its date column), a deadline line in its section or an
/// enclosing one, a date or relative time in an enclosing heading, the document's deadline line,
/// the title's date (never for post-launch or rollback sections). Also finds the T-0 anchors,
/// infers missing years, and collects every date where a deadline belongs that cannot be read.
struct DeadlineResolver {
    let defaultZone: TimeZone
    let deadlineLines: [DeadlineLine]
    private(set) var datedHeadings: [DatedHeading] = []
    let anchors: [Anchor]
    /// Per section, the deadline its deliverables inherit when they name none themselves.
    private(set) var sectionDeadlines: [Deadline?] = []
    private(set) var unreadable: [UnreadableDeadline] = []
    private var instants: InstantCache
    /// Date cells repeat (`Mar 3` in many rows): each distinct text is read once per document.
    private var cellDates: [String: WrittenDate?] = [:]
    private let referenceYear: Int?
    private let order: DateOrder?
    private let sections: [Section]
    private let configuredAnchor: Anchor?

    init(document: Document, configuration: Configuration) {
        let zone = DeadlineResolver.namedZone(in: document) ?? configuration.timezone ?? TimeZones.utc
        defaultZone = zone
        order = configuration.dateOrder
        sections = document.sections
        instants = InstantCache(defaultZone: zone)
        referenceYear = DeadlineResolver.referenceYear(in: document, order: configuration.dateOrder)
        configuredAnchor = configuration.anchor.map { Anchor(instant: $0.date, timeZone: $0.zone, line: 0, scope: 0, text: "anchor") }
        var unreadable: [UnreadableDeadline] = []
        let lines = DeadlineResolver.deadlineLines(in: document, labelled: configuration.deadlineLinePattern, order: order)
        deadlineLines = lines
        anchors = DeadlineResolver.anchors(in: document, order: order, referenceYear: referenceYear, zone: zone, unreadable: &unreadable)
        self.unreadable = unreadable

        var own = [Deadline?](repeating: nil, count: document.sections.count)
        for line in lines.reversed() {
            let isDocument = line.section == 0 || document.sections[line.section].level == 1
            guard let date = line.deadlineDate else {
                if !line.value.isEmpty {
                    let reason = line.dates.isEmpty ? "names no date golint can read" : "is not a calendar date"
                    self.unreadable.append(UnreadableDeadline(line: line.line, column: document.column(of: line.value, line: line.line)
                                                              ?? document.indentColumn(line.line), text: line.value, reason: reason))
                }
                continue
            }
            if let deadline = resolve(date, origin: isDocument ? .document : .section, line: line.line, written: line.value,
                                      column: document.column(of: line.value, line: line.line) ?? 1) {
                own[line.section] = deadline
            }
        }
        var datedHeadings: [DatedHeading] = []
        for section in document.sections {
            guard let heading = section.heading else { continue }
            let dates = DeadlineResolver.headingDates(heading.text, order: order)
            if !dates.isEmpty { datedHeadings.append(DatedHeading(heading: heading, section: section.index, dates: dates)) }
            guard own[section.index] == nil else { continue }
            own[section.index] = headingDeadline(section, heading, dates: dates, document: document)
        }
        self.datedHeadings = datedHeadings

        // A section without a deadline of its own inherits its parent's; parents come first. The
        // title's date ends the launch, not what comes after it.
        // Whether a section comes after the launch is asked only of sections that would inherit
        // the title's date; the answer for each section is worked out once.
        var postLaunch = [Bool?](repeating: nil, count: document.sections.count)
        func isPostLaunch(_ index: Int) -> Bool {
            if let known = postLaunch[index] { return known }
            let section = document.sections[index]
            let answer = section.parent.map(isPostLaunch) == true || (section.heading.map { DeadlineResolver.isPostLaunch($0.text) } ?? false)
            postLaunch[index] = answer
            return answer
        }
        var inherited = [Deadline?](repeating: nil, count: document.sections.count)
        for section in document.sections {
            let candidate = own[section.index] ?? section.parent.flatMap { inherited[$0] }
            inherited[section.index] = candidate?.origin == .title && isPostLaunch(section.index) ? nil : candidate
        }
        sectionDeadlines = inherited
    }

    // MARK: Deliverables

    /// A deliverable's deadline: a date or relative time it names after a marker (`bis`, `due`),
    /// else its section's.
    mutating func deadline(ofText text: String, line: Int, column: Int, section: Int, in document: Document) -> Deadline? {
        for date in Self.markedDates(in: text, order: order) {
            let written = String(text[date.range])
            if let deadline = resolve(date, origin: .item, line: line, written: written,
                                      column: document.column(of: written, line: line) ?? column) {
                return deadline
            }
        }
        return sectionDeadlines[section]
    }

    /// A table row's deadline: its date cell (a range ends at its last day; `Day 2`, `T-24h`
    /// count from the anchor), else its section's.
    mutating func deadline(ofDateCell cell: (text: String, column: Int)?, line: Int, section: Int) -> Deadline? {
        guard let cell else { return sectionDeadlines[section] }
        let cached = cellDates[cell.text]
        let parsed = cached ?? DateParser.dates(in: cell.text, order: order).last
        if cached == nil { cellDates[cell.text] = .some(parsed) }
        if let date = parsed {
            return resolve(date, origin: .table, line: line, written: cell.text, column: cell.column) ?? sectionDeadlines[section]
        }
        if let relative = RelativeTime.first(in: cell.text) {
            return relativeDeadline(relative, section: section, line: line, column: cell.column, written: cell.text)
                ?? sectionDeadlines[section]
        }
        unreadable.append(UnreadableDeadline(line: line, column: cell.column, text: cell.text, reason: "names no date golint can read"))
        return sectionDeadlines[section]
    }

    // MARK: Reading dates

    /// The instant of a written date, its year taken from the document when it names none; an
    /// unreadable one is recorded and gives nil.
    private mutating func resolve(_ date: WrittenDate, origin: Deadline.Origin, line: Int, written: String,
                                  column: @autoclosure () -> Int) -> Deadline? {
        guard let dated = date.dated(inferring: referenceYear) else {
            unreadable.append(UnreadableDeadline(line: line, column: column(), text: written,
                                                 reason: "has no year, and the document names none to take it from"))
            return nil
        }
        guard let instant = instants.instant(of: dated) else {
            unreadable.append(UnreadableDeadline(line: line, column: column(), text: written, reason: "is not a calendar date"))
            return nil
        }
        return Deadline(instant: instant.date, timeZone: instant.zone, origin: origin, line: line, written: written)
    }

    /// The innermost anchor whose scope holds `section`, else the configuration's.
    /// The launch's T-0: the first anchor the document names, else the configuration's.
    var launchAnchor: Anchor? { anchors.min { $0.line < $1.line } ?? configuredAnchor }

    private func anchor(for section: Int) -> Anchor? {
        var current: Int? = section
        while let index = current {
            if let anchor = anchors.first(where: { $0.scope == index }) { return anchor }
            current = sections[index].parent
        }
        return configuredAnchor
    }

    private mutating func relativeDeadline(_ relative: RelativeTime, section: Int, line: Int, column: Int, written: String) -> Deadline? {
        guard let anchor = anchor(for: section) else {
            unreadable.append(UnreadableDeadline(line: line, column: column, text: relative.text,
                                                 reason: "is relative, but no T-0 anchor is in scope (such as '### T-0 (2026-03-06 10:00 CET)' or 'Go-Live: 2026-03-06 10:00 CET')"))
            return nil
        }
        guard let instant = relative.instant(from: anchor) else { return nil }
        return Deadline(instant: instant, timeZone: anchor.timeZone, origin: .relative, line: line, written: relative.text, anchorLine: anchor.line)
    }

    /// A heading's own deadline: its date (the explicit date wins over a relative time, and says
    /// so when the two disagree by more than a day), else its relative time.
    private mutating func headingDeadline(_ section: Section, _ heading: Heading, dates: [WrittenDate], document: Document) -> Deadline? {
        let origin: Deadline.Origin = heading.level == 1 ? .title : .heading
        let relative = heading.level == 1 ? nil : RelativeTime.first(in: heading.text)
        func column(_ text: String) -> Int { document.column(of: text, line: heading.line) ?? 1 }
        // A range in a heading ("2026-03-01 → 2026-03-06") is one date that ends at its last day.
        if let date = dates.last {
            let written = String(heading.text[date.range])
            guard let deadline = resolve(date, origin: origin, line: heading.line, written: written, column: column(written)) else { return nil }
            if let relative, !relative.isZero, let anchor = anchor(for: section.index), anchor.line != heading.line,
               let implied = relative.instant(from: anchor), abs(implied.timeIntervalSince(deadline.instant)) > 86_400 {
                unreadable.append(UnreadableDeadline(
                    line: heading.line, column: column(relative.text), text: relative.text,
                    reason: "means \(ISOTime.format(implied, in: anchor.timeZone)) from T-0 on line \(anchor.line), but the heading's date '\(written)' says \(deadline.iso8601); the date is used"))
            }
            return deadline
        }
        // `### T-0` without a date of its own: the anchor's moment.
        guard let relative else { return nil }
        return relativeDeadline(relative, section: section.index, line: heading.line, column: column(relative.text), written: relative.text)
    }

    /// Dates in a heading, less status stamps: `## Blockers (updated 2025-10-19)` states no deadline.
    private static func headingDates(_ text: String, order: DateOrder?) -> [WrittenDate] {
        let dates = DateParser.dates(in: text, order: order)
        guard !dates.isEmpty, let stamps = try? stampPattern.matches(in: text), !stamps.isEmpty else { return dates }
        return dates.filter { date in !stamps.contains { $0.range.overlaps(date.range) } }
    }

    /// Status stamps: `(updated …)`, `(Stand: …)`, `Last Updated: …`, `Status as of …`, `(Completed …)`.
    private static let stampPattern = try! Pattern(
        #"\((?:last\s+)?(?:updated|stand|aktualisiert|as of|status as of|completed|erledigt|done|fertig|abgeschlossen)\b[^)]*\)|(?:last\s+updated|status\s+as\s+of|stand|as\s+of|aktualisiert)\s*:?\s*\S+(?:\s+[0-9:]+)?"#,
        caseInsensitive: true)

    /// `T+…`, post-launch, after go-live, nach dem Go-Live, rollback, `If …` sections.
    static func isPostLaunch(_ heading: String) -> Bool {
        (try? postLaunchPattern.firstMatch(in: heading)) != nil
    }

    private static let postLaunchPattern = try! Pattern(
        #"(?:^|[^\p{L}])(?:(?-i:T)\s?\+\s?[0-9]|post[- ]?launch|post[- ]?go[- ]?live|after\s+(?:the\s+)?(?:go[- ]?live|launch)|nach\s+(?:dem\s+)?go[- ]?live|rollback|roll-back|hypercare|nachbereitung)|^\W*(?:if|falls|wenn)\s"#,
        caseInsensitive: true)

    // MARK: The document

    private static let zonePattern = try! Pattern(
        #"\b(?:Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)/[A-Za-z_]+(?:/[A-Za-z_]+)?\b"#)

    /// The first IANA zone a document names (`Stand: 2026-03-01 (Europe/Berlin)`).
    private static func namedZone(in document: Document) -> TimeZone? {
        for block in document.blocks where block.text.containsASCII("/") {
            if let match = try? zonePattern.firstMatch(in: block.text), let zone = TimeZone(identifier: String(block.text[match.range])) {
                return zone
            }
        }
        return nil
    }

    private static let statusLine = try! Pattern(#"^\s*(?:stand|status|status as of|as of|last updated|updated|aktualisiert|datum|date)\b"#,
                                                 caseInsensitive: true)

    /// The year a date without one belongs to: the status line's, else the title's, else the
    /// document's first full date.
    private static func referenceYear(in document: Document, order: DateOrder?) -> Int? {
        func firstYear(_ text: String) -> Int? { DateParser.dates(in: text, order: order).lazy.compactMap(\.year).first }
        for block in document.blocks where block.kind == .paragraph && block.text.containsFourDigitRun {
            var found: Int?
            block.text.forEachLine { line, _ in
                if found == nil, (try? statusLine.firstMatch(in: String(line))) != nil { found = firstYear(String(line)) }
            }
            if let found { return found }
        }
        if let title = document.headings.first(where: { $0.level == 1 }), let year = firstYear(title.text) { return year }
        for block in document.blocks where block.text.containsFourDigitRun {
            if let year = firstYear(block.text) { return year }
        }
        return nil
    }

    /// The launch moment: a heading with `T-0` and a date with its time, or a labelled line
    /// (`Go-Live: 2026-02-01 00:00 UTC`, `Cutover:`, `Launch:`, `Deploy:`). A heading's anchor
    /// applies to its parent section (its `T-48h` and `T+1h` siblings); a line's to its section.
    private static func anchors(in document: Document, order: DateOrder?, referenceYear: Int?, zone: TimeZone,
                                unreadable: inout [UnreadableDeadline]) -> [Anchor] {
        var found: [Anchor] = []
        func instant(_ text: String) -> (date: Date, zone: TimeZone, written: String)? {
            for date in DateParser.dates(in: text, order: order) where date.hour != nil && !date.endOfDayWritten {
                if let instant = date.dated(inferring: referenceYear)?.instant(defaultZone: zone) { return (instant.date, instant.zone, String(text[date.range])) }
            }
            return nil
        }
        for section in document.sections {
            // An anchor heading says T-0; most headings have no capital T at all.
            guard let heading = section.heading, heading.level >= 2, heading.text.containsASCII("T"),
                  RelativeTime.first(in: heading.text)?.isZero == true,
                  let moment = instant(heading.text) else { continue }
            found.append(Anchor(instant: moment.date, timeZone: moment.zone, line: heading.line, scope: section.parent ?? 0, text: heading.text))
        }
        for block in document.blocks where block.kind == .paragraph && block.item == nil && block.text.containsASCII(":") {
            block.text.forEachLine { line, offset in
                // An anchor line names a date and a time: it has digits.
                guard line.containsASCIIDigit else { return }
                let text = String(line)
                guard let match = try? anchorLine.firstMatch(in: text), let value = text.text(match.ranges[1]),
                      let moment = instant(value) else { return }
                found.append(Anchor(instant: moment.date, timeZone: moment.zone, line: block.line + offset, scope: block.section, text: text))
            }
        }
        // Two anchors in one scope: the first counts, the second is a warning naming both.
        var kept: [Anchor] = []
        for anchor in found.sorted(by: { $0.line < $1.line }) {
            if let first = kept.first(where: { $0.scope == anchor.scope }) {
                unreadable.append(UnreadableDeadline(
                    line: anchor.line, column: document.indentColumn(anchor.line), text: anchor.text.trimmedSpaces.capped(80),
                    reason: "is a second T-0 anchor in the same scope as line \(first.line); relative times count from line \(first.line)"))
            } else {
                kept.append(anchor)
            }
        }
        return kept
    }

    private static let anchorLine = try! Pattern(
        #"^\s*(?:go[- ]?live|launch|cutover|cut-over|deploy(?:ment)?|release|livegang|produktivstart|umstellung|t-?0)(?:[- ]?(?:date|datum|termin|time|zeit|zeitpunkt|moment))?\s*:\s*(.+?)\s*$"#,
        caseInsensitive: true)

    /// A deadline marker and what may stand between it and the date: `bis`, `Frist: am`, `due on`.
    private static let marker = try! Pattern(
        #"\b(?:bis|due|until|by|deadline|frist|fällig(?:\s+am)?|spätestens|before)\b\s*:?\s*(?:zum\s+|am\s+|on\s+|the\s+)?"#,
        caseInsensitive: true)

    /// Dates on a deliverable right after a deadline marker (`bis`, `due`, `Frist:` …), valid or not.
    static func markedDates(in text: String, order: DateOrder? = nil) -> [WrittenDate] {
        // Most items carry no dated marker: a byte scan for a digit spares the patterns.
        guard text.containsASCIIDigit, let markers = try? marker.matches(in: text) else { return [] }
        return markers.compactMap { DateParser.date(at: $0.range.upperBound, in: text, order: order) }
    }

    private static let until = try! Pattern(#"^\s*(Bis)\s+(.+?)\s*$"#, caseInsensitive: true)

    private static func deadlineLines(in document: Document, labelled: Pattern?, order: DateOrder?) -> [DeadlineLine] {
        guard let labelled else { return [] }
        var result: [DeadlineLine] = []
        for block in document.blocks where block.item == nil && block.kind == .paragraph && block.text.containsASCIIDigitOrColon {
            block.text.forEachLine { line, offset in
                let lineNumber = block.line + offset
                // A labelled line needs its colon; "Bis 2026-03-05" needs a year.
                let colon = line.containsASCII(":"), year = line.containsFourDigitRun
                guard colon || year else { return }
                let text = String(line)
                if colon, let match = try? labelled.firstMatch(in: text) {
                    let value = text.text(match.ranges[2]) ?? ""
                    let label = text.text(match.ranges[1]) ?? ""
                    result.append(DeadlineLine(line: lineNumber, section: block.section, label: label, value: value,
                                               dates: DateParser.dates(in: value, order: order)))
                } else if year, let match = try? until.firstMatch(in: text) {
                    let value = text.text(match.ranges[2]) ?? ""
                    let dates = DateParser.dates(in: value, order: order)
                    // "Bis morgen" is prose; only "Bis 2026-03-05" is a deadline.
                    guard dates.first.map({ $0.range.lowerBound == value.startIndex }) == true else { return }
                    result.append(DeadlineLine(line: lineNumber, section: block.section, label: "Bis", value: value, dates: dates))
                }
            }
        }
        return result
    }
}

extension String {
    /// Deadline lines need a label with a colon or a date ("Bis 2026-03-05"): skip blocks with neither.
    var containsASCIIDigitOrColon: Bool { utf8.contains { ($0 >= 0x30 && $0 <= 0x3A) } }
}

/// Items repeat a handful of dates: each distinct one is turned into an instant once per document
/// (the calendar conversion through the time zone is the costly part).
private struct InstantCache {
    private struct Key: Hashable {
        let year, month, day: Int
        let week: Int?
        let hour, minute: Int?
        let zoneName: String?
        let endOfDay: Bool
    }

    let defaultZone: TimeZone
    private var known: [Key: (date: Date, zone: TimeZone)?] = [:]

    init(defaultZone: TimeZone) { self.defaultZone = defaultZone }

    mutating func instant(of date: WrittenDate) -> (date: Date, zone: TimeZone)? {
        guard let year = date.year else { return nil }
        let key = Key(year: year, month: date.month, day: date.day, week: date.week, hour: date.hour, minute: date.minute,
                      zoneName: date.zoneName, endOfDay: date.endOfDayWritten)
        if let cached = known[key] { return cached }
        let instant = date.instant(defaultZone: defaultZone)
        known[key] = instant
        return instant
    }
}

/// `**Deadline:** 2026-03-03 EOD`, `Frist: 03.03.2026`, `Bis **2026-03-05**`, `Zeitraum: KW 9 (24.02. - 02.03.2026)`.
public struct DeadlineLine: Sendable {
    public let line: Int
    public let section: Int
    public let label: String
    public let value: String
    public let dates: [WrittenDate]

    private static let windowLabels: Set<String> = ["zeitraum", "zeitfenster", "window", "time window", "timeframe", "time frame", "timebox"]

    /// The date that sets the deadline: a window's last one, else the first.
    var deadlineDate: WrittenDate? {
        DeadlineLine.windowLabels.contains(label.lowercased()) ? dates.last : dates.first
    }
}

/// A date that names no existing day or cannot be read, where a deadline was meant; also an
/// anchor problem (a relative time without one, two in one scope, an offset against its date).
public struct UnreadableDeadline: Sendable, Equatable {
    public let line: Int
    public let column: Int
    public let text: String
    public let reason: String
}

/// A heading that names dates (`### T-24h: 2026-03-05 10:00 CET`).
public struct DatedHeading: Sendable {
    public let heading: Heading
    public let section: Int
    public let dates: [WrittenDate]

    /// The heading without its dates, as history names the deadline it states.
    public var label: String {
        var label = heading.text
        for date in dates.reversed() { label.removeSubrange(date.range) }
        return label.trimmingCharacters(in: .whitespaces)
    }

    /// The dates as written, joined by an arrow.
    public var value: String { dates.map { String(heading.text[$0.range]) }.joined(separator: " → ") }
}
