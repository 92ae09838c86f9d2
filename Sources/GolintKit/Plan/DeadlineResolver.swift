import Foundation

/// Works out when each deliverable of a document is due, and which dates where a deadline belongs
/// cannot be read: deadline lines, section headings, dates on the deliverable itself.
struct DeadlineResolver {
    let defaultZone: TimeZone
    let deadlineLines: [DeadlineLine]
    /// Per section, the deadline its items inherit when they name none themselves.
    let sectionDeadlines: [Deadline?]
    let datedHeadings: [DatedHeading]
    private(set) var unreadable: [UnreadableDeadline] = []
    private var instants: InstantCache

    init(document: Document, configuration: Configuration) {
        let zone = DeadlineResolver.namedZone(in: document) ?? configuration.timezone ?? TimeZones.utc
        defaultZone = zone
        instants = InstantCache(defaultZone: zone)
        var unreadable: [UnreadableDeadline] = []
        let lines = DeadlineResolver.deadlineLines(in: document, labelled: configuration.deadlineLinePattern, unreadable: &unreadable)
        deadlineLines = lines

        // Per section, the nearest deadline it states itself: a deadline line first, then its heading.
        var sectionDeadline = [Deadline?](repeating: nil, count: document.sections.count)
        for line in lines.reversed() {
            if let date = line.dates.first(where: { $0.calendarDate != nil }), let instant = date.instant(defaultZone: zone) {
                sectionDeadline[line.section] = Deadline(instant: instant.date, timeZone: instant.zone, origin: .section,
                                                         line: line.line, written: line.value)
            }
        }
        var datedHeadings: [DatedHeading] = []
        for section in document.sections {
            guard let heading = section.heading else { continue }
            let dates = DateParser.dates(in: heading.text)
            guard !dates.isEmpty else { continue }
            datedHeadings.append(DatedHeading(heading: heading, section: section.index, dates: dates))
            guard sectionDeadline[section.index] == nil else { continue }
            for date in dates where date.calendarDate == nil {
                let text = String(heading.text[date.range])
                unreadable.append(UnreadableDeadline(line: heading.line, column: document.column(of: text, line: heading.line) ?? 1,
                                                     text: text, reason: "is not a calendar date"))
            }
            // A range in a heading ("2026-03-01 → 2026-03-06") ends at its last date.
            if let date = dates.last(where: { $0.calendarDate != nil }), let instant = date.instant(defaultZone: zone) {
                sectionDeadline[section.index] = Deadline(instant: instant.date, timeZone: instant.zone, origin: .heading,
                                                          line: heading.line, written: String(heading.text[date.range]))
            }
        }

        // A section without a deadline of its own inherits its parent's; parents come first.
        var inherited = [Deadline?](repeating: nil, count: document.sections.count)
        for section in document.sections {
            inherited[section.index] = sectionDeadline[section.index] ?? section.parent.flatMap { inherited[$0] }
        }
        sectionDeadlines = inherited
        self.datedHeadings = datedHeadings
        self.unreadable = unreadable
    }

    /// A task item's deadline: a date it names itself, else its section's.
    mutating func deadline(of item: TaskItem, in document: Document) -> Deadline? {
        ownDeadline(of: item, in: document) ?? sectionDeadlines[item.section]
    }

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

    /// A deadline marker and what may stand between it and the date: `bis`, `Frist: am`, `due on`.
    private static let marker = try! Pattern(
        #"\b(?:bis|due|until|by|deadline|frist|fällig(?:\s+am)?|spätestens|before)\b\s*:?\s*(?:zum\s+|am\s+|on\s+|the\s+)?"#,
        caseInsensitive: true)

    /// Dates on an item right after a deadline marker (`bis`, `due`, `Frist:` …), valid or not.
    static func markedDates(in text: String) -> [WrittenDate] {
        // Most items carry no dated marker: a byte scan for a year spares the patterns.
        guard text.containsFourDigitRun, let markers = try? marker.matches(in: text) else { return [] }
        return markers.compactMap { DateParser.date(at: $0.range.upperBound, in: text) }
    }

    private mutating func ownDeadline(of item: TaskItem, in document: Document) -> Deadline? {
        for date in Self.markedDates(in: item.text) {
            guard let instant = instants.instant(of: date) else {
                let text = String(item.text[date.range])
                unreadable.append(UnreadableDeadline(line: item.line, column: document.column(of: text, line: item.line) ?? item.column,
                                                     text: text, reason: "is not a calendar date"))
                continue
            }
            return Deadline(instant: instant.date, timeZone: instant.zone, origin: .item, line: item.line,
                            written: String(item.text[date.range]))
        }
        return nil
    }

    private static let until = try! Pattern(#"^\s*(Bis)\s+(.+?)\s*$"#, caseInsensitive: true)

    private static func deadlineLines(in document: Document, labelled: Pattern?, unreadable: inout [UnreadableDeadline]) -> [DeadlineLine] {
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
                    let dates = DateParser.dates(in: value)
                    if !dates.contains(where: { $0.calendarDate != nil }), !value.isEmpty {
                        let reason = dates.isEmpty ? "names no date golint can read" : "is not a calendar date"
                        let column = document.column(of: value, line: lineNumber) ?? document.indentColumn(lineNumber)
                        unreadable.append(UnreadableDeadline(line: lineNumber, column: column, text: value, reason: reason))
                    }
                    result.append(DeadlineLine(line: lineNumber, section: block.section,
                                               label: text.text(match.ranges[1]) ?? "", value: value, dates: dates))
                } else if year, let match = try? until.firstMatch(in: text) {
                    let value = text.text(match.ranges[2]) ?? ""
                    let dates = DateParser.dates(in: value)
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
        let hour, minute: Int?
        let zoneName: String?
        let endOfDay: Bool
    }

    let defaultZone: TimeZone
    private var known: [Key: (date: Date, zone: TimeZone)?] = [:]

    init(defaultZone: TimeZone) { self.defaultZone = defaultZone }

    mutating func instant(of date: WrittenDate) -> (date: Date, zone: TimeZone)? {
        let key = Key(year: date.year, month: date.month, day: date.day, hour: date.hour, minute: date.minute,
                      zoneName: date.zoneName, endOfDay: date.endOfDayWritten)
        if let cached = known[key] { return cached }
        let instant = date.instant(defaultZone: defaultZone)
        known[key] = instant
        return instant
    }
}

/// `**Deadline:** 2026-03-03 EOD`, `Frist: 03.03.2026`, `Bis **2026-03-05**`.
public struct DeadlineLine: Sendable {
    public let line: Int
    public let section: Int
    public let label: String
    public let value: String
    public let dates: [WrittenDate]
}

/// A date that names no existing day or cannot be read, where a deadline was meant.
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

    /// The dates as written, a range joined by an arrow.
    public var value: String { dates.map { String(heading.text[$0.range]) }.joined(separator: " → ") }
}
