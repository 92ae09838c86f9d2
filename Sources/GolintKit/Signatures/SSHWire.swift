import Foundation

/// Reads the SSH wire encoding (RFC 4251 §5): big-endian lengths before strings and integers.
struct SSHWire {
    struct Malformed: Error {}

    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func fixed(_ count: Int) throws -> [UInt8] {
        guard count >= 0, bytes.count - offset >= count else { throw Malformed() }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    mutating func uint32() throws -> UInt32 {
        try fixed(4).reduce(0) { $0 << 8 | UInt32($1) }
    }

    mutating func string() throws -> [UInt8] {
        try fixed(Int(try uint32()))
    }

    mutating func text() throws -> String {
        guard let text = String(bytes: try string(), encoding: .utf8) else { throw Malformed() }
        return text
    }

    /// An unsigned `mpint`, without the zero byte that keeps its top bit clear.
    mutating func unsignedInteger() throws -> [UInt8] {
        Array(try string().drop { $0 == 0 })
    }

    static func string(_ value: [UInt8]) -> [UInt8] {
        let count = UInt32(value.count)
        return [UInt8(count >> 24), UInt8(count >> 16 & 0xFF), UInt8(count >> 8 & 0xFF), UInt8(count & 0xFF)] + value
    }
}
