import Foundation

/// The moment by which an item must be done, and where the document says so.
public struct Deadline: Sendable, Equatable, Hashable {
    public enum Origin: String, Sendable {
        /// A date on the item itself: `(bis 2026-03-07)`, `due 2026-03-07`.
        case item
        /// A deadline line in the item's section or an enclosing one: `**Deadline:** 2026-03-03 EOD`.
        case section
        /// A date in an enclosing heading: `### T-24h: 2026-03-05 10:00 CET`.
        case heading
    }

    public let instant: Date
    public let timeZone: TimeZone
    public let origin: Origin
    /// The line that states the deadline.
    public let line: Int
    /// The date as written.
    public let written: String

    public var iso8601: String { ISOTime.format(instant, in: timeZone) }

    public func hasPassed(at now: Date) -> Bool { now > instant }
}
