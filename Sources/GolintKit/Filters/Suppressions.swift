/// Inline suppressions in HTML comments, as markdownlint spells them:
/// `<!-- golint-disable-next-line placeholder -->`, `<!-- golint-disable rule -->` … `<!-- golint-enable rule -->`.
/// No rule ids means every rule. They live in the document, so every source honours them.
struct Suppressions {
    struct Directive {
        enum Kind: String { case disable = "disable", enable = "enable", nextLine = "disable-next-line", line = "disable-line" }
        let kind: Kind
        let rules: Set<String>?
        let line: Int
        let text: String
    }

    /// A region where findings of some rules (nil: all) are hidden.
    private struct Region {
        let directive: Directive
        let lines: ClosedRange<Int>
        let rules: Set<String>?
        var used = false

        func covers(_ finding: Finding) -> Bool {
            lines.contains(finding.line) && (rules?.contains(finding.rule) ?? true)
        }
    }

    private var regions: [Region] = []
    /// Directives that name rule ids golint does not know.
    private(set) var unknownRules: [(Directive, String)] = []

    private static let pattern = try! Pattern(#"<!--\s*golint-(disable-next-line|disable-line|disable|enable)\b([^>]*?)\s*-->"#)

    init(_ document: Document, knownRules: [String]) {
        var directives: [Directive] = []
        for comment in document.htmlComments {
            for match in (try? Suppressions.pattern.matches(in: comment.text)) ?? [] {
                guard let kind = comment.text.text(match.ranges[1]).flatMap(Directive.Kind.init) else { continue }
                let names = (comment.text.text(match.ranges[2]) ?? "")
                    .split { $0 == " " || $0 == "," || $0 == "\t" }.map(String.init)
                let directive = Directive(kind: kind, rules: names.isEmpty ? nil : Set(names), line: comment.line,
                                          text: String(comment.text[match.range]))
                for name in names where !knownRules.contains(name) { unknownRules.append((directive, name)) }
                directives.append(directive)
            }
        }
        let lastLine = max(document.source.lines.count, 1)
        // Open `disable` regions per rule set until a matching `enable`.
        var open: [Directive] = []
        for directive in directives {
            switch directive.kind {
            case .nextLine:
                regions.append(Region(directive: directive, lines: (directive.line + 1)...(directive.line + 1), rules: directive.rules))
            case .line:
                regions.append(Region(directive: directive, lines: directive.line...directive.line, rules: directive.rules))
            case .disable:
                open.append(directive)
            case .enable:
                // `enable` without ids closes everything; with ids, the regions naming exactly those or a superset.
                var still: [Directive] = []
                for start in open {
                    let closes = directive.rules == nil || start.rules == nil || !(start.rules!.isDisjoint(with: directive.rules!))
                    if closes {
                        let rules = start.rules.map { directive.rules.map($0.intersection) ?? $0 } ?? directive.rules
                        regions.append(Region(directive: start, lines: start.line...max(start.line, directive.line), rules: rules ?? start.rules))
                        if let remaining = start.rules?.subtracting(directive.rules ?? []), !remaining.isEmpty, directive.rules != nil {
                            still.append(Directive(kind: .disable, rules: remaining, line: start.line, text: start.text))
                        }
                    } else {
                        still.append(start)
                    }
                }
                open = still
            }
        }
        for start in open { regions.append(Region(directive: start, lines: start.line...lastLine, rules: start.rules)) }
    }

    /// Removes suppressed findings and returns them with the directives that suppressed nothing.
    mutating func apply(to findings: [Finding]) -> (kept: [Finding], suppressed: [Finding], unused: [Directive]) {
        var kept: [Finding] = [], suppressed: [Finding] = []
        for finding in findings {
            if let index = regions.firstIndex(where: { $0.covers(finding) }) {
                regions[index].used = true
                suppressed.append(finding)
            } else {
                kept.append(finding)
            }
        }
        // A directive may have produced several regions (split by a partial enable): unused only if none was used.
        var usedDirectives = Set<String>()
        for region in regions where region.used { usedDirectives.insert("\(region.directive.line):\(region.directive.text)") }
        var unused: [Directive] = []
        var reported = Set<String>()
        for region in regions where !region.used {
            let key = "\(region.directive.line):\(region.directive.text)"
            if !usedDirectives.contains(key), reported.insert(key).inserted { unused.append(region.directive) }
        }
        return (kept, suppressed, unused)
    }
}
