import Foundation

/// A time of day in a heading with no date: `### Warm-up (10:00–11:00)` ends at 11:00, `### Launch
/// Complete (12:00)` is at 12:00, `### End of Day` at its last second. Below a T-0 anchor it is on
/// the anchor's day.
struct ClockTime {
    let hour: Int
    let minute: Int
    let second: Int
    /// As written: `10:00–11:00`.
    let text: String

    private static let pattern = try! Pattern(
        #"(?<![0-9:.])([01]?[0-9]|2[0-3])[:.h]([0-5][0-9])(?:\s*(?:Uhr|h))?(?:\s*(?:-|–|—|to|bis|until|→)\s*([01]?[0-9]|2[0-4])[:.h]([0-5][0-9]))?(?![0-9:%])|(?<!\p{L})(?:end\s+of\s+(?:the\s+)?day|EOD|Tagesende|fin\s+de\s+(?:la\s+)?journ[ée]e|fin\s+del\s+d[ií]a)(?!\p{L})"#,
        caseInsensitive: true)

    /// The time a heading's window ends at, if it names one.
    static func last(in text: String) -> ClockTime? {
        guard let match = try? pattern.firstMatch(in: text) else { return nil }
        let written = String(text[match.range])
        guard let startHour = text.text(match.ranges[1]).flatMap(Int.init), let startMinute = text.text(match.ranges[2]).flatMap(Int.init) else {
            return ClockTime(hour: 23, minute: 59, second: 59, text: written)
        }
        if let endHour = text.text(match.ranges[3]).flatMap(Int.init), let endMinute = text.text(match.ranges[4]).flatMap(Int.init) {
            // `18:00–24:00` ends with the day.
            return endHour == 24 ? ClockTime(hour: 23, minute: 59, second: 59, text: written) : ClockTime(hour: endHour, minute: endMinute, second: 0, text: written)
        }
        return ClockTime(hour: startHour, minute: startMinute, second: 0, text: written)
    }
}
