#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Small string helpers in pure Swift: Foundation's equivalents bridge through NSString (UTF-16)
/// on Linux, which dominated profiles of `history`.
extension StringProtocol {
    /// Without leading and trailing spaces and tabs.
    var trimmedSpaces: SubSequence {
        // By bytes: spaces and tabs are ASCII, and a Character walk decodes graphemes for nothing.
        let (leading, trailing) = withUTF8Bytes { bytes in
            var start = 0, end = bytes.count
            while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
            while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
            return (start, bytes.count - end)
        }
        guard leading > 0 || trailing > 0 else { return self[...] }
        return self[utf8.index(startIndex, offsetBy: leading)..<utf8.index(endIndex, offsetBy: -trailing)]
    }

    /// The text, or its first `limit` characters and "…": what findings and events carry of a line,
    /// so that many findings on one huge line do not each copy it.
    func capped(_ limit: Int = 240) -> String {
        // No more bytes than the limit: no more characters either, nothing to walk.
        if utf8.count <= limit { return String(self) }
        var end = startIndex
        var count = 0
        while end < endIndex, count < limit {
            end = index(after: end)
            count += 1
        }
        return end == endIndex ? String(self) : String(self[..<end]) + "…"
    }

    /// Whether an ASCII character occurs, by bytes (`contains(":")` would bridge through NSString).
    func containsASCII(_ character: Unicode.Scalar) -> Bool {
        let byte = Int32(character.value)
        return withUTF8Bytes { $0.isEmpty ? false : memchr($0.baseAddress!, byte, $0.count) != nil }
    }

    /// Runs `body` over the UTF-8 bytes in place; native strings and their substrings are contiguous,
    /// so only bridged or foreign strings take the copying path.
    func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        return try Array(utf8).withUnsafeBufferPointer(body)
    }

    /// The first occurrence of `needle` at or after `from`, compared byte by byte (no NSString bridging).
    func firstRange<T: StringProtocol>(of needle: T, from: Index? = nil) -> Range<Index>? {
        let haystack = utf8
        let skip = haystack.distance(from: startIndex, to: from ?? startIndex)
        let found: Int? = withUTF8Bytes { bytes in
            needle.withUTF8Bytes { pattern in
                guard let first = pattern.first, let base = bytes.baseAddress else { return nil }
                var offset = skip
                let last = bytes.count - pattern.count
                while offset <= last, let candidate = memchr(base + offset, Int32(first), last - offset + 1) {
                    let position = base.distance(to: candidate.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + position, pattern.baseAddress!, pattern.count) == 0 { return position }
                    offset = position + 1
                }
                return nil
            }
        }
        guard let found else { return nil }
        // A match of valid UTF-8 in valid UTF-8 starts and ends on scalar boundaries.
        let lower = haystack.index(startIndex, offsetBy: found)
        return lower..<haystack.index(lower, offsetBy: needle.utf8.count)
    }

    /// How far a line is indented: its leading spaces and tabs, by bytes.
    var indentWidth: Int { utf8.prefix { $0 == 0x20 || $0 == 0x09 }.count }

    /// Whether any ASCII digit occurs, by bytes.
    var containsASCIIDigit: Bool {
        withUTF8Bytes { bytes in bytes.contains { $0 &- 0x30 < 10 } }
    }

    /// Whether four ASCII digits stand in a row: every date golint reads has a four-digit year.
    var containsFourDigitRun: Bool {
        withUTF8Bytes { bytes in
            var run = 0
            for byte in bytes {
                // One unsigned compare: bytes below "0" wrap around to large values.
                if byte &- 0x30 < 10 {
                    run += 1
                    if run == 4 { return true }
                } else {
                    run = 0
                }
            }
            return false
        }
    }

    /// Calls `body` with each line (split on "\n") and its 0-based offset, without building an array.
    func forEachLine(_ body: (SubSequence, Int) throws -> Void) rethrows {
        var start = startIndex
        var offset = 0
        // A byte search: a Character walk decodes every grapheme of every paragraph line.
        while let newline = utf8[start...].firstIndex(of: 0x0A) {
            try body(self[start..<newline], offset)
            offset += 1
            start = utf8.index(after: newline)
        }
        try body(self[start...], offset)
    }

}

extension String {
    /// Letters without case or accents, runs of white space as one space: how names and roles
    /// written by hand are compared.
    var foldedForComparison: String {
        folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).split { $0.isWhitespace }.joined(separator: " ")
    }

    /// How many Unicode scalars: the bytes that do not continue one (`unicodeScalars.count` walks
    /// scalar by scalar).
    var scalarCount: Int {
        var text = self
        return text.withUTF8 { bytes in bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } }
    }

    /// The first line, for messages about multi-line text.
    var firstLine: String {
        // A byte search: most texts are one line, and a Character walk would visit all of it.
        guard containsASCII("\n"), let newline = utf8.firstIndex(of: 0x0A) else { return self }
        return String(self[..<newline])
    }
}
