import Foundation

/// SARIF 2.1.0 as GitHub code scanning reads it: one run with the rule catalogue (PascalCase names,
/// descriptions, help from the rules' examples), one result per finding with its region, a line
/// hash code scanning tracks results by, suppressed findings marked as such, and the invocation.
public enum SARIFReporter {
    /// GitHub accepts at most 25,000 results per run; the rest are left out, errors kept first.
    static let maximumResults = 25_000

    public static func report(_ report: CheckReport, category: String? = nil, notes: [String] = []) -> ReportOutput {
        let rules = RuleRegistry.rules.map { $0.description }
        var ruleIndex: [String: Int] = [:]
        for (index, rule) in rules.enumerated() { ruleIndex[rule.id] = index }
        // With --new-since, what the reference has too is present as `unchanged`, the rest as `new`.
        let compared = report.newSince != nil
        var entries = report.findings.map { (finding: $0, suppression: SuppressedFinding?.none, baselineState: compared ? "new" : nil) }
            + report.existing.map { (finding: $0, suppression: SuppressedFinding?.none, baselineState: Optional("unchanged")) }
            + report.suppressed.map { (finding: $0.finding, suppression: Optional($0), baselineState: String?.none) }
        var notifications = notes
        if entries.count > maximumResults {
            entries = entries.enumerated().sorted { ($1.element.finding.severity, $0.offset) < ($0.element.finding.severity, $1.offset) }
                .prefix(maximumResults).map(\.element)
            notifications.append("\(report.findings.count + report.existing.count + report.suppressed.count - maximumResults) results left out: code scanning takes \(maximumResults) per run")
        }
        entries.sort { Finding.ordered($0.finding, $1.finding) }
        let hashes = LineHashes.numbered(entries.map(\.finding))
        var uris: [String: String] = [:]
        for entry in entries where uris[entry.finding.path] == nil { uris[entry.finding.path] = uri(entry.finding.path) }
        var run: [(String, JSONValue)] = [("tool", .object([("driver", driver(rules))]))]
        if let category { run.append(("automationDetails", .object([("id", .string(category.hasSuffix("/") ? category : category + "/"))]))) }
        run += [
            ("invocations", .array([.object([
                ("executionSuccessful", .bool(true)),
                ("toolExecutionNotifications", .array(notifications.map { note in
                    .object([("level", .string("warning")), ("message", .object([("text", .string(note))]))])
                })),
            ])])),
            ("originalUriBaseIds", .object([("%SRCROOT%", root(report.root))])),
            ("columnKind", .string("unicodeCodePoints")),
            // Results are most of a large report: rendered on all cores.
            ("results", .array(writing: Array(entries.indices), atIndent: 3) { [entries, ruleIndex, uris] index, output, indent in
                let entry = entries[index]
                write(entry.finding, suppression: entry.suppression, baselineState: entry.baselineState, ruleIndex: ruleIndex[entry.finding.rule],
                      uri: uris[entry.finding.path]!, lineHash: hashes[index], into: &output, atIndent: indent)
            }),
        ]
        var properties: [(String, JSONValue)] = [("source", .string(report.source))]
        if let commit = report.commit { properties.insert(("commit", .string(commit)), at: 0) }
        run.append(("properties", .object(properties)))
        let document: JSONValue = .object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([.object(run)])),
        ])
        return document.renderedOutput()
    }

    /// The work tree as a file URI ending in a slash, or a description where there is none.
    private static func root(_ path: String?) -> JSONValue {
        guard let path else { return .object([("description", .object([("text", .string("the repository's root"))]))]) }
        return .object([("uri", .string(URL(fileURLWithPath: path, isDirectory: true).absoluteString))])
    }

    private static func driver(_ rules: [RuleDescription]) -> JSONValue {
        let catalogue: [JSONValue] = rules.map { rule in
            .object([
                ("id", .string(rule.id)),
                ("name", .string(pascalCase(rule.name))),
                ("shortDescription", .object([("text", .string(rule.name))])),
                ("fullDescription", .object([("text", .string(rule.summary))])),
                ("help", .object([("text", .string(helpText(rule))), ("markdown", .string(helpMarkdown(rule)))])),
                ("defaultConfiguration", .object([("level", .string(level(rule.severity)))])),
                ("properties", .object([("tags", .array([.string("go-live")]))])),
            ])
        }
        return .object([
            ("name", .string("golint")),
            ("fullName", .string("golint, the go-live checklist linter")),
            ("version", .string(Golint.version)),
            ("semanticVersion", .string(Golint.version)),
            ("informationUri", .string("https://github.com/golint/golint")),
            ("rules", .array(catalogue)),
        ])
    }

    /// `Overdue item` → `OverdueItem`.
    static func pascalCase(_ name: String) -> String {
        name.split { !$0.isLetter && !$0.isNumber }.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// An example as written, without the `↓` that marks where the rule reports.
    private static func shown(_ example: Example) -> String { example.markdown.replacingOccurrences(of: "↓", with: "") }

    private static func helpText(_ rule: RuleDescription) -> String {
        var text = rule.summary
        if let example = rule.triggering.first { text += "\n\nReported on:\n" + shown(example) }
        if let example = rule.nonTriggering.first { text += "\nNot reported on:\n" + shown(example) }
        return text
    }

    private static func helpMarkdown(_ rule: RuleDescription) -> String {
        func block(_ examples: [Example]) -> String {
            examples.prefix(3).map { "```markdown\n\(shown($0).trimmingCharacters(in: .newlines))\n```\n" }.joined(separator: "\n")
        }
        var markdown = "\(rule.summary)\n"
        if !rule.triggering.isEmpty { markdown += "\n**Reported on:**\n\n" + block(rule.triggering) }
        if !rule.nonTriggering.isEmpty { markdown += "\n**Not reported on:**\n\n" + block(rule.nonTriggering) }
        return markdown
    }

    /// One result, written in place (a report carries up to 25,000).
    private static func write(_ finding: Finding, suppression: SuppressedFinding?, baselineState: String?, ruleIndex: Int?, uri: String, lineHash: String,
                              into output: inout JSONBytes, atIndent indent: Int) {
        let artifact: JSONValue = .object([("uri", .string(uri)), ("uriBaseId", .string("%SRCROOT%"))])
        let region: JSONValue = .object([("startLine", .int(finding.line)), ("startColumn", .int(finding.column)),
                                         ("endLine", .int(finding.endLine)), ("endColumn", .int(finding.endColumn))])
        let location: JSONValue = .object([("physicalLocation", .object([("artifactLocation", artifact), ("region", region)]))])
        var result = JSONObjectWriter(indent: indent)
        result.string("ruleId", finding.rule, &output)
        if let ruleIndex { result.int("ruleIndex", ruleIndex, &output) }
        result.string("level", level(finding.severity), &output)
        result.value("message", .object([("text", .string(finding.message))]), &output)
        result.value("locations", .array([location]), &output)
        result.value("partialFingerprints", .object([
            ("primaryLocationLineHash", .string(lineHash)),
            // Stable across line moves: rule, path and the line's text, as baselines match.
            ("golint/v1", .string(fingerprint(finding))),
        ]), &output)
        if let baselineState { result.string("baselineState", baselineState, &output) }
        if let suppression {
            var entry: [(String, JSONValue)] = [("kind", .string(suppression.kind.rawValue)), ("status", .string("accepted"))]
            if let justification = suppression.justification { entry.append(("justification", .string(justification))) }
            result.value("suppressions", .array([.object(entry)]), &output)
        }
        result.end(&output)
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    /// A relative URI reference: each path segment percent-encoded.
    static func uri(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ":")
        return path.split(separator: "/", omittingEmptySubsequences: false)
            .map { String($0).addingPercentEncoding(withAllowedCharacters: allowed) ?? String($0) }.joined(separator: "/")
    }

    /// FNV-1a over rule, path and line text: deterministic across runs and machines.
    static func fingerprint(_ finding: Finding) -> String {
        hex(fnv1a("\(finding.rule)\u{0}\(finding.path)\u{0}\(finding.sourceLine)"))
    }

    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100000001b3 }
        return hash
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// `primaryLocationLineHash` as code scanning reads it: a hash of the line's text without its
    /// whitespace, then `:n` for the n-th result on an equal line of the same file.
    enum LineHashes {
        /// The hashes of findings in the order given: hashed on all cores, numbered in order.
        static func numbered(_ findings: [Finding]) -> [String] {
            let hashes = findings.parallelMap { SARIFReporter.hex(SARIFReporter.fnv1a(String($0.sourceLine.unicodeScalars.filter { !$0.properties.isWhitespace }))) }
            var seen: [String: Int] = [:]
            return zip(findings, hashes).map { finding, hash in
                let key = finding.path + "\u{0}" + hash
                let occurrence = seen[key, default: 0] + 1
                seen[key] = occurrence
                return "\(hash):\(occurrence)"
            }
        }
    }
}
