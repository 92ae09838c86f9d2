/// A set of byte pairs as a 64 Ki-bit map: the screens in front of patterns that run on nearly
/// every deliverable or text (cancellation words, placeholder words), where a hashed set's lookups
/// showed in profiles.
public struct BytePairs: Sendable {
    private var bits = [UInt64](repeating: 0, count: 1024)

    /// Pairs of fewer than two bytes are left out.
    init(_ pairs: [[UInt8]]) {
        for pair in pairs where pair.count >= 2 {
            let key = Int(pair[0]) << 8 | Int(pair[1])
            bits[key >> 6] |= 1 << UInt64(key & 63)
        }
    }

    /// Whether two bytes in a row anywhere in `text` are one of the pairs.
    func occurs(in text: String) -> Bool {
        text.withUTF8Bytes { bytes in
            guard bytes.count >= 2 else { return false }
            for index in 0..<(bytes.count - 1) where contains(bytes[index], bytes[index + 1]) { return true }
            return false
        }
    }

    func contains(_ first: UInt8, _ second: UInt8) -> Bool {
        let key = Int(first) << 8 | Int(second)
        return bits[key >> 6] & (1 << UInt64(key & 63)) != 0
    }
}
