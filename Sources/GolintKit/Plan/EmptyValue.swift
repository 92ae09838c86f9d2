/// A value that says nothing yet: blank, `-`, `—`, `n/a`, `none`, `TBD`, or wholly a placeholder
/// (`[Date]`, `____`, `<date>`, `YYYY-MM-DD`). Where a date belongs it is no unreadable date: a
/// placeholder is reported once, as a placeholder.
enum EmptyValue {
    private static let pattern = try! Pattern(
        #"^[\s*_`~]*(?:|[-–—―?…⬜☐□⏳]|\.{2,3}|n/?a|none|nil|keine?|ninguno|aucun|nessuno|nenhum|tbd|tba|tbc|offen|pending|open|\[[^\]]*\]|_{2,}[\s_.:/-]*|<[^>]*>|\{\{[^}]*\}\}|[YJAT]{2,4}[-./][MD]{2}[-./][DTM]{2}|[DTGM]{2}[-./][MD]{2}[-./](?:[YJA]{2}){1,2}|(?:[0-9]{4}-)?[0-9X]{2}-X{2}|X{2}\.X{2}\.[0-9X]{4})[\s*_`~.]*$"#,
        caseInsensitive: true)

    /// Empty by its form alone, whatever the configuration's placeholder words.
    static func isEmpty<S: StringProtocol>(_ value: S) -> Bool {
        (try? pattern.firstMatch(in: String(value))) != nil
    }

    static func isEmpty<S: StringProtocol>(_ value: S, _ configuration: Configuration) -> Bool {
        let text = String(value)
        if isEmpty(text) { return true }
        // Placeholder words are matched as written, as the placeholder rule matches them.
        let trimmed = String(text.trimmedSpaces)
        return configuration.placeholderWords.contains(trimmed)
    }
}
