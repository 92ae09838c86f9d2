/// Which deliverables are approvals, and the role each one names. In an approval section every
/// deliverable is one, named by its text up to the signer (`Security — Carol Weiss, 2026-02-27`);
/// anywhere else a deliverable is one when it names an approval word (`signoff.approval-words`):
/// `Security-Freigabe eingeholt`, `Legal approval`, `Sign-off by Legal`, `Aprobación de Legal`, or
/// when it starts with a role of `signoff.roles` and a signer (`Security — Carol Weiss, 2026-02-27`).
enum ApprovalRole {
    /// Whether a deliverable of an approval section is an approval: it names a role (`QA Lead`,
    /// `Security — Carol Weiss`), or is a role's name alone (`Architecture`, `Data Protection`).
    /// Checks, criteria and follow-ups there (`All tests green`) are ordinary deliverables.
    static func isApprovalInSection(_ text: String, _ configuration: Configuration) -> Bool {
        let line = text.firstLine
        if configuration.namesRole(line) { return true }
        let words = leadingWords(line).split(separator: " ")
        return (1...3).contains(words.count) && words.allSatisfy { $0.first?.isUppercase == true && $0.allSatisfy { $0.isLetter || $0 == "-" || $0 == "&" } }
    }

    /// The role of a deliverable in an approval section.
    static func inApprovalSection(_ text: String, _ configuration: Configuration) -> String {
        named(text, configuration) ?? leadingWords(text.firstLine)
    }

    /// The role a deliverable names with an approval word; nil when it names none. A word with no
    /// role next to it (`Approval received`) names the approval's own text.
    static func named(_ text: String, _ configuration: Configuration) -> String? {
        let line = text.firstLine
        if let role = configuredRole(line, configuration) { return role }
        guard let pattern = configuration.approvalPattern, configuration.approvalScreen?.mayMatch(line) ?? true,
              let match = try? pattern.firstMatch(in: line) else { return nil }
        // `Sign-off by Legal`, `Freigabe durch den Betrieb`.
        if let after = match.ranges[1], !line[after].trimmedSpaces.isEmpty {
            // The capitalised words that follow: `Aprobación de Legal para los textos` → Legal.
            let words = line[after].split(separator: " ")
            let role = words.prefix { $0.first?.isUppercase == true }.prefix(3).joined(separator: " ")
            return role.isEmpty ? String(line[after].trimmedSpaces) : role
        }
        // `Security-Freigabe`, `Legal approval`: the capitalised words right before it.
        let before = line[..<match.range.lowerBound].split { $0 == " " || $0 == "-" || $0 == "\t" }
        let role = before.reversed().prefix { $0.first?.isUppercase == true }.prefix(3).reversed().joined(separator: " ")
        return role.isEmpty ? leadingWords(line) : role
    }

    /// A configured role at the start, then a dash or colon: `Security — Carol Weiss, 2026-02-27`.
    private static func configuredRole(_ line: String, _ configuration: Configuration) -> String? {
        for role in configuration.verification.roleKeys {
            // The role's length in characters, compared without case; only then the rest.
            var index = line.startIndex
            var matched = true
            for expected in role {
                guard index < line.endIndex, line[index].lowercased() == String(expected) else { matched = false; break }
                index = line.index(after: index)
            }
            guard matched else { continue }
            let rest = line[index...]
            if [" — ", " – ", " - ", ":"].contains(where: { rest.hasPrefix($0) }) { return String(line[..<index]) }
        }
        return nil
    }

    /// The text up to what follows the role: a dash, colon, comma or parenthesis.
    private static func leadingWords(_ line: String) -> String {
        let stops: [String] = [" — ", " – ", " - ", ":", ",", "("]
        let end = stops.compactMap { line.firstRange(of: $0)?.lowerBound }.min() ?? line.endIndex
        let role = line[..<end].trimmedSpaces
        return role.isEmpty ? line : String(role)
    }
}
