/// A screen before a word pattern: the first three letters of each word, looked for where a word
/// starts. A pattern call per deliverable showed in profiles; the screen is a few nanoseconds.
public struct WordStarts: Sendable {
    /// One bit per three lower-case ASCII letters (5 bits each).
    private var bits = [UInt64](repeating: 0, count: 512)

    /// Nil when a word does not start with three ASCII letters: the screen could not vouch for it.
    init?(_ words: [String]) {
        for word in words {
            let letters = word.utf8.prefix(3).map(WordStarts.letter)
            guard letters.count == 3, letters.allSatisfy({ $0 < 26 }) else { return nil }
            let key = WordStarts.key(letters[0], letters[1], letters[2])
            bits[key >> 6] |= 1 << UInt64(key & 63)
        }
    }

    /// Whether some word in `text` starts with the first three letters of one of the words.
    public func mayMatch(_ text: String) -> Bool {
        text.withUTF8Bytes { mayMatch($0) }
    }

    func mayMatch(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bits.withUnsafeBufferPointer { bits in
            var index = 0
            while index + 2 < bytes.count {
                let first = WordStarts.letter(bytes[index])
                guard first < 26 else { index += 1; continue }
                let second = WordStarts.letter(bytes[index + 1]), third = WordStarts.letter(bytes[index + 2])
                if second < 26, third < 26 {
                    let key = WordStarts.key(first, second, third)
                    if bits[key >> 6] & (1 << UInt64(key & 63)) != 0 { return true }
                }
                // On past this word's letters: only a word's start is compared.
                index += 1
                while index < bytes.count, WordStarts.letter(bytes[index]) < 26 { index += 1 }
            }
            return false
        }
    }

    private static func key(_ first: UInt8, _ second: UInt8, _ third: UInt8) -> Int {
        Int(first) << 10 | Int(second) << 5 | Int(third)
    }

    /// A letter's place in the alphabet, case ignored: 0...25 for ASCII letters, larger for any other
    /// byte (one subtraction; the bytes below "a" wrap around).
    @inline(__always)
    private static func letter(_ byte: UInt8) -> UInt8 {
        (byte | 0x20) &- 0x61
    }
}
