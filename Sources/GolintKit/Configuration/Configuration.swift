import Foundation

/// Everything that steers a run: which paths are documents, rule severities, and the word lists
/// and patterns the rules use. Built from the shipped pack, then `.golint.yml` and its packs.
public struct Configuration: Sendable {
    public static let defaultInclude = ["**/TASK_*.md", "**/*GO_LIVE*.md", "**/*GOLIVE*.md", "**/*go-live*.md"]

    public var include: [Glob] = Configuration.defaultInclude.map(Glob.init)
    public var exclude: [Glob] = []
    public var timezone: TimeZone?
    /// How slash dates (`02/05/2026`) read; without it they are not dates.
    public var dateOrder: DateOrder?
    /// The launch moment relative times count from, when the documents name none.
    public var anchor: (date: Date, zone: TimeZone)?
    /// Per rule id: a severity, or nil when switched off. Missing ids use the rule's default.
    public var severities: [String: Severity?] = [:]
    public var placeholderPatterns: [Pattern] = [] {
        didSet { placeholderAlternation = try? Pattern(placeholderPatterns.map { "(?:\($0.source))" }.joined(separator: "|")) }
    }
    /// All placeholder patterns as one alternation: one scan of each text instead of one per pattern.
    public private(set) var placeholderAlternation: Pattern?
    /// Placeholder words, matched whole and as written (`TBD`, `YYYY-MM-DD`, `HH:MM`): a list, not
    /// patterns, so that they need not be looked for at every capital letter of every text.
    public var placeholderWords: [String] = [] {
        didSet {
            let words = placeholderWords.sorted { $0.count > $1.count }.map(NSRegularExpression.escapedPattern(for:))
            placeholderWordPattern = words.isEmpty ? nil : try? Pattern(#"(?<![\p{L}\p{N}_])(?:\#(words.joined(separator: "|")))(?![\p{L}\p{N}_])"#)
            placeholderWordStarts = BytePairs(placeholderWords.map { Array($0.utf8.prefix(2)) })
            placeholderWordsScreened = placeholderWords.allSatisfy { $0.utf8.count >= 2 }
        }
    }
    public private(set) var placeholderWordPattern: Pattern?
    /// The first two bytes of each word: where no two bytes in a row start one, the pattern need not run.
    public private(set) var placeholderWordStarts = BytePairs([])
    public private(set) var placeholderWordsScreened = true
    /// Whether placeholders inside fenced code blocks (templates) are findings too.
    public var placeholdersInCodeBlocks = false
    public var signoffHeadings: [String] = [] {
        didSet {
            signoffHeadingKeys = signoffHeadings.map { $0.lowercased() }
            let words = signoffHeadings.sorted { $0.count > $1.count }.map(NSRegularExpression.escapedPattern(for:))
            signoffHeadingPattern = words.isEmpty ? nil : try? Pattern(words.joined(separator: "|"), caseInsensitive: true)
        }
    }
    /// The heading words as one pattern, parts of words included (`Aprobaci` in `Aprobaciones`).
    public private(set) var signoffHeadingPattern: Pattern?
    /// `signoffHeadings` lower-cased, for the search in every heading.
    public private(set) var signoffHeadingKeys: [String] = []
    /// Words that make a deliverable anywhere an approval: `Security-Freigabe eingeholt`, `Legal approval`.
    public var approvalWords: [String] = [] {
        didSet {
            approvalPattern = Configuration.approvalPattern(words: approvalWords)
            approvalScreen = WordStarts(approvalWords)
        }
    }
    /// Words that name a role (`Lead`, `Security`, `QA`): a leading tag on a plain list item that
    /// names one is its owner, and in an approval section a deliverable that names one is an approval.
    public var roleWords: [String] = [] {
        didSet {
            let words = roleWords.sorted { $0.count > $1.count }.map(NSRegularExpression.escapedPattern(for:))
            rolePattern = words.isEmpty ? nil : try? Pattern(#"(?<![\p{L}\p{N}])(?:\#(words.joined(separator: "|")))(?![\p{L}\p{N}])"#, caseInsensitive: true)
        }
    }
    public private(set) var rolePattern: Pattern?

    /// Whether a text names a role word or a configured role.
    public func namesRole(_ text: some StringProtocol) -> Bool {
        let string = String(text)
        if (try? rolePattern?.firstMatch(in: string)) ?? nil != nil { return true }
        let lowered = string.lowercased()
        return verification.roleKeys.contains { lowered.contains($0) }
    }
    /// Where no word starts like an approval word, the pattern need not run.
    public private(set) var approvalScreen: WordStarts?
    /// The approval words as a word of their own (a compound's last part counts: `Business-Freigabe`), with
    /// what names the role after them (`sign-off by Legal`, `Freigabe durch den Betrieb`).
    public private(set) var approvalPattern: Pattern?
    public var decisionFields: [String] = [] {
        didSet { decisionFieldKeys = Set(decisionFields.map { $0.lowercased() }) }
    }
    /// `decisionFields` lower-cased, for lookups.
    public private(set) var decisionFieldKeys: Set<String> = []
    /// Words a decision field offers between slashes (`GO / NO-GO`): written so, none is chosen.
    public var decisionOptions: [String] = [] {
        didSet { decisionOptionKeys = Set(decisionOptions.map { $0.lowercased() }) }
    }
    public private(set) var decisionOptionKeys: Set<String> = []
    public var signature: Pattern?
    public var verification = SignoffVerification()
    public var deadlineLabels: [String] = [] {
        didSet { deadlineLinePattern = Configuration.deadlineLinePattern(labels: deadlineLabels) }
    }
    /// `Label: value` for the deadline labels, compiled once per run.
    public private(set) var deadlineLinePattern: Pattern?
    public var waivers: [Waiver] = []
    /// `max-document-size`: a document larger than this is not read (`document-too-large`).
    public var maximumDocumentBytes = SourceText.maximumBytes
    /// `waivers.approvers` and `waivers.max-days`: who may add a waiver, and for how long.
    public var waiverPolicy = WaiverPolicy()
    /// Status words that mark a deliverable done (`Done`, `Erledigt`, `✅`) or cancelled (`N/A`, `entfällt`).
    public var doneWords: [String] = [] {
        didSet { doneKeys = doneWords.map { $0.lowercased() } }
    }
    public var cancelledWords: [String] = [] {
        didSet {
            cancelledKeys = cancelledWords.map { $0.lowercased() }
            cancelledPrefixes = BytePairs(cancelledKeys.map { Array($0.utf8.prefix(2)) })
            cancellationPattern = Configuration.cancellationPattern(words: cancelledWords)
        }
    }
    /// The word lists lower-cased, for comparisons.
    public private(set) var doneKeys: [String] = []
    public private(set) var cancelledKeys: [String] = []
    /// The first two bytes of each cancelled word, lower-cased: where none follows a place the
    /// pattern could match, the pattern need not run.
    public private(set) var cancelledPrefixes = BytePairs([])
    /// A cancellation marked on a deliverable's text, compiled once per run: the word first
    /// (`N/A`), in parentheses (`(entfällt)`), or last after a dash or colon (`– skipped`).
    public private(set) var cancellationPattern: Pattern?
    /// The rule packs `.golint.yml` names (repository paths): part of the configuration, so a
    /// change to one re-checks every document.
    public var packs: [String] = []

    /// The rule ids `rules:` names, and where.
    public var namedRules: [RuleReference] = []

    /// Rule ids are checked by the engine, which knows the rules (the rules read the configuration,
    /// so the configuration cannot know them): an unknown id is an error where it is written.
    public func requireKnownRules(_ known: [String]) throws {
        for reference in namedRules where !known.contains(reference.id) {
            throw GolintError.configuration(file: reference.file, line: reference.line,
                                            message: "unknown rule id '\(reference.id)' (known: \(known.joined(separator: ", ")))")
        }
        for waiver in waivers where !known.contains(waiver.rule) {
            throw GolintError.configuration(file: waiver.file, line: waiver.line, message: "unknown rule id '\(waiver.rule)' in a waiver")
        }
    }

    /// The shipped rule pack alone.
    public static func shipped() -> Configuration {
        var configuration = Configuration()
        // The shipped pack is part of the binary; a failure here is a build defect.
        try! ConfigurationLoader.apply(yaml: String(decoding: PackageResources.golint_yml, as: UTF8.self),
                                       file: "rules/golint.yml", kind: .pack, to: &configuration)
        return configuration
    }

    private static func cancellationPattern(words: [String]) -> Pattern? {
        guard !words.isEmpty else { return nil }
        let alternation = words.map(NSRegularExpression.escapedPattern(for:)).joined(separator: "|")
        return try? Pattern(#"^\s*(?:\#(alternation))(?![\p{L}])|\(\s*(?:\#(alternation))(?![\p{L}])|(?:[—–:]|\s-)\s*(?:\#(alternation))\s*[.!)]?\s*$"#,
                            caseInsensitive: true)
    }

    /// Nouns an approval word only describes: `approval forms`, `Freigabe-Vorlage`, `sign-off meeting`.
    private static let notApprovals = "forms?|templates?|process(?:es)?|matrix|workflows?|requests?|meetings?|documents?|docs?|checklists?|lists?|status|plans?|"
        + "vorlagen?|formulare?|prozess(?:e)?|anträge|antrag|liste|dokumente?|termine?|plantillas?|formularios?|formulaires?|modèles?|processus|réunion"

    private static func approvalPattern(words: [String]) -> Pattern? {
        guard !words.isEmpty else { return nil }
        let alternation = words.map(NSRegularExpression.escapedPattern(for:)).joined(separator: "|")
        // One approval, not several to collect (`sign-offs`, `Freigaben`), and not what an approval
        // is done with (`approval forms`, `Freigabe-Vorlage`).
        return try? Pattern(#"(?<![\p{L}])(?:\#(alternation))(?![\p{L}])(?![-\s]+(?:\#(notApprovals))(?![\p{L}]))(?:\s+(?:by|from|of|durch|von|vom|der|des|de|del|par)\s+(?:(?:the|den|dem|die|das|la|el|le)\s+)?([^,;:()—–]+))?"#,
                            caseInsensitive: true)
    }

    private static func deadlineLinePattern(labels: [String]) -> Pattern? {
        guard !labels.isEmpty else { return nil }
        let alternation = labels.map(NSRegularExpression.escapedPattern(for:)).joined(separator: "|")
        // A qualifier may come first (`Final deadline:`, `Review Due:`), `by`/`am` after (`Due by:`).
        return try? Pattern(#"^[^\p{L}\p{N}]*((?:\p{L}[\p{L}-]*\s+){0,2}?(?:\#(alternation))(?:\s+(?:by|am|on|le|el|il))?)\s*[:：]\s*(.*?)\s*$"#,
                            caseInsensitive: true)
    }

    /// Documents are Markdown files and configuration is YAML, whatever the globs say: the hook's
    /// fast path and the pre-commit manifest skip commits that stage neither without asking golint.
    public static let documentExtensions = ["md", "markdown"]
    public static let configurationExtensions = ["yml", "yaml"]

    static func hasExtension(_ path: String, _ extensions: [String]) -> Bool {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return false }
        return extensions.contains(path[path.index(after: dot)...].lowercased())
    }

    public func isDocument(_ path: String) -> Bool {
        Configuration.hasExtension(path, Configuration.documentExtensions) && include.contains { $0.matches(path) } && !exclude.contains { $0.matches(path) }
    }

    /// The severity a rule runs at, or nil when it is off.
    public func severity(of rule: RuleDescription) -> Severity? {
        if let configured = severities[rule.id] { return configured }
        return rule.defaultSeverity
    }
}

/// An accepted finding, with who accepted it, why, and until when.
public struct Waiver: Sendable, Equatable {
    public let rule: String
    public let path: Glob
    /// Text the finding's line must contain; nil matches any line.
    public let text: String?
    public let reason: String
    public let owner: String
    public let expires: CalendarDate?
    public let line: Int
    public let file: String
    /// Why it does not count under `waivers.approvers` or `waivers.max-days` (who added it, or
    /// for how long); nil when it counts.
    public var refusal: String? = nil

    /// Whether it is about this finding: its rule, and its text on the finding's line.
    public func matches(_ finding: Finding) -> Bool { rule == finding.rule && text.map(finding.sourceLine.contains) != false }

    /// `placeholder (owner sre-lead: rota not final; .golint.yml:2)`
    public var description: String { "\(rule) (owner \(owner): \(reason); \(file):\(line))" }
}

/// Who may add a waiver and how long one may last; nothing is asked when neither is set.
public struct WaiverPolicy: Sendable, Equatable {
    public var approvers: [Glob]?
    public var maximumDays: Int?

    public var isGoverned: Bool { approvers != nil || maximumDays != nil }
}

/// A rule id the configuration names, and where.
public struct RuleReference: Sendable, Equatable {
    public let id: String
    public let file: String
    public let line: Int?
}
