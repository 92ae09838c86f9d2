import Foundation

/// The moment by which a deliverable must be done, and where the document says so.
public struct Deadline: Sendable, Equatable, Hashable {
    /// Where a deadline comes from, nearest first (JSON `deadlineSource.kind`).
    public enum Origin: String, Sendable {
        /// A date on the deliverable itself: `(bis 2026-03-07)`, `due 2026-03-07`.
        case item
        /// A table row's date column.
        case table
        /// A deadline line in the deliverable's section or an enclosing one: `**Deadline:** 2026-03-03 EOD`.
        case section
        /// A date in an enclosing heading: `### T-24h: 2026-03-05 10:00 CET`.
        case heading
        /// A time relative to the T-0 anchor: `### T+1h`, a `Day 2` column.
        case relative
        /// The document's own deadline line near its top.
        case document
        /// A date in the document's title.
        case title
        /// T-0 itself, for a pre-launch section of an anchored plan that names no deadline.
        case launch
    }

    public let instant: Date
    public let timeZone: TimeZone
    public let origin: Origin
    /// The line that states the deadline.
    public let line: Int
    /// The date (or relative time) as written.
    public let written: String
    /// For a relative deadline: the line of the T-0 anchor it counts from.
    public let anchorLine: Int?

    public init(instant: Date, timeZone: TimeZone, origin: Origin, line: Int, written: String, anchorLine: Int? = nil) {
        self.instant = instant
        self.timeZone = timeZone
        self.origin = origin
        self.line = line
        self.written = written
        self.anchorLine = anchorLine
    }

    public var iso8601: String { ISOTime.format(instant, in: timeZone) }

    public func hasPassed(at now: Date) -> Bool { now > instant }

    /// Where it came from, for messages: `T+1h from T-0 on line 336`.
    public var source: String {
        switch origin {
        case .item: return "'\(written)' on the item"
        case .table: return "date column '\(written)'"
        case .section: return "deadline line \(line)"
        case .heading: return "heading on line \(line)"
        case .relative: return anchorLine.map { $0 > 0 ? "\(written) from T-0 on line \($0)" : "\(written) from the configured anchor" } ?? written
        case .document: return "document deadline on line \(line)"
        case .title: return "title date on line \(line)"
        case .launch: return anchorLine.map { $0 > 0 ? "T-0 on line \($0), for a pre-launch section without a deadline" : "the configured anchor, for a pre-launch section without a deadline" } ?? "T-0"
        }
    }
}

extension DeadlineSource {
    /// Where a deadline was written, as a finding carries it.
    init(_ deadline: Deadline) {
        self.init(kind: deadline.origin.rawValue, line: deadline.line, text: deadline.written, anchorLine: deadline.anchorLine)
    }
}
