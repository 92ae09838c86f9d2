import Foundation

public enum TimeZones {
    public static let utc = TimeZone(identifier: "UTC")!

    /// A zone as written in a document: `UTC`, `CET`, `+01:00`, `Europe/Berlin`.
    ///
    /// `CET` and `CEST` are the fixed offsets their names define (+01:00, +02:00), as `date(1)` reads
    /// them; a document that means "Berlin time, whatever the season" names `Europe/Berlin`.
    public static func named(_ name: String) -> TimeZone? {
        if let fixed = abbreviations[name.uppercased()] { return fixed }
        if let offset = offsetSeconds(name) { return TimeZone(secondsFromGMT: offset) }
        return name.contains("/") ? TimeZone(identifier: name) : nil
    }

    /// Zone abbreviations as the offsets their names define (as `date(1)` reads them); `ET`, `CT`,
    /// `MT`, `PT` name a region's time and follow its daylight saving; `IST` is India's.
    private static let abbreviations: [String: TimeZone] = {
        var zones: [String: TimeZone] = ["UTC": utc, "GMT": utc, "Z": utc]
        let hours: [String: Double] = [
            "CET": 1, "MEZ": 1, "CEST": 2, "MESZ": 2, "EET": 2, "EEST": 3, "WET": 0, "BST": 1, "MSK": 3, "IST": 5.5, "JST": 9,
            "AEST": 10, "AEDT": 11, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
        ]
        for (name, offset) in hours { zones[name] = TimeZone(secondsFromGMT: Int(offset * 3600)) }
        for (name, region) in ["ET": "America/New_York", "CT": "America/Chicago", "MT": "America/Denver", "PT": "America/Los_Angeles"] {
            zones[name] = TimeZone(identifier: region)
        }
        return zones
    }()

    /// The region whose time an abbreviation names (`CET` → Europe/Berlin), for a document's
    /// zone-less dates: the region's summer time follows, where a date written with `CET` is +01:00.
    public static func region(ofAbbreviation name: String) -> TimeZone? {
        if let region = regions[name.uppercased()] { return TimeZone(identifier: region) }
        return named(name)
    }

    private static let regions: [String: String] = [
        "CET": "Europe/Berlin", "CEST": "Europe/Berlin", "MEZ": "Europe/Berlin", "MESZ": "Europe/Berlin",
        "EET": "Europe/Athens", "EEST": "Europe/Athens", "WET": "Europe/Lisbon", "BST": "Europe/London", "MSK": "Europe/Moscow",
        "IST": "Asia/Kolkata", "JST": "Asia/Tokyo", "AEST": "Australia/Sydney", "AEDT": "Australia/Sydney",
        "EST": "America/New_York", "EDT": "America/New_York", "CST": "America/Chicago", "CDT": "America/Chicago",
        "MST": "America/Denver", "MDT": "America/Denver", "PST": "America/Los_Angeles", "PDT": "America/Los_Angeles",
    ]

    /// `+01:00`, `+0100`, `-05` as seconds east of UTC.
    static func offsetSeconds(_ text: String) -> Int? {
        guard let sign = text.first, sign == "+" || sign == "-" else { return nil }
        let digits = text.dropFirst().filter { $0 != ":" }
        guard digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber), digits.count == 2 || digits.count == 4,
              let hours = Int(digits.prefix(2)), let minutes = Int(digits.dropFirst(2).isEmpty ? "0" : String(digits.dropFirst(2))),
              hours <= 14, minutes < 60
        else { return nil }
        return (sign == "-" ? -1 : 1) * (hours * 3600 + minutes * 60)
    }
}

/// ISO 8601 for output and for `--now`, in a given zone with its offset (`2026-03-05T23:59:59+01:00`).
public enum ISOTime {
    /// The wall-clock time at the zone's offset, by arithmetic on the proleptic Gregorian calendar
    /// (Foundation's Calendar costs microseconds a call; reports format a time per finding and event).
    public static func format(_ date: Date, in zone: TimeZone) -> String {
        let offset = zone.secondsFromGMT(for: date)
        let local = Int((date.timeIntervalSince1970).rounded(.down)) + offset
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let seconds = local - days * 86_400
        let (year, month, day) = civil(fromDaysSince1970: days)
        // Digits written into the string's own storage: string interpolation cost more than the
        // arithmetic, and reports format a time per finding. A year outside 0…9999 as `pad` writes it.
        let yearText = (0...9999).contains(year) ? nil : pad(year, 4)
        return String(unsafeUninitializedCapacity: 32 + (yearText?.utf8.count ?? 0)) { buffer in
            var end = 0
            func put(_ value: Int, width: Int = 2) {
                var rest = value
                for position in stride(from: end + width - 1, through: end, by: -1) {
                    buffer[position] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
                end += width
            }
            func put(_ character: Unicode.Scalar) {
                buffer[end] = UInt8(ascii: character)
                end += 1
            }
            if let yearText {
                for byte in yearText.utf8 { buffer[end] = byte; end += 1 }
            } else {
                put(year, width: 4)
            }
            put("-"); put(month); put("-"); put(day); put("T")
            put(seconds / 3600); put(":"); put(seconds % 3600 / 60); put(":"); put(seconds % 60)
            if offset == 0 {
                put("Z")
            } else {
                put(offset < 0 ? "-" : "+"); put(abs(offset) / 3600); put(":"); put(abs(offset) % 3600 / 60)
            }
            return end
        }
    }

    /// Year, month and day of a day count from 1970-01-01 (H. Hinnant's civil_from_days).
    static func civil(fromDaysSince1970 days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Reads `2026-03-06`, `2026-03-06T12:00`, `2026-03-06T12:00:30+01:00`, `…Z`. A missing zone means `zone`.
    public static func parse(_ text: String, defaultZone zone: TimeZone = TimeZones.utc) -> (date: Date, zone: TimeZone)? {
        guard let match = try? isoPattern.firstMatch(in: text),
              let year = Int(text.text(match.ranges[1])!), let month = Int(text.text(match.ranges[2])!),
              let day = Int(text.text(match.ranges[3])!)
        else { return nil }
        let hour = text.text(match.ranges[4]).flatMap(Int.init) ?? 0
        let minute = text.text(match.ranges[5]).flatMap(Int.init) ?? 0
        let second = text.text(match.ranges[6]).flatMap(Int.init) ?? 0
        // An offset that names no zone (`+25:00`) or a clock past its day is no time, not UTC.
        let written = text.text(match.ranges[7])
        guard hour <= 23, minute <= 59, second <= 60, written == nil || written.flatMap(TimeZones.named) != nil else { return nil }
        let resolvedZone = written.flatMap(TimeZones.named) ?? zone
        guard let date = CalendarDate(year: year, month: month, day: day)?
            .instant(hour: hour, minute: minute, second: second, in: resolvedZone)
        else { return nil }
        return (date, resolvedZone)
    }

    private static let isoPattern = try! Pattern(
        #"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$"#)

    /// `2026-03-05`.
    public static func day(_ date: CalendarDate) -> String { "\(pad(date.year, 4))-\(pad(date.month))-\(pad(date.day))" }

    private static func pad(_ value: Int, _ width: Int = 2) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}

/// A day on the Gregorian calendar that exists (no 2026-02-30).
public struct CalendarDate: Hashable, Sendable {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), year >= 1, day >= 1, day <= CalendarDate.days(inMonth: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The Sunday that ends ISO week `week` of `year` (week 1 holds January 4th), or nil when the
    /// year has no such week.
    static func sunday(ofISOWeek week: Int, in year: Int) -> CalendarDate? {
        guard let january4 = CalendarDate(year: year, month: 1, day: 4) else { return nil }
        let weekday = january4.isoWeekday
        let weeks = (CalendarDate(year: year, month: 12, day: 28)?.dayOfYear ?? 0) / 7 + 1
        guard (1...max(52, min(53, weeks))).contains(week) else { return nil }
        return CalendarDate(year: year, month: 1, day: 1)?.adding(days: 3 - (weekday - 1) + (week - 1) * 7 + 6)
    }

    /// Monday 1 … Sunday 7.
    var isoWeekday: Int {
        // Zeller-style count from a known Monday (0001-01-01 was a Monday in the proleptic Gregorian calendar).
        let y = year - 1
        let days = y * 365 + y / 4 - y / 100 + y / 400 + dayOfYear - 1
        return days % 7 + 1
    }

    var dayOfYear: Int {
        (1..<month).reduce(day) { $0 + CalendarDate.days(inMonth: $1, year: year) }
    }

    /// The day `days` calendar days later (or earlier).
    public func adding(days: Int) -> CalendarDate? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZones.utc
        guard let start = calendar.date(from: DateComponents(year: year, month: month, day: day, hour: 12)),
              let moved = calendar.date(byAdding: .day, value: days, to: start) else { return nil }
        let c = calendar.dateComponents([.year, .month, .day], from: moved)
        return CalendarDate(year: c.year!, month: c.month!, day: c.day!)
    }

    /// The instant of a wall-clock time on this day in a zone (DST-aware for named zones).
    public func instant(hour: Int, minute: Int, second: Int, in zone: TimeZone) -> Date? {
        guard (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second))
    }
}
