@testable import GolintKit
import XCTest

private func value(_ index: Int) -> JSONValue {
    .object([
        ("text", .string(index % 7 == 0 ? "quote \" back\\slash\nline \u{1} Ä \(index)" : "plain \(index)")),
        ("number", .int(index - 500)),
        ("missing", .null),
        ("nested", index % 3 == 0 ? .object([("list", .array([.int(index), .bool(true)])), ("empty", .array([]))]) : .null),
    ])
}

/// Large arrays are written on all cores and objects member by member; the bytes must be those of
/// the plain value tree.
final class JSONWriterTests: XCTestCase {
    func testArraysWrittenOnAllCoresEqualTheTree() {
        for count in [0, 1, 63, 64, 65, 256, 257, 1_000, 10_000] {
            let elements = Array(0..<count)
            for indent in [0, 1, 3] {
                let tree = JSONValue.object([("items", .array(elements.map(value)))])
                var expected = JSONBytes()
                JSONValue.array(elements.map(value)).write(to: &expected, indent: indent)
                var written = JSONBytes()
                JSONValue.array(rendering: elements, atIndent: indent, value).write(to: &written, indent: indent)
                XCTAssertEqual(written.string, expected.string, "\(count) elements at indent \(indent)")
                XCTAssertEqual(JSONValue.object([("items", .array(rendering: elements, atIndent: 1, value))]).rendered(), tree.rendered())
            }
        }
    }

    func testObjectWriterEqualsTheTree() {
        for indent in [0, 2] {
            var expected = JSONBytes()
            JSONValue.object([("a", .string("x\"y")), ("b", .int(3)), ("c", .null), ("d", .null),
                              ("e", .object([("f", .int(1))])), ("g", .array([.string("h")])),
                              ("h", .bool(true)), ("i", .null)]).write(to: &expected, indent: indent)
            var written = JSONBytes()
            var object = JSONObjectWriter(indent: indent)
            object.string("a", "x\"y", &written)
            object.int("b", 3, &written)
            object.string("c", nil, &written)
            object.int("d", nil, &written)
            object.value("e", &written) { output, indent in
                var nested = JSONObjectWriter(indent: indent)
                nested.int("f", 1, &output)
                nested.end(&output)
            }
            object.value("g", .array([.string("h")]), &written)
            object.bool("h", true, &written)
            object.bool("i", nil, &written)
            object.end(&written)
            XCTAssertEqual(written.string, expected.string)
        }
    }

    func testTimesFormattedByArithmeticKeepTheirZone() {
        let instant = ISOTime.parse("2026-03-06T10:00:00+01:00")!.date
        XCTAssertEqual(ISOTime.format(instant, in: TimeZones.utc), "2026-03-06T09:00:00Z")
        XCTAssertEqual(ISOTime.format(instant, in: TimeZone(secondsFromGMT: -(9 * 3600 + 30 * 60))!), "2026-03-05T23:30:00-09:30")
        XCTAssertEqual(ISOTime.format(ISOTime.parse("1969-12-31T23:59:59Z")!.date, in: TimeZones.utc), "1969-12-31T23:59:59Z")
    }
}

extension JSONWriterTests {
    /// The eight-bytes-at-a-time screen agrees with a byte-by-byte look at every position.
    func testEscapeScreenFindsEveryByteThatNeedsEscaping() {
        let plain = Array("Rollback geprobt – Prüfung ✅ {ok} ~ 0x7F".utf8)
        for length in 0...plain.count {
            let text = Array(plain.prefix(length))
            text.withUnsafeBufferPointer { XCTAssertFalse(JSONValue.needsEscaping($0), "\(length)") }
            for position in 0..<length {
                for special: UInt8 in [0x00, 0x09, 0x0A, 0x1F, 0x22, 0x5C] {
                    var marked = text
                    marked[position] = special
                    marked.withUnsafeBufferPointer { XCTAssertTrue(JSONValue.needsEscaping($0), "\(special) at \(position) of \(length)") }
                }
            }
        }
        for byte in UInt8(0x20)...UInt8(0xFF) where byte != 0x22 && byte != 0x5C {
            let text = [UInt8](repeating: byte, count: 19)
            text.withUnsafeBufferPointer { XCTAssertFalse(JSONValue.needsEscaping($0), "\(byte)") }
        }
    }
}
