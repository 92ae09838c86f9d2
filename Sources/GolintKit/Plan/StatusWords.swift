#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a deliverable's state from words: a status cell (`✅ Done`, `🔵 Not Started`, `N/A`), or a
/// cancellation marked on a task's text (`N/A`, `(entfällt)`, `– skipped`). The words are the
/// configuration's `status.done` and `status.cancelled`.
enum StatusWords {
    static func state(ofStatus cell: String, _ configuration: Configuration) -> Deliverable.State {
        let text = cell.trimmedSpaces.lowercased()
        guard !text.isEmpty else { return .open }
        // A coloured dot or other symbol may lead a word: "🟢 Done".
        let words = text.drop { !$0.isLetter && !$0.isNumber && !isListed($0, configuration) }
        for candidate in [text[...], words] {
            if startsWithAny(candidate, configuration.cancelledKeys) { return .cancelled }
            if startsWithAny(candidate, configuration.doneKeys) { return .done }
        }
        return .open
    }

    /// `N/A`, `entfällt – replaced by X`, `Load test (N/A)`, `Load test – skipped`.
    static func isMarkedCancelled(_ text: String, _ configuration: Configuration) -> Bool {
        guard let pattern = configuration.cancellationPattern, mayBeMarked(text, configuration.cancelledPrefixes) else { return false }
        // Only the first line: what follows is the deliverable's description.
        return (try? pattern.firstMatch(in: text.firstLine)) != nil
    }

    /// A byte screen before the pattern: a cancelled word can only start the text, follow `(`, or
    /// follow the last dash or colon (it must end the line there); most deliverables have none of
    /// the words' first two letters at those places.
    private static func mayBeMarked(_ text: String, _ prefixes: BytePairs) -> Bool {
        text.withUTF8Bytes { bytes in
            func wordAt(_ index: Int) -> Bool {
                var start = index
                while start < bytes.count, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
                guard start + 1 < bytes.count else { return false }
                func lower(_ byte: UInt8) -> UInt8 { byte &- 0x41 < 26 ? byte | 0x20 : byte }
                return prefixes.contains(lower(bytes[start]), lower(bytes[start + 1]))
            }
            if wordAt(0) { return true }
            guard let base = bytes.baseAddress else { return false }
            // memchr finds each "(" in vectors; the last separator is looked for from the end.
            var from = 0
            while from < bytes.count, let open = memchr(base + from, 0x28, bytes.count - from) {
                let index = base.distance(to: open.assumingMemoryBound(to: UInt8.self))
                if wordAt(index + 1) { return true }
                from = index + 1
            }
            let lastSeparator = bytes.indices.reversed().first { index in
                let byte = bytes[index]
                return byte == 0x3A || byte == 0x2D  // : -
                    || (byte == 0x93 || byte == 0x94) && index >= 2 && bytes[index - 2] == 0xE2 && bytes[index - 1] == 0x80  // – —
            }
            return lastSeparator.map { wordAt($0 + 1) } ?? false
        }
    }

    /// Whether lower-cased `text` starts with one of the lower-cased `words`, followed by no further letter.
    private static func startsWithAny(_ text: Substring, _ words: [String]) -> Bool {
        words.contains { word in
            guard text.utf8.starts(with: word.utf8) else { return false }
            let rest = text.utf8.dropFirst(word.utf8.count)
            return rest.isEmpty || !Substring(rest).unicodeScalars.first!.properties.isAlphabetic
        }
    }

    private static func isListed(_ character: Character, _ configuration: Configuration) -> Bool {
        configuration.doneKeys.contains { $0.first == character } || configuration.cancelledKeys.contains { $0.first == character }
    }
}
