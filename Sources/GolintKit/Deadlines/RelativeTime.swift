import Foundation

/// A time relative to the launch moment (T-0): `T-48h`, `T+1h`, `T-60 min`, `T+2d`, `T-1w`, `D-1`,
/// `J-7`, `D+0`, `Day 2` / `Tag 2` / `Día 2` / `Jour 2` (Day 1 is the anchor's day), units in other
/// languages (`T-7 días`, `T-7 jours`, `T-7 Tage`), and ranges that end at their last offset
/// (`T-6 to T-2 days`, `T-72 bis T-48h`: a unit written once applies to both ends). Hours and
/// minutes count exactly; days and weeks are calendar days in the anchor's zone (`D±N` and `Day N`
/// mean the end of that day).
public struct RelativeTime: Sendable, Equatable {
    public enum Offset: Sendable, Equatable {
        case seconds(Int)
        /// Calendar days at the anchor's time of day.
        case days(Int)
        /// Calendar days, until the end of that day.
        case wholeDays(Int)
    }

    public let offset: Offset
    /// As written: `T+1h`, `T-6 to T-2 days`.
    public let text: String
    public let range: Range<String.Index>

    /// Whether this is T-0 itself.
    public var isZero: Bool {
        switch offset {
        case let .seconds(value): return value == 0 && text.uppercased().hasPrefix("T")
        default: return false
        }
    }

    /// Whether the offset counts hours or minutes, which need the anchor's time of day.
    public var needsTimeOfDay: Bool {
        if case let .seconds(value) = offset { return value != 0 }
        return false
    }

    private static let units = #"min(?:ute)?s?|m|h|hrs?|hours?|std|stunden?|horas?|heures?|ore|d|days?|tage?n?|d[ií]as?|jours?|giorni|giorno|w|wks?|weeks?|wochen?|semanas?|semaines?|settimane?"#

    private static let pattern = try! Pattern(
        #"(?<![\p{L}0-9])(?:(?-i:T)\s?([-+±−–])\s?([0-9]{1,4})\s*(\#(units))?(?![\p{L}0-9])|(?-i:[DJ])\s?([-+−–])\s?([0-9]{1,3})(?![\p{L}0-9])|(?:day|tag|d[ií]a|jour|giorno)\s+([-+−–]?[0-9]{1,3})(?![0-9.:]))"#,
        caseInsensitive: true)

    /// What may follow the first end of a range before the second: `T-6 to T-2 days`, `T-72 bis T-48h`, `T-5…T-0`.
    private static let rangeEnd = try! Pattern(
        #"\s*(?:to|bis|till|until|hasta|a|à|al|–|—|-|…|\.\.\.?|→|->)\s*(?:(?-i:T)\s?)?([-+±−–])\s?([0-9]{1,4})\s*(\#(units))?(?![\p{L}0-9])"#,
        caseInsensitive: true, anchored: true)

    /// The first relative time in `text`, as it stands (a range's first end).
    public static func first(in text: String) -> RelativeTime? {
        guard text.containsASCIIDigit, let match = try? pattern.firstMatch(in: text) else { return nil }
        return make(match, in: text, rangeEnd: nil)
    }

    /// The relative time a deadline means: a range's last offset, else the first relative time.
    public static func deadline(in text: String) -> RelativeTime? {
        guard text.containsASCIIDigit, let match = try? pattern.firstMatch(in: text) else { return nil }
        let end = match.ranges[1] != nil ? try? rangeEnd.prefixMatch(in: text, at: match.range.upperBound) : nil
        return make(match, in: text, rangeEnd: end) ?? make(match, in: text, rangeEnd: nil)
    }

    private static func make(_ match: Pattern.Match, in text: String, rangeEnd end: Pattern.Match?) -> RelativeTime? {
        func group(_ index: Int) -> String? { text.text(match.ranges[index]) }
        let range = match.range.lowerBound..<(end?.range.upperBound ?? match.range.upperBound)
        let written = String(text[range]).trimmingCharacters(in: .whitespaces)
        if var sign = group(1), var amount = group(2).flatMap(Int.init) {
            var unit = group(3)?.lowercased()
            if let end {
                // The range's last end is the deadline; a unit written once applies to both ends.
                guard let endSign = text.text(end.ranges[1]), let endAmount = text.text(end.ranges[2]).flatMap(Int.init) else { return nil }
                (sign, amount) = (endSign, endAmount)
                unit = text.text(end.ranges[3])?.lowercased() ?? unit
            }
            let signed = (sign == "+" ? 1 : -1) * amount
            guard let seconds = unitSeconds(unit ?? (amount == 0 ? "h" : "")) else { return nil }
            let offset: Offset = seconds < 86_400 ? .seconds(signed * seconds) : .days(signed * seconds / 86_400)
            return RelativeTime(offset: offset, text: written, range: range)
        }
        guard end == nil else { return nil }
        if let sign = group(4), let amount = group(5).flatMap(Int.init) {
            return RelativeTime(offset: .wholeDays((sign == "+" ? 1 : -1) * amount), text: written, range: range)
        }
        if let number = group(6).map({ $0.replacingOccurrences(of: "−", with: "-").replacingOccurrences(of: "–", with: "-") }).flatMap(Int.init) {
            return RelativeTime(offset: .wholeDays(number >= 1 ? number - 1 : number), text: written, range: range)
        }
        return nil
    }

    /// Seconds per unit: minutes, hours, days, weeks in the languages golint reads; nil for none.
    private static func unitSeconds(_ unit: String) -> Int? {
        if unit.isEmpty { return nil }
        if unit.hasPrefix("min") || unit == "m" { return 60 }
        if unit.hasPrefix("h") || unit.hasPrefix("std") || unit.hasPrefix("stund") || unit == "ore" { return 3600 }
        if unit.hasPrefix("w") || unit.hasPrefix("sem") || unit.hasPrefix("sett") { return 7 * 86_400 }
        return 86_400
    }

    /// The instant this time names for an anchor.
    public func instant(from anchor: Anchor) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = anchor.timeZone
        switch offset {
        case let .seconds(seconds):
            return anchor.instant.addingTimeInterval(TimeInterval(seconds))
        case let .days(days):
            return calendar.date(byAdding: .day, value: days, to: anchor.instant)
        case let .wholeDays(days):
            guard let day = calendar.date(byAdding: .day, value: days, to: anchor.instant) else { return nil }
            let c = calendar.dateComponents([.year, .month, .day], from: day)
            return calendar.date(from: DateComponents(year: c.year, month: c.month, day: c.day, hour: 23, minute: 59, second: 59))
        }
    }
}

/// The launch moment a relative schedule counts from: `### T-0 (2026-03-06 10:00 CET)`,
/// `**Go-Live:** 2026-02-01 00:00 UTC`, `**Launch Date:** 2026-05-01` (a day: its end), or
/// `anchor:` in the configuration.
public struct Anchor: Sendable, Equatable {
    public let instant: Date
    public let timeZone: TimeZone
    /// The line that names it; 0 for the configuration's.
    public let line: Int
    /// The section whose subtree it applies to.
    public let scope: Int
    public let text: String
    /// Written as a day without a time of day: day offsets count from it, hour offsets cannot.
    public var isDayOnly = false
    /// The zone as written on the launch line (`CET`), if any.
    public var writtenZone: String?

    public init(instant: Date, timeZone: TimeZone, line: Int, scope: Int, text: String, isDayOnly: Bool = false, writtenZone: String? = nil) {
        self.instant = instant
        self.timeZone = timeZone
        self.line = line
        self.scope = scope
        self.text = text
        self.isDayOnly = isDayOnly
        self.writtenZone = writtenZone
    }

    /// The same moment, named on `line` for the subtree of `scope`.
    func placed(line: Int, scope: Int) -> Anchor {
        Anchor(instant: instant, timeZone: timeZone, line: line, scope: scope, text: text, isDayOnly: isDayOnly, writtenZone: writtenZone)
    }
}
