/// Content that applies only if something happens: a deliverable or heading that starts with `If …`,
/// `Falls …`, `Si …`, `Wenn …`, `For NO-GO`, `Bei NO-GO`, `(if needed)`, `(optional)`, and a heading
/// that says so in parentheses anywhere (`## Rollback (if needed)`). It is never overdue, and its
/// blanks are not errors.
enum ConditionalText {
    private static let condition = #"(?:if|falls|si|wenn|in\s+case\s+of|im\s+fall(?:e)?\s+(?:von|eines|einer)|en\s+caso\s+de|en\s+cas\s+de|nel\s+caso|em\s+caso\s+de)\s|(?:for|bei|para|pour|per|em\s+caso\s+de)\s+(?:a\s+)?no[- ]?go\b"#
    private static let parenthetical = #"\((?:if\s+needed|if\s+required|if\s+applicable|optional|optionnel|opcional|opzionale|falls\s+n[öo]tig|falls\s+erforderlich|bei\s+bedarf|si\s+es\s+necesario|si\s+n[ée]cessaire|se\s+necess[áa]rio)\)"#
    private static let leading = try! Pattern(#"^[^\p{L}(]*(?:\#(condition)|\#(parenthetical))"#, caseInsensitive: true)
    /// `(if Conditional GO)`, `(falls NO-GO)`, `(only if …)`: a condition in parentheses, in a heading or a field's label.
    private static let statedCondition = #"\((?:only\s+|nur\s+)?(?:if|falls|wenn|si|se|in\s+case|en\s+caso|en\s+cas|nel\s+caso|em\s+caso)\s[^)]{1,80}\)"#
    private static let anywhere = try! Pattern("\(parenthetical)|\(statedCondition)", caseInsensitive: true)

    /// A deliverable's text that starts with a condition.
    static func isConditional<Text: StringProtocol>(_ text: Text) -> Bool {
        mayBeConditional(text) && (try? leading.firstMatch(in: String(text))) != nil
    }

    /// A screen on the bytes: most texts start with a word that opens no condition. A task box
    /// (`- [x] If …`) is skipped as the list marker is.
    static func mayBeConditional<Text: StringProtocol>(_ text: Text) -> Bool {
        text.withUTF8Bytes { mayBeConditional($0) }
    }

    static func mayBeConditional(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        // Skip what is no letter (`**`, `1.`, spaces); a non-ASCII start is left to the pattern.
        while index < bytes.count, bytes[index] < 0x80, !isASCIILetter(bytes[index]), bytes[index] != 0x28 {
            if bytes[index] == 0x5B, index + 2 < bytes.count, bytes[index + 1] | 0x20 == 0x78, bytes[index + 2] == 0x5D { index += 2 }
            index += 1
        }
        guard index < bytes.count else { return false }
        if bytes[index] >= 0x80 || bytes[index] == 0x28 { return true }
        // Most first words start with a letter no opener starts with.
        guard openerInitials & 1 << UInt32((bytes[index] | 0x20) &- 0x61) != 0 else { return false }
        // The first word, lower-cased, packed into an integer: no allocation per text.
        var word: UInt64 = 0, length = 0
        while index < bytes.count, isASCIILetter(bytes[index]) {
            // Longer than the longest opener.
            if length == 5 { return false }
            word = word << 8 | UInt64(bytes[index] | 0x20)
            index += 1
            length += 1
        }
        return openers.contains(word)
    }

    /// One bit per letter (`a` is bit 0) that starts an opener.
    private static let openerInitials: UInt32 = "ifswenbp".utf8.reduce(0) { $0 | 1 << UInt32($1 - 0x61) }

    private static func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }

    /// Few enough that comparing each is cheaper than hashing the word.
    private static let openers: [UInt64] = ["if", "falls", "si", "wenn", "in", "im", "en", "nel", "em", "for", "bei", "para", "pour", "per"]
        .map { (word: String) in word.utf8.reduce(UInt64(0)) { $0 << 8 | UInt64($1) } }

    /// A heading or a field's label that starts with a condition or states one in parentheses
    /// anywhere (`## Rollback (if needed)`, `**NO-GO reason (if NO-GO):**`).
    static func isConditionalHeading(_ text: String) -> Bool {
        isConditional(text) || text.containsASCII("(") && (try? anywhere.firstMatch(in: text)) != nil
    }
}
