import Foundation
import GolintKit
import XCTest

final class DateParserTests: XCTestCase {
    private let berlin = TimeZone(identifier: "Europe/Berlin")!

    /// Reads the first date in `text` and returns its instant as ISO 8601 in UTC.
    private func instant(_ text: String, zone: TimeZone = TimeZones.utc) -> String? {
        guard let date = DateParser.dates(in: text).first, let instant = date.instant(defaultZone: zone) else { return nil }
        return ISOTime.format(instant.date, in: TimeZones.utc)
    }

    /// The arithmetic formatter writes what Foundation's calendar reads off the same instant.
    func testISOFormatAgreesWithTheCalendar() throws {
        let zones = ["UTC", "Europe/Berlin", "America/Los_Angeles", "Asia/Kolkata", "Australia/Lord_Howe", "Pacific/Kiritimati"]
            .compactMap(TimeZone.init(identifier:)) + [TimeZone(secondsFromGMT: -34_200)!]
        var generator = SystemRandomNumberGenerator()
        let instants = [-86_400.5, -1, 0, 951_782_400, 1_772_787_599.9, 4_107_542_400] + (0..<400).map { _ in
            Double(Int.random(in: -2_208_988_800...4_102_444_800, using: &generator))
        }
        for zone in zones {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            for seconds in instants {
                let date = Date(timeIntervalSince1970: seconds)
                let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
                let expected = String(format: "%04d-%02d-%02dT%02d:%02d:%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
                XCTAssertEqual(String(ISOTime.format(date, in: zone).prefix(19)), expected, "\(seconds) in \(zone.identifier)")
            }
        }
    }

    func testDateFormsTable() {
        let table: [(String, String?)] = [
            ("2026-03-05", "2026-03-05T23:59:59Z"),
            ("2026-03-05 10:00", "2026-03-05T10:00:00Z"),
            ("2026-03-05T10:00", "2026-03-05T10:00:00Z"),
            ("2026-03-05 EOD", "2026-03-05T23:59:59Z"),
            ("2026-03-05 10:00 EOD", "2026-03-05T23:59:59Z"),
            ("05.03.2026", "2026-03-05T23:59:59Z"),
            ("5.3.2026", "2026-03-05T23:59:59Z"),
            ("05.03.2026 14:30 Uhr", "2026-03-05T14:30:00Z"),
            ("5. März 2026", "2026-03-05T23:59:59Z"),
            ("5 März 2026", "2026-03-05T23:59:59Z"),
            ("5. Maerz 2026", "2026-03-05T23:59:59Z"),
            ("12. Dezember 2026", "2026-12-12T23:59:59Z"),
            ("Mar 5, 2026", "2026-03-05T23:59:59Z"),
            ("March 5, 2026", "2026-03-05T23:59:59Z"),
            ("March 5th, 2026", "2026-03-05T23:59:59Z"),
            ("5 March 2026", "2026-03-05T23:59:59Z"),
            ("5 Mar 2026 09:15 UTC", "2026-03-05T09:15:00Z"),
            ("2026-03-05 10:00 CET", "2026-03-05T09:00:00Z"),
            ("2026-03-05 10:00 CEST", "2026-03-05T08:00:00Z"),
            ("2026-03-05 10:00 UTC", "2026-03-05T10:00:00Z"),
            ("2026-03-05 10:00 +05:30", "2026-03-05T04:30:00Z"),
            ("2026-03-05 10:00 (Europe/Berlin)", "2026-03-05T09:00:00Z"),
            ("2026-03-05 EOD (Europe/Berlin)", "2026-03-05T22:59:59Z"),
            ("2026-02-30", nil),
            ("31.04.2026", nil),
            ("2028-02-29", "2028-02-29T23:59:59Z"),
            ("2026-02-29", nil),
            ("next Tuesday", nil),
            ("2026-03-XX", nil),
        ]
        for (text, expected) in table {
            XCTAssertEqual(instant(text), expected, text)
        }
    }

    func testDatesInsideProseAndMarkup() {
        XCTAssertEqual(DateParser.dates(in: "Bis 2026-03-05, Deploy: 06.03.2026").map { "\($0.year ?? 0)-\($0.month)-\($0.day)" },
                       ["2026-3-5", "2026-3-6"])
        XCTAssertTrue(DateParser.dates(in: "v1.2.3 und 1234-5678 und 12.34").isEmpty)
        XCTAssertEqual(DateParser.dates(in: "rc-2026-03-01").count, 1)
    }

    func testNamedZoneIsDSTAware() {
        // Europe/Berlin is +01:00 in winter and +02:00 in summer; CET stays +01:00 all year.
        XCTAssertEqual(instant("2026-01-15 10:00", zone: berlin), "2026-01-15T09:00:00Z")
        XCTAssertEqual(instant("2026-07-15 10:00", zone: berlin), "2026-07-15T08:00:00Z")
        XCTAssertEqual(instant("2026-07-15 10:00 CET", zone: berlin), "2026-07-15T09:00:00Z")
        XCTAssertEqual(instant("2026-07-15 10:00 CEST"), "2026-07-15T08:00:00Z")
    }

    func testDSTTransitionDays() {
        // 2026-03-29: Berlin clocks jump 02:00 → 03:00. 01:59 is CET, 03:00 is CEST.
        XCTAssertEqual(instant("2026-03-29 01:59", zone: berlin), "2026-03-29T00:59:00Z")
        XCTAssertEqual(instant("2026-03-29 03:00", zone: berlin), "2026-03-29T01:00:00Z")
        // End of that (23-hour) day is 23:59:59 CEST.
        XCTAssertEqual(instant("2026-03-29", zone: berlin), "2026-03-29T21:59:59Z")
        // 2026-10-25: clocks fall back 03:00 → 02:00; the day is 25 hours long, it ends at 23:59:59 CET.
        XCTAssertEqual(instant("2026-10-25", zone: berlin), "2026-10-25T22:59:59Z")
        XCTAssertEqual(instant("2026-10-25 04:00", zone: berlin), "2026-10-25T03:00:00Z")
    }

    func testISOTimeForNow() throws {
        let parsed = try XCTUnwrap(ISOTime.parse("2026-03-06T12:00+01:00"))
        XCTAssertEqual(ISOTime.format(parsed.date, in: TimeZones.utc), "2026-03-06T11:00:00Z")
        XCTAssertEqual(ISOTime.format(parsed.date, in: parsed.zone), "2026-03-06T12:00:00+01:00")
        XCTAssertNotNil(ISOTime.parse("2026-03-06"))
        XCTAssertNotNil(ISOTime.parse("2026-03-06T12:00:00Z"))
        XCTAssertNil(ISOTime.parse("tomorrow"))
        XCTAssertNil(ISOTime.parse("2026-02-30T10:00Z"))
        XCTAssertNil(ISOTime.parse("2026-03-08T12:00+25:00"), "an offset past ±14:00 names no zone")
        XCTAssertNil(ISOTime.parse("2026-03-08T24:30Z"))
        XCTAssertNotNil(ISOTime.parse("2026-03-08T12:00+14:00"))
        XCTAssertNil(ISOTime.parse("2026-03-06T25:00Z"))
    }

    /// `date(at:)` reads only a date that starts exactly at the position, with its tail.
    func testDateAtAPosition() throws {
        let text = "bis 5. März 2026 10:00 CET, sonst 2026-03-09"
        let start = try XCTUnwrap(text.firstIndex(of: "5"))
        let date = try XCTUnwrap(DateParser.date(at: start, in: text))
        XCTAssertEqual(String(text[date.range]), "5. März 2026 10:00 CET")
        XCTAssertEqual(date.instant(defaultZone: TimeZones.utc).map { ISOTime.format($0.date, in: TimeZones.utc) }, "2026-03-05T09:00:00Z")
        XCTAssertNil(DateParser.date(at: text.startIndex, in: text))
        XCTAssertNil(DateParser.date(at: text.index(after: start), in: text), "inside a date is not its start")
        let iso = try XCTUnwrap(text.range(of: "2026-03-09"))
        XCTAssertEqual(DateParser.date(at: iso.lowerBound, in: text).map { String(text[$0.range]) }, "2026-03-09")
    }
}

