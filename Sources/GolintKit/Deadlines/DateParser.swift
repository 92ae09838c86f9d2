import Foundation

/// A date written in a document, as found: which day, whether a time or zone was given, and
/// whether the day exists at all.
public struct WrittenDate: Sendable {
    public let range: Range<String.Index>
    public let year: Int
    public let month: Int
    public let day: Int
    public let hour: Int?
    public let minute: Int?
    public let zoneName: String?
    /// `EOD` was written (a bare date means the end of the day too).
    public let endOfDayWritten: Bool

    /// The day, or nil for a day that does not exist (`2026-02-30`, `31.04.2026`).
    public var calendarDate: CalendarDate? { CalendarDate(year: year, month: month, day: day) }

    /// The moment this date stands for: its time, or the last second of the day; in its own zone,
    /// else `defaultZone`.
    public func instant(defaultZone: TimeZone) -> (date: Date, zone: TimeZone)? {
        guard let day = calendarDate else { return nil }
        let zone = zoneName.flatMap(TimeZones.named) ?? defaultZone
        let date: Date?
        if let hour, let minute, !endOfDayWritten {
            date = day.instant(hour: hour, minute: minute, second: 0, in: zone)
        } else {
            date = day.instant(hour: 23, minute: 59, second: 59, in: zone)
        }
        return date.map { ($0, zone) }
    }
}

/// Finds dates in text: ISO `2026-03-05`, `2026-03-05 10:00`, German `05.03.2026`, `5. März 2026`,
/// English `Mar 5, 2026`, `5 March 2026`; each optionally followed by a time, `EOD` and a zone.
public enum DateParser {
    private static let months: [(String, Int)] = [
        ("januar", 1), ("jänner", 1), ("january", 1), ("jan", 1),
        ("februar", 2), ("february", 2), ("feb", 2),
        ("märz", 3), ("maerz", 3), ("march", 3), ("mär", 3), ("mrz", 3), ("mar", 3),
        ("april", 4), ("apr", 4),
        ("mai", 5), ("may", 5),
        ("juni", 6), ("june", 6), ("jun", 6),
        ("juli", 7), ("july", 7), ("jul", 7),
        ("august", 8), ("aug", 8),
        ("september", 9), ("sept", 9), ("sep", 9),
        ("oktober", 10), ("october", 10), ("okt", 10), ("oct", 10),
        ("november", 11), ("nov", 11),
        ("dezember", 12), ("december", 12), ("dez", 12), ("dec", 12),
    ]
    private static let monthAlternation = months.map(\.0).sorted { $0.count > $1.count }.joined(separator: "|")
    private static let monthNumbers = Dictionary(months, uniquingKeysWith: { first, _ in first })

    private enum Form: CaseIterable { case iso, german, dayMonthName, monthNameDay }

    /// The four forms as one alternation, three groups each, so that a text is scanned once.
    private static let formsSource = [
        // A letter may follow only as ISO's "T" before a time.
        #"(?<![0-9\p{L}])([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?![0-9])(?!(?!T[0-9])\p{L})"#,
        #"(?<![0-9.])([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})(?![0-9])"#,
        #"(?<![0-9.])([0-9]{1,2})\.?\s+(\#(monthAlternation))\.?\s+([0-9]{4})(?![0-9])"#,
        #"(?<!\p{L})(\#(monthAlternation))\.?\s+([0-9]{1,2})(?:st|nd|rd|th)?,?\s+([0-9]{4})(?![0-9])"#,
    ].map { "(?:\($0))" }.joined(separator: "|")
    private static let forms = try! Pattern(formsSource, caseInsensitive: true)
    private static let formsHere = try! Pattern(formsSource, caseInsensitive: true, anchored: true)

    /// What may follow a date: a time, `EOD`, a zone (in parentheses or not).
    private static let tail = try! Pattern(
        #"(?:(?:T|,?\s+(?:um\s+|at\s+)?)([0-9]{1,2}):([0-9]{2})(?::[0-9]{2})?(?:\s*Uhr)?)?(\s*(?:EOD|end of day|Tagesende)\b)?(?:\s*\(?(UTC|GMT|CET|CEST|MEZ|MESZ|Z|[+-][0-9]{2}:?[0-9]{2}|(?:Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc)/[A-Za-z_]+(?:/[A-Za-z_]+)?)\b\)?)?"#,
        caseInsensitive: true, anchored: true)

    /// Every date in `text`, left to right; overlapping forms keep the earliest, longest match.
    public static func dates(in text: String) -> [WrittenDate] {
        guard text.containsFourDigitRun else { return [] }
        var result: [WrittenDate] = []
        for match in (try? forms.matches(in: text)) ?? [] {
            guard let date = makeDate(match, in: text), !(result.last.map { $0.range.overlaps(date.range) } ?? false) else { continue }
            result.append(date)
        }
        return result
    }

    /// The date that starts exactly at `position`, if one does.
    public static func date(at position: String.Index, in text: String) -> WrittenDate? {
        (try? formsHere.prefixMatch(in: text, at: position)).flatMap { makeDate($0, in: text) }
    }

    /// Which alternative matched (the one whose first group took part), read as a date.
    private static func makeDate(_ match: Pattern.Match, in text: String) -> WrittenDate? {
        guard let index = Form.allCases.indices.first(where: { match.ranges[1 + 3 * $0] != nil }) else { return nil }
        return makeDate(Form.allCases[index], match, groupOffset: 3 * index, in: text)
    }

    private static func makeDate(_ form: Form, _ match: Pattern.Match, groupOffset: Int, in text: String) -> WrittenDate? {
        let groups = (1...3).map { text.text(match.ranges[groupOffset + $0]) ?? "" }
        let year: Int?, month: Int?, day: Int?
        switch form {
        case .iso: (year, month, day) = (Int(groups[0]), Int(groups[1]), Int(groups[2]))
        case .german: (year, month, day) = (Int(groups[2]), Int(groups[1]), Int(groups[0]))
        case .dayMonthName: (year, month, day) = (Int(groups[2]), monthNumbers[groups[1].lowercased()], Int(groups[0]))
        case .monthNameDay: (year, month, day) = (Int(groups[2]), monthNumbers[groups[0].lowercased()], Int(groups[1]))
        }
        guard let year, let month, let day else { return nil }
        var end = match.range.upperBound
        var hour: Int?, minute: Int?, zone: String?, endOfDay = false
        if let extra = try? tail.prefixMatch(in: text, at: end), !extra.range.isEmpty {
            hour = text.text(extra.ranges[1]).flatMap(Int.init)
            minute = text.text(extra.ranges[2]).flatMap(Int.init)
            endOfDay = extra.ranges[3] != nil
            zone = text.text(extra.ranges[4])
            end = extra.range.upperBound
        }
        return WrittenDate(range: match.range.lowerBound..<end, year: year, month: month, day: day,
                           hour: hour, minute: minute, zoneName: zone, endOfDayWritten: endOfDay)
    }
}
