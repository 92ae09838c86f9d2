import Foundation

/// A date written in a document, as found: which day (a range's last day), whether a time or
/// zone was given, and whether the day exists at all. A date written without a year (`4. Feb`,
/// `Mar 1–2`, `KW 12`) takes one from the document before it becomes an instant.
public struct WrittenDate: Sendable {
    public let range: Range<String.Index>
    /// Nil when the text names no year.
    public let year: Int?
    public let month: Int
    public let day: Int
    public let hour: Int?
    public let minute: Int?
    public let zoneName: String?
    /// `EOD` was written (a bare date means the end of the day too).
    public let endOfDayWritten: Bool
    /// An ISO week (`KW 12`, `2026-W12`): the date is that week's Sunday.
    public let week: Int?

    /// The date with its year, taken from `inferred` when it was written without one; nil when
    /// neither is known.
    public func dated(inferring inferred: Int?) -> WrittenDate? {
        year == nil ? inferred.map(inYear) : self
    }

    /// The same date in `year`, when it was written without one.
    public func inYear(_ year: Int) -> WrittenDate {
        guard self.year == nil else { return self }
        return WrittenDate(range: range, year: year, month: month, day: day, hour: hour, minute: minute, zoneName: zoneName,
                           endOfDayWritten: endOfDayWritten, week: week)
    }

    /// The day, or nil for a day that does not exist (`2026-02-30`, `31.04.2026`) or a year not known.
    public var calendarDate: CalendarDate? {
        guard let year else { return nil }
        if let week { return CalendarDate.sunday(ofISOWeek: week, in: year) }
        return CalendarDate(year: year, month: month, day: day)
    }

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

/// How `02/05/2026` reads: only with `date-order` in the configuration, since the two orders
/// disagree on most days.
public enum DateOrder: String, Sendable {
    case mdy, dmy
}

/// Finds dates in text: ISO `2026-03-05`, `2026-03-05T10:00`, German `05.03.2026`, `5. März 2026`,
/// `4. Feb`, `24.02.`, English `Mar 5, 2026`, `5 March 2026`, `Mar 1–2`, ISO weeks `KW 12`, `CW 12`,
/// `2026-W12`, and with a `date-order` slash dates; each optionally followed by a time (24-hour or
/// `10:00 PM`), `EOD` and a zone; a range (`Mar 1–2`, `24.02. - 02.03.2026`) is one date, its last day.
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
        // Spanish, French, Italian, Portuguese (short forms that are also common words are left out: set, gen, out, ago).
        ("enero", 1), ("ene", 1), ("febrero", 2), ("marzo", 3), ("abril", 4), ("abr", 4), ("mayo", 5), ("junio", 6), ("julio", 7),
        ("agosto", 8), ("septiembre", 9), ("setiembre", 9), ("octubre", 10), ("noviembre", 11), ("diciembre", 12), ("dic", 12),
        ("janvier", 1), ("janv", 1), ("février", 2), ("fevrier", 2), ("févr", 2), ("mars", 3), ("avril", 4), ("avr", 4), ("juin", 6),
        ("juillet", 7), ("juil", 7), ("août", 8), ("aout", 8), ("septembre", 9), ("octobre", 10), ("novembre", 11),
        ("décembre", 12), ("decembre", 12), ("déc", 12),
        ("gennaio", 1), ("febbraio", 2), ("aprile", 4), ("maggio", 5), ("giugno", 6), ("giu", 6), ("luglio", 7), ("lug", 7),
        ("settembre", 9), ("ottobre", 10), ("ott", 10), ("dicembre", 12),
        ("janeiro", 1), ("fevereiro", 2), ("fev", 2), ("março", 3), ("marco", 3), ("maio", 5), ("junho", 6), ("julho", 7),
        ("setembro", 9), ("outubro", 10), ("novembro", 11), ("dezembro", 12),
    ]
    private static let monthAlternation = months.map(\.0).sorted { $0.count > $1.count }.joined(separator: "|")
    private static let monthNumbers = Dictionary(months, uniquingKeysWith: { first, _ in first })

    private enum Form: CaseIterable {
        case iso, isoWeek, german, japanese, dayMonthName, monthNameDay, slash, calendarWeek, quarter, monthYear, numericMonthYear,
             monthNameDayNoYear, dayMonthNameNoYear, germanNoYear, japaneseNoYear

        /// Capturing groups of the form's pattern.
        var groups: Int {
            switch self {
            case .iso, .german, .japanese, .dayMonthName, .monthNameDay, .slash: return 3
            case .isoWeek, .calendarWeek, .quarter, .monthYear, .numericMonthYear, .monthNameDayNoYear, .dayMonthNameNoYear, .germanNoYear,
                 .japaneseNoYear: return 2
            }
        }

        /// The form is written with a month's name.
        var namesMonth: Bool {
            switch self {
            case .dayMonthName, .monthNameDay, .monthYear, .monthNameDayNoYear, .dayMonthNameNoYear: return true
            default: return false
            }
        }

        /// A month or quarter without a day means its last day.
        var endsPeriod: Bool { self == .quarter || self == .monthYear || self == .numericMonthYear }
    }

    /// The forms as one alternation, so that a text is scanned once; forms with a year come before
    /// the same forms without one.
    private static let formSources: [Form: String] = [
        // A letter may follow only as ISO's "T" before a time.
        .iso: #"(?<![0-9\p{L}])([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?![0-9])(?!(?!T[0-9])\p{L})"#,
        .isoWeek: #"(?<![0-9\p{L}])([0-9]{4})-?W([0-9]{1,2})(?![0-9])"#,
        .german: #"(?<![0-9.])([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})(?![0-9])"#,
        .japanese: #"([0-9]{4})\s*年\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日"#,
        .dayMonthName: #"(?<![0-9.])([0-9]{1,2})(?:\.|º|er)?\s+(?:de\s+)?(\#(monthAlternation))\.?,?\s+(?:de\s+|del\s+)?([0-9]{4})(?![0-9])"#,
        .monthNameDay: #"(?<!\p{L})(\#(monthAlternation))\.?\s+([0-9]{1,2})(?:st|nd|rd|th)?,?\s+([0-9]{4})(?![0-9])"#,
        .slash: #"(?<![0-9/])([0-9]{1,2})/([0-9]{1,2})/((?:[0-9]{2}){1,2})(?![0-9/])"#,
        .calendarWeek: #"(?<!\p{L})(?-i:KW|CW)\s?([0-9]{1,2})(?:\s*[/,]?\s*([0-9]{4}))?(?![0-9])"#,
        .quarter: #"(?<![\p{L}0-9])(?-i:Q)([1-4])\s*[/-]?\s*([0-9]{4})(?![0-9])"#,
        .monthYear: #"(?<![\p{L}0-9.])(\#(monthAlternation))\.?\s+(?:de\s+|del\s+)?([0-9]{4})(?![0-9])"#,
        .numericMonthYear: #"(?<![0-9/.])(0?[1-9]|1[0-2])/([0-9]{4})(?![0-9/])"#,
        .monthNameDayNoYear: #"(?<!\p{L})(\#(monthAlternation))\.?\s+([0-9]{1,2})(?:st|nd|rd|th)?(?![0-9])"#,
        .dayMonthNameNoYear: #"(?<![0-9.])([0-9]{1,2})\.?\s+(\#(monthAlternation))\.?(?!\p{L})"#,
        .germanNoYear: #"(?<![0-9.])([0-9]{2})\.([0-9]{2})\.(?![0-9])"#,
        .japaneseNoYear: #"(?<![0-9年])([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日"#,
    ]
    /// The alternation of every form; without month names, the forms that need one never match
    /// (their groups stay, so that group numbers are the same in both).
    private static func formsSource(monthNames: Bool) -> String {
        Form.allCases.map { form in
            monthNames || !form.namesMonth ? "(?:\(formSources[form]!))" : "(?:(?!)" + String(repeating: "()", count: form.groups) + ")"
        }.joined(separator: "|")
    }
    private static let forms = try! Pattern(formsSource(monthNames: true), caseInsensitive: true)
    private static let formsHere = try! Pattern(formsSource(monthNames: true), caseInsensitive: true, anchored: true)
    private static let numericForms = try! Pattern(formsSource(monthNames: false), caseInsensitive: true)
    private static let numericFormsHere = try! Pattern(formsSource(monthNames: false), caseInsensitive: true, anchored: true)

    /// The first three letters of every month name that starts with three ASCII letters.
    private static let monthStarts = WordStarts(months.map(\.0).filter { name in
        name.utf8.count >= 3 && name.utf8.prefix(3).allSatisfy { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }
    })!

    /// A screen on the bytes: whether a word of the text may be a month's name (a word that starts
    /// like one, or any letter outside ASCII). Most texts name none, and the month names of six
    /// languages are the costly part of the alternation.
    static func mayNameMonth<Text: StringProtocol>(_ text: Text) -> Bool {
        text.withUTF8Bytes { mayNameMonth($0) }
    }

    private static func mayNameMonth(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.contains { $0 >= 0xC0 } || monthStarts.mayMatch(bytes)
    }

    /// The first group of each form in the alternation.
    private static let groupOffsets: [Int] = Form.allCases.reduce(into: [Int]()) { offsets, form in
        offsets.append((offsets.last.map { $0 + Form.allCases[offsets.count - 1].groups } ?? 1))
    }

    static let zoneAbbreviations = "UTC|GMT|CEST|CET|MESZ|MEZ|EEST|EET|WET|BST|MSK|IST|JST|AEST|AEDT|EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|CT|MT|PT"

    /// What may follow a date: a time (`10:00`, `10:00 PM`, `10 pm`), `EOD`, a zone (in parentheses or not).
    private static let tail = try! Pattern(
        #"(?:(?:T|,?\s+(?:um\s+|at\s+|@\s*)?)(?:([0-9]{1,2}):([0-9]{2})(?::[0-9]{2})?(?:\s*([ap])\.?\s?m\.?(?!\p{L}))?|([0-9]{1,2})\s*([ap])\.?\s?m\.?(?!\p{L}))(?:\s*Uhr)?)?(\s*(?:EOD|COB|end of day|Tagesende)\b)?(?:\s*\(?((?-i:\#(zoneAbbreviations)|Z)|[+-][0-9]{2}:?[0-9]{2}|(?:Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc)/[A-Za-z_]+(?:/[A-Za-z_]+)?)(?![\p{L}/])\)?)?"#,
        caseInsensitive: true, anchored: true)

    /// A range's second half: `–2`, ` - 02.03.2026`, ` → 2026-03-06`, ` bis 5. März`.
    private static let rangeSeparator = try! Pattern(#"\s*(?:–|—|-|→|->|bis|to|until)\s*"#, caseInsensitive: true, anchored: true)
    private static let rangeEndDay = try! Pattern(#"([0-9]{1,2})(?:st|nd|rd|th|\.)?(?![0-9.:/])"#, anchored: true)

    /// Every date in `text`, left to right; overlapping forms keep the earliest, longest match.
    /// Slash dates are read only in the given `order`.
    public static func dates(in text: String, order: DateOrder? = nil) -> [WrittenDate] {
        guard text.containsASCIIDigit else { return [] }
        var result: [WrittenDate] = []
        let pattern = mayNameMonth(text) ? forms : numericForms
        for match in (try? pattern.matches(in: text)) ?? [] {
            guard !(result.last.map { $0.range.upperBound > match.range.lowerBound } ?? false),
                  let date = makeDate(match, in: text, order: order) else { continue }
            result.append(date)
        }
        return result
    }

    /// The date that starts exactly at `position`, if one does.
    public static func date(at position: String.Index, in text: String, order: DateOrder? = nil) -> WrittenDate? {
        // A date at `position` names its month within its first few words (`30 de setembro de`).
        let start = text.utf8.distance(from: text.startIndex, to: position)
        let namesMonth = text.withUTF8Bytes { bytes in
            mayNameMonth(UnsafeBufferPointer(rebasing: bytes[min(start, bytes.count)..<min(start + 24, bytes.count)]))
        }
        let pattern = namesMonth ? formsHere : numericFormsHere
        return (try? pattern.prefixMatch(in: text, at: position)).flatMap { makeDate($0, in: text, order: order) }
    }

    /// Which alternative matched (the one whose first group took part), read as a date.
    private static func makeDate(_ match: Pattern.Match, in text: String, order: DateOrder?) -> WrittenDate? {
        guard let index = Form.allCases.indices.first(where: { match.ranges[groupOffsets[$0]] != nil }) else { return nil }
        let form = Form.allCases[index]
        let groups = (0..<form.groups).map { text.text(match.ranges[groupOffsets[index] + $0]) ?? "" }
        var year: Int?, month: Int?, day: Int?, week: Int?
        switch form {
        case .iso: (year, month, day) = (Int(groups[0]), Int(groups[1]), Int(groups[2]))
        case .isoWeek: (year, week, month, day) = (Int(groups[0]), Int(groups[1]), 1, 1)
        case .german: (year, month, day) = (Int(groups[2]), Int(groups[1]), Int(groups[0]))
        case .japanese: (year, month, day) = (Int(groups[0]), Int(groups[1]), Int(groups[2]))
        case .japaneseNoYear: (month, day) = (Int(groups[0]), Int(groups[1]))
        case .quarter: (year, month) = (Int(groups[1]), Int(groups[0]).map { $0 * 3 })
        case .monthYear: (year, month) = (Int(groups[1]), monthNumbers[groups[0].lowercased()])
        case .numericMonthYear: (year, month) = (Int(groups[1]), Int(groups[0]))
        case .dayMonthName: (year, month, day) = (Int(groups[2]), monthNumbers[groups[1].lowercased()], Int(groups[0]))
        case .monthNameDay: (year, month, day) = (Int(groups[2]), monthNumbers[groups[0].lowercased()], Int(groups[1]))
        case .slash:
            guard let order else { return nil }
            let (first, second) = (Int(groups[0]), Int(groups[1]))
            // `dd/mm/yy`: a two-digit year is this century's.
            let written = Int(groups[2]).map { groups[2].count == 2 ? 2000 + $0 : $0 }
            (year, month, day) = (written, order == .mdy ? first : second, order == .mdy ? second : first)
        case .calendarWeek: (year, week, month, day) = (Int(groups[1]), Int(groups[0]), 1, 1)
        case .monthNameDayNoYear: (month, day) = (monthNumbers[groups[0].lowercased()], Int(groups[1]))
        case .dayMonthNameNoYear: (month, day) = (monthNumbers[groups[1].lowercased()], Int(groups[0]))
        case .germanNoYear: (month, day) = (Int(groups[1]), Int(groups[0]))
        }
        if form.endsPeriod, let year, let month, (1...12).contains(month) { day = CalendarDate.days(inMonth: month, year: year) }
        guard let month, let day else { return nil }
        if let week, !(1...53).contains(week) { return nil }
        var end = match.range.upperBound
        var last = (year: year, month: month, day: day, week: week)
        // A range ends at its last day: "Mar 1–2" (same month), "24.02. - 02.03.2026", "2026-03-01 → 2026-03-06".
        if !form.endsPeriod, let separator = try? rangeSeparator.prefixMatch(in: text, at: end), separator.range.upperBound < text.endIndex {
            if let other = date(at: separator.range.upperBound, in: text, order: order) {
                last = (other.year ?? year, other.month, other.day, other.week)
                end = other.range.upperBound
            } else if week == nil, form != .iso, form != .slash,
                      let next = try? rangeEndDay.prefixMatch(in: text, at: separator.range.upperBound),
                      let endDay = text.text(next.ranges[1]).flatMap(Int.init), endDay > day {
                last.day = endDay
                end = next.range.upperBound
            }
        }
        var hour: Int?, minute: Int?, zone: String?, endOfDay = false
        if last.week == nil, !form.endsPeriod, let extra = try? tail.prefixMatch(in: text, at: end), !extra.range.isEmpty {
            if let written = text.text(extra.ranges[1]).flatMap(Int.init) {
                hour = written
                minute = text.text(extra.ranges[2]).flatMap(Int.init)
                if let meridiem = text.text(extra.ranges[3]) { hour = twentyFourHour(written, meridiem) }
            } else if let written = text.text(extra.ranges[4]).flatMap(Int.init), let meridiem = text.text(extra.ranges[5]) {
                (hour, minute) = (twentyFourHour(written, meridiem), 0)
            }
            endOfDay = extra.ranges[6] != nil
            zone = text.text(extra.ranges[7])
            end = extra.range.upperBound
        }
        if let hour, hour > 23 { return nil }
        if let minute, minute > 59 { return nil }
        return WrittenDate(range: match.range.lowerBound..<end, year: last.year, month: last.month, day: last.day,
                           hour: hour, minute: minute, zoneName: zone, endOfDayWritten: endOfDay, week: last.week)
    }

    /// `12 AM` is midnight, `12 PM` noon.
    private static func twentyFourHour(_ hour: Int, _ meridiem: String) -> Int {
        guard (1...12).contains(hour) else { return 99 }
        let pm = meridiem.lowercased() == "p"
        return hour == 12 ? (pm ? 12 : 0) : (pm ? hour + 12 : hour)
    }
}
