import Foundation

/// SARIF 2.1.0 for code scanning: one run, the rule catalogue, one result per finding.
public enum SARIFReporter {
    public static func report(_ report: CheckReport) -> String {
        let rules = RuleRegistry.rules.map { $0.description }
        var ruleIndex: [String: Int] = [:]
        for (index, rule) in rules.enumerated() { ruleIndex[rule.id] = index }
        var run: [(String, JSONValue)] = [
            ("tool", .object([("driver", driver(rules))])),
            ("columnKind", .string("unicodeCodePoints")),
            ("results", .array(report.findings.map { result($0, ruleIndex: ruleIndex[$0.rule]) })),
        ]
        if let commit = report.commit {
            run.append(("properties", .object([("commit", .string(commit)), ("source", .string(report.source))])))
        }
        let document: JSONValue = .object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([.object(run)])),
        ])
        return document.rendered()
    }

    private static func driver(_ rules: [RuleDescription]) -> JSONValue {
        let catalogue: [JSONValue] = rules.map { rule in
            .object([
                ("id", .string(rule.id)),
                ("name", .string(rule.name.replacingOccurrences(of: " ", with: ""))),
                ("shortDescription", .object([("text", .string(rule.summary))])),
                ("defaultConfiguration", .object([("level", .string(level(rule.severity)))])),
            ])
        }
        return .object([
            ("name", .string("golint")),
            ("version", .string(Golint.version)),
            ("informationUri", .string("https://github.com/golint/golint")),
            ("rules", .array(catalogue)),
        ])
    }

    private static func result(_ finding: Finding, ruleIndex: Int?) -> JSONValue {
        let artifact: JSONValue = .object([("uri", .string(uri(finding.path))), ("uriBaseId", .string("%SRCROOT%"))])
        let region: JSONValue = .object([("startLine", .int(finding.line)), ("startColumn", .int(finding.column))])
        let location: JSONValue = .object([("physicalLocation", .object([("artifactLocation", artifact), ("region", region)]))])
        var members: [(String, JSONValue)] = [("ruleId", .string(finding.rule))]
        if let ruleIndex { members.append(("ruleIndex", .int(ruleIndex))) }
        members += [
            ("level", .string(level(finding.severity))),
            ("message", .object([("text", .string(finding.message))])),
            ("locations", .array([location])),
            // Stable across line moves: rule, path and the line's text, as baselines match.
            ("partialFingerprints", .object([("golint/v1", .string(fingerprint(finding)))])),
        ]
        return .object(members)
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
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in "\(finding.rule)\u{0}\(finding.path)\u{0}\(finding.sourceLine)".utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100000001b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
