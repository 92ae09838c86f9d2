/// Content that applies only if something happens: a deliverable or heading that starts with `If …`,
/// `Falls …`, `Si …`, `Wenn …`, `For NO-GO`, `Bei NO-GO`, `(if needed)`, `(optional)`, and a heading
/// that says so in parentheses anywhere (`## Rollback (if needed)`). It is never overdue, and its
/// blanks are not errors.
enum ConditionalText {
    private static let condition = #"(?:if|falls|si|wenn|in\s+case\s+of|im\s+fall(?:e)?\s+(?:von|eines|einer)|en\s+caso\s+de|en\s+cas\s+de|nel\s+caso|em\s+caso\s+de)\s|(?:for|bei|para|pour|per|em\s+caso\s+de)\s+(?:a\s+)?no[- ]?go\b"#
    private static let parenthetical = #"\((?:if\s+needed|if\s+required|if\s+applicable|optional|optionnel|opcional|opzionale|falls\s+n[öo]tig|falls\s+erforderlich|bei\s+bedarf|si\s+es\s+necesario|si\s+n[ée]cessaire|se\s+necess[áa]rio)\)"#
    private static let leading = try! Pattern(#"^[^\p{L}(]*(?:\#(condition)|\#(parenthetical))"#, caseInsensitive: true)
    private static let anywhere = try! Pattern(parenthetical, caseInsensitive: true)

    /// A deliverable's text that starts with a condition.
    static func isConditional(_ text: String) -> Bool {
        (try? leading.firstMatch(in: text)) != nil
    }

    /// A heading that starts with a condition or says `(if needed)` anywhere.
    static func isConditionalHeading(_ text: String) -> Bool {
        isConditional(text) || (try? anywhere.firstMatch(in: text)) != nil
    }
}
