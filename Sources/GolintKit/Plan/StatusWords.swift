/// Reads a deliverable's state from words: a status cell (`✅ Done`, `🔵 Not Started`, `N/A`), or a
/// cancellation marked on a task's text (`N/A`, `(entfällt)`, `– skipped`). The words are the
/// configuration's `status.done` and `status.cancelled`.
enum StatusWords {
    static func state(ofStatus cell: String, _ configuration: Configuration) -> Deliverable.State {
        let text = cell.trimmedSpaces
        // A coloured dot or other symbol may lead a word: "🟢 Done".
        let words = text.drop { !$0.isLetter && !$0.isNumber && !isListed($0, configuration) }
        for candidate in [text, words] {
            if startsWithAny(candidate, configuration.cancelledWords) { return .cancelled }
            if startsWithAny(candidate, configuration.doneWords) { return .done }
        }
        return .open
    }

    /// `N/A`, `entfällt – replaced by X`, `Load test (N/A)`, `Load test – skipped`.
    static func isMarkedCancelled(_ text: String, _ configuration: Configuration) -> Bool {
        let trimmed = text.trimmedSpaces
        if startsWithAny(trimmed, configuration.cancelledWords) { return true }
        let lower = trimmed.lowercased()
        return configuration.cancelledWords.contains { word in
            let word = word.lowercased()
            if lower.contains("(" + word) { return true }
            for separator in ["—", "–", " - ", ":"] {
                guard let range = lower.range(of: separator, options: .backwards) else { continue }
                if lower[range.upperBound...].trimmedSpaces.hasPrefix(word) && startsWithAny(lower[range.upperBound...].trimmedSpaces, [word]) { return true }
            }
            return false
        }
    }

    /// Whether `text` starts with one of `words` (case-insensitive) followed by no further letter.
    private static func startsWithAny<S: StringProtocol>(_ text: S, _ words: [String]) -> Bool {
        let lower = text.lowercased()
        return words.contains { word in
            let word = word.lowercased()
            guard lower.hasPrefix(word) else { return false }
            let rest = lower.dropFirst(word.count)
            return rest.first.map { !$0.isLetter } ?? true
        }
    }

    private static func isListed(_ character: Character, _ configuration: Configuration) -> Bool {
        (configuration.doneWords + configuration.cancelledWords).contains { $0.first == character }
    }
}
