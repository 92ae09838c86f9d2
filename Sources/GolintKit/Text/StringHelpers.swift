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
        var start = startIndex, end = endIndex
        while start < end, self[start] == " " || self[start] == "\t" { start = index(after: start) }
        while end > start {
            let before = index(before: end)
            guard self[before] == " " || self[before] == "\t" else { break }
            end = before
        }
        return self[start..<end]
    }

    /// The text, or its first `limit` characters and "…": what findings and events carry of a line,
    /// so that many findings on one huge line do not each copy it.
    func capped(_ limit: Int = 240) -> String {
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
        let haystack = utf8, pattern = Array(needle.utf8)
        guard let first = pattern.first else { return nil }
        var start = from ?? startIndex
        while let candidate = haystack[start...].firstIndex(of: first) {
            var position = candidate, matched = 0
            while matched < pattern.count, position < haystack.endIndex, haystack[position] == pattern[matched] {
                position = haystack.index(after: position)
                matched += 1
            }
            if matched == pattern.count { return candidate..<position }
            start = haystack.index(after: candidate)
        }
        return nil
    }

    /// Whether four ASCII digits stand in a row: every date golint reads has a four-digit year.
    /// Whether any ASCII digit occurs, by bytes.
    var containsASCIIDigit: Bool {
        withUTF8Bytes { bytes in bytes.contains { $0 &- 0x30 < 10 } }
    }

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
        while let newline = self[start...].firstIndex(of: "\n") {
            try body(self[start..<newline], offset)
            offset += 1
            start = index(after: newline)
        }
        try body(self[start...], offset)
    }

}

extension String {
    /// The first line, for messages about multi-line text.
    var firstLine: String {
        // A byte search: most texts are one line, and a Character walk would visit all of it.
        guard containsASCII("\n"), let newline = utf8.firstIndex(of: 0x0A) else { return self }
        return String(self[..<newline])
    }
}
