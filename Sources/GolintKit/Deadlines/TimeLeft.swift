import Foundation

/// Times and spans as people read them in a status: `2026-03-06 10:00 +01:00`, `in 2 d 4 h`, `5 h overdue`.
public enum TimeLeft {
    /// A moment to the minute in its own zone, with the zone's offset.
    public static func moment(_ date: Date, in zone: TimeZone) -> String {
        let iso = ISOTime.format(date, in: zone)
        let day = iso.prefix(10), time = iso.dropFirst(11).prefix(5)
        let offset = iso.dropFirst(19)
        return "\(day) \(time) \(offset == "Z" ? "UTC" : String(offset))"
    }

    /// The span between two moments in its two largest units: `2 d 4 h`, `5 h`, `35 min`.
    public static func span(_ seconds: TimeInterval) -> String {
        let minutes = Int((abs(seconds) / 60).rounded(.down))
        let days = minutes / 1_440, hours = minutes % 1_440 / 60
        if days > 0 { return hours > 0 ? "\(days) d \(hours) h" : "\(days) d" }
        if hours > 0 { return "\(hours) h" }
        return "\(max(minutes % 60, 1)) min"
    }

    /// `7d`, `36h`, `90m` as seconds; nil for anything else (what `--due-within` and
    /// `signoff.emergency-window` take).
    public static func seconds(in span: String) -> TimeInterval? {
        let units: [Character: TimeInterval] = ["d": 86_400, "h": 3_600, "m": 60]
        guard let unit = span.last.flatMap({ units[$0] }), let count = Int(span.dropLast()), count >= 0 else { return nil }
        return TimeInterval(count) * unit
    }

    /// `in 2 d 4 h` before `deadline`, `3 h overdue` after it.
    public static func until(_ deadline: Date, from now: Date, pastWord: String = "overdue") -> String {
        let seconds = deadline.timeIntervalSince(now)
        return seconds >= 0 ? "in \(span(seconds))" : "\(span(seconds)) \(pastWord)"
    }
}
