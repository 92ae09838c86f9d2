import Foundation

/// A time relative to the launch moment (T-0): `T-48h`, `T+1h`, `T-60 min`, `T+2d`, `T-1w`, `D-1`,
/// `D+0`, `Day 2` / `Tag 2` (Day 1 is the anchor's day). Hours and minutes count exactly; days and
/// weeks are calendar days in the anchor's zone (`D±N` and `Day N` mean the end of that day).
public struct RelativeTime: Sendable, Equatable {
    public enum Offset: Sendable, Equatable {
        case seconds(Int)
        /// Calendar days at the anchor's time of day.
        case days(Int)
        /// Calendar days, until the end of that day.
        case wholeDays(Int)
    }

    public let offset: Offset
    /// As written: `T+1h`.
    public let text: String
    public let range: Range<String.Index>

    /// Whether this is T-0 itself.
    public var isZero: Bool {
        switch offset {
        case let .seconds(value): return value == 0 && text.uppercased().hasPrefix("T")
        default: return false
        }
    }

    private static let pattern = try! Pattern(
        #"(?<![\p{L}0-9])(?:(?-i:T)\s?([-+±−–])\s?([0-9]{1,4})\s*(min(?:ute)?s?|m|h|hrs?|hours?|std|stunden?|d|days?|tage?n?|w|wks?|weeks?|wochen?)?(?![\p{L}0-9])|(?-i:D)\s?([-+−–])\s?([0-9]{1,3})(?![\p{L}0-9])|(?:day|tag)\s+([-+−–]?[0-9]{1,3})(?![0-9.:]))"#,
        caseInsensitive: true)

    /// The first relative time in `text`.
    public static func first(in text: String) -> RelativeTime? {
        guard text.containsASCIIDigit, let match = try? pattern.firstMatch(in: text) else { return nil }
        func group(_ index: Int) -> String? { text.text(match.ranges[index]) }
        let written = String(text[match.range])
        if let sign = group(1), let amount = group(2).flatMap(Int.init) {
            let signed = (sign == "+" ? 1 : -1) * amount
            let unit = group(3)?.lowercased() ?? (amount == 0 ? "h" : "")
            switch unit.first {
            case "m": return RelativeTime(offset: .seconds(signed * 60), text: written, range: match.range)
            case "h", "s": return RelativeTime(offset: .seconds(signed * 3600), text: written, range: match.range)
            case "d", "t": return RelativeTime(offset: .days(signed), text: written, range: match.range)
            case "w": return RelativeTime(offset: .days(signed * 7), text: written, range: match.range)
            default: return nil
            }
        }
        if let sign = group(4), let amount = group(5).flatMap(Int.init) {
            return RelativeTime(offset: .wholeDays((sign == "+" ? 1 : -1) * amount), text: written, range: match.range)
        }
        if let number = group(6).map({ $0.replacingOccurrences(of: "−", with: "-").replacingOccurrences(of: "–", with: "-") }).flatMap(Int.init) {
            return RelativeTime(offset: .wholeDays(number >= 1 ? number - 1 : number), text: written, range: match.range)
        }
        return nil
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
/// `**Go-Live:** 2026-02-01 00:00 UTC`, or `anchor:` in the configuration.
public struct Anchor: Sendable, Equatable {
    public let instant: Date
    public let timeZone: TimeZone
    /// The line that names it; 0 for the configuration's.
    public let line: Int
    /// The section whose subtree it applies to.
    public let scope: Int
    public let text: String
}
