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
        guard let pattern = configuration.cancellationPattern else { return false }
        // Only the first line: what follows is the deliverable's description.
        return (try? pattern.firstMatch(in: text.firstLine)) != nil
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
