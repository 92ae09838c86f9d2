import Foundation

/// Looks at a version's bytes line by line, without a parse: whether an approval's exact line is
/// there, and which lines are plain checked task items. The provenance walk screens most versions so.
enum LineScreen {
    /// The plain checked task items of a version, read line by line without a parse: only lines
    /// with a checked box (`[x]`) are decoded.
    static func checkedItemLines(_ bytes: [UInt8]) -> [(line: Substring, item: SnapshotDerivation.ItemLine)] {
        var result: [(line: Substring, item: SnapshotDerivation.ItemLine)] = []
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: 10) ?? bytes.count
            let line = bytes[start..<end]
            if line.count > 4, zip(line, line.dropFirst()).contains(where: { $0 == 91 && ($1 == 120 || $1 == 88) }) {
                let text = String(decoding: line, as: UTF8.self)
                if let item = SnapshotDerivation.itemLine(text), item.checked { result.append((text.trimmedSpaces, item)) }
            }
            start = end + 1
        }
        return result
    }

    /// The offset of `needle` in `bytes` at or after `from`: each candidate found by its first byte.
    private static func search(_ needle: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        bytes.withUnsafeBytes { haystack -> Int? in
            needle.withUnsafeBytes { pattern -> Int? in
                guard let base = haystack.baseAddress, let first = pattern.first else { return nil }
                var offset = from
                while haystack.count - offset >= pattern.count {
                    guard let hit = memchr(base + offset, Int32(first), haystack.count - offset - pattern.count + 1) else { return nil }
                    let position = UnsafeRawPointer(hit) - base
                    if memcmp(hit, pattern.baseAddress!, pattern.count) == 0 { return position }
                    offset = position + 1
                }
                return nil
            }
        }
    }

    /// Whether `line` is in `bytes` as a line of its own (spaces around it aside).
    static func containsLine(_ line: String, in bytes: [UInt8]) -> Bool {
        let needle = Array(line.utf8)
        guard !needle.isEmpty else { return false }
        var from = 0
        while let found = search(needle, in: bytes, from: from) {
            let range = found..<found + needle.count
            let before = bytes[..<range.lowerBound].reversed().prefix { $0 == 32 || $0 == 9 }.count
            let after = bytes[range.upperBound...].prefix { $0 == 32 || $0 == 9 || $0 == 13 }.count
            let startsLine = range.lowerBound - before == 0 || bytes[range.lowerBound - before - 1] == 10
            let endsLine = range.upperBound + after == bytes.count || bytes[range.upperBound + after] == 10
            if startsLine && endsLine { return true }
            from = range.lowerBound + 1
        }
        return false
    }
}
