/// Finds UTF-8 that was decoded as Windows-1252 (or its Turkish sibling 1254) and encoded again:
/// `–` (E2 80 93) turns into `â€“`, `📋` into `ğŸ“‹`. Such a run maps back, character by character,
/// onto the bytes of one valid UTF-8 sequence; ordinary German or English text never does.
public enum Mojibake {
    public struct Run: Equatable, Sendable {
        public let line: Int
        /// 1-based, in Unicode scalars.
        public let column: Int
        public let garbled: String
        /// What the run was meant to be.
        public let intended: String
    }

    /// Every garbled run, in order.
    public static func runs(in lines: [Substring]) -> [Run] {
        var result: [Run] = []
        for (offset, line) in lines.enumerated() {
            // Every garbled run is made of non-ASCII characters.
            guard line.withUTF8Bytes({ $0.contains { $0 >= 0x80 } }) else { continue }
            let scalars = Array(line.unicodeScalars)
            var index = 0
            while index < scalars.count {
                if let length = sequenceLength(scalars, at: index) {
                    let run = scalars[index..<index + length]
                    let bytes = run.map { byte(for: $0)! }
                    result.append(Run(
                        line: offset + 1, column: index + 1,
                        garbled: String(String.UnicodeScalarView(run)),
                        intended: String(decoding: bytes, as: UTF8.self)))
                    index += length
                } else {
                    index += 1
                }
            }
        }
        return result
    }

    private static func sequenceLength(_ scalars: [Unicode.Scalar], at index: Int) -> Int? {
        guard let lead = byte(for: scalars[index]) else { return nil }
        let continuations: Int
        switch lead {
        case 0xC2...0xDF: continuations = 1
        case 0xE0...0xEF: continuations = 2
        case 0xF0...0xF4: continuations = 3
        default: return nil
        }
        guard index + continuations < scalars.count else { return nil }
        for next in scalars[(index + 1)...(index + continuations)] {
            guard let byte = byte(for: next), (0x80...0xBF).contains(byte) else { return nil }
        }
        return continuations + 1
    }

    /// The Windows-1252/1254 byte a character stands for, if it is in the upper half.
    static func byte(for scalar: Unicode.Scalar) -> UInt8? {
        let value = scalar.value
        if (0x80...0xFF).contains(value) { return UInt8(value) }
        return upperHalf[value]
    }

    private static let upperHalf: [UInt32: UInt8] = [
        0x20AC: 0x80, 0x201A: 0x82, 0x0192: 0x83, 0x201E: 0x84, 0x2026: 0x85, 0x2020: 0x86,
        0x2021: 0x87, 0x02C6: 0x88, 0x2030: 0x89, 0x0160: 0x8A, 0x2039: 0x8B, 0x0152: 0x8C,
        0x017D: 0x8E, 0x2018: 0x91, 0x2019: 0x92, 0x201C: 0x93, 0x201D: 0x94, 0x2022: 0x95,
        0x2013: 0x96, 0x2014: 0x97, 0x02DC: 0x98, 0x2122: 0x99, 0x0161: 0x9A, 0x203A: 0x9B,
        0x0153: 0x9C, 0x017E: 0x9E, 0x0178: 0x9F,
        // Windows-1254 differs from 1252 in six letters; the master plan's emoji went through it.
        0x011E: 0xD0, 0x0130: 0xDD, 0x015E: 0xDE, 0x011F: 0xF0, 0x0131: 0xFD, 0x015F: 0xFE,
    ]
}
