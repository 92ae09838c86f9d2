/// A screen before a word pattern: the first three letters of each word, looked for where a word
/// starts. A pattern call per deliverable showed in profiles; the screen is a few nanoseconds.
public struct WordStarts: Sendable {
    /// One bit per three lower-case ASCII letters (5 bits each).
    private var bits = [UInt64](repeating: 0, count: 512)

    /// Nil when a word does not start with three ASCII letters: the screen could not vouch for it.
    init?(_ words: [String]) {
        for word in words {
            let bytes = Array(word.lowercased().utf8.prefix(3))
            guard bytes.count == 3, let key = WordStarts.key(bytes[0], bytes[1], bytes[2]) else { return nil }
            bits[key >> 6] |= 1 << UInt64(key & 63)
        }
    }

    /// Whether some word in `text` starts with the first three letters of one of the words.
    public func mayMatch(_ text: String) -> Bool {
        text.withUTF8Bytes { bytes in
            bits.withUnsafeBufferPointer { bits in
                var index = 0
                while index + 2 < bytes.count {
                    // Lower-cased ASCII letters are 0...25 after the subtraction; every other byte is larger.
                    let first = (bytes[index] | 0x20) &- 0x61
                    guard first < 26 else { index += 1; continue }
                    let second = (bytes[index + 1] | 0x20) &- 0x61, third = (bytes[index + 2] | 0x20) &- 0x61
                    if second < 26, third < 26 {
                        let key = Int(first) << 10 | Int(second) << 5 | Int(third)
                        if bits[key >> 6] & (1 << UInt64(key & 63)) != 0 { return true }
                    }
                    // On past this word's letters: only a word's start is compared.
                    index += 1
                    while index < bytes.count, (bytes[index] | 0x20) &- 0x61 < 26 { index += 1 }
                }
                return false
            }
        }
    }

    private static func key(_ first: UInt8, _ second: UInt8, _ third: UInt8) -> Int? {
        guard let a = letter(first), let b = letter(second), let c = letter(third) else { return nil }
        return a << 10 | b << 5 | c
    }

    /// A letter's place in the alphabet, case ignored.
    private static func letter(_ byte: UInt8) -> Int? {
        let lower = byte | 0x20
        return lower >= 0x61 && lower <= 0x7A ? Int(lower - 0x61) : nil
    }
}
