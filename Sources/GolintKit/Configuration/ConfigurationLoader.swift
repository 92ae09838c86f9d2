import Foundation
import Yams

/// Reads `.golint.yml` and rule packs strictly: an unknown key, an unknown rule id, a wrong type or
/// an invalid pattern is an error naming the file and line.
public enum ConfigurationLoader {
    public enum Kind { case configuration, pack }

    private static let packKeys: Set<String> = ["version", "placeholder", "signoff", "deadline", "status"]
    private static let configurationKeys = packKeys.union(["include", "exclude", "timezone", "rules", "packs", "waivers", "date-order", "anchor", "max-document-size"])

    /// Applies one YAML file on top of `configuration`. Returns the packs it names, in order.
    @discardableResult
    public static func apply(yaml: String, file: String, kind: Kind, to configuration: inout Configuration) throws -> [String] {
        let root: Node?
        do {
            // Every value is read as a string: the basic resolver spares compiling the default tag regexes.
            root = try Yams.compose(yaml: yaml, .basic)
        } catch let error as YamlError {
            throw GolintError.configuration(file: file, line: yamlErrorLine(error), message: "invalid YAML: \(yamlErrorSummary(error))")
        } catch {
            throw GolintError.configuration(file: file, line: nil, message: "invalid YAML: \(error)")
        }
        guard let root else { return [] }
        let reader = Reader(file: file)
        let mapping = try reader.mapping(root, "the top level")
        let allowed = kind == .pack ? packKeys : configurationKeys
        var packs: [String] = []
        for (keyNode, value) in mapping {
            let key = try reader.string(keyNode)
            guard allowed.contains(key) else {
                throw reader.error(keyNode, "unknown key '\(key)'" + (kind == .pack && configurationKeys.contains(key) ? " (not allowed in a rule pack)" : ""))
            }
            switch key {
            case "version":
                guard try reader.string(value) == "1" else { throw reader.error(value, "unsupported version (this golint reads version 1)") }
            case "include":
                configuration.include = try reader.strings(value).map(Glob.init)
            case "exclude":
                configuration.exclude += try reader.strings(value).map(Glob.init)
            case "timezone":
                let name = try reader.string(value)
                guard let zone = TimeZones.named(name) else { throw reader.error(value, "unknown time zone '\(name)'") }
                configuration.timezone = zone
            case "date-order":
                let text = try reader.string(value)
                guard let order = DateOrder(rawValue: text.lowercased()) else { throw reader.error(value, "date-order is mdy or dmy, not '\(text)'") }
                configuration.dateOrder = order
            case "anchor":
                let text = try reader.string(value)
                guard let time = ISOTime.parse(text, defaultZone: configuration.timezone ?? TimeZones.utc) else {
                    throw reader.error(value, "anchor is an ISO 8601 time (2026-03-06T10:00+01:00), not '\(text)'")
                }
                configuration.anchor = time
            case "max-document-size":
                let text = try reader.string(value)
                guard let bytes = ByteSize.parse(text), bytes > 0 else {
                    throw reader.error(value, "max-document-size is a size such as 20MiB, 500KB or 2000000, not '\(text)'")
                }
                configuration.maximumDocumentBytes = bytes
            case "rules":
                try readRules(value, reader, into: &configuration)
            case "packs":
                packs = try reader.strings(value)
                if let pack = packs.first(where: { !Configuration.hasExtension($0, Configuration.configurationExtensions) }) {
                    throw reader.error(value, "rule pack '\(pack)' must be a YAML file (.yml or .yaml)")
                }
            case "placeholder":
                try readPlaceholder(value, reader, into: &configuration)
            case "signoff":
                try readSignoff(value, reader, kind: kind, into: &configuration)
            case "deadline":
                for (subkey, subvalue) in try reader.mapping(value, "deadline") {
                    guard try reader.string(subkey) == "labels" else { throw reader.error(subkey, "unknown key 'deadline.\(try reader.string(subkey))'") }
                    configuration.deadlineLabels = try reader.strings(subvalue)
                }
            case "waivers":
                try readWaivers(value, reader, into: &configuration)
            case "status":
                for (subkey, subvalue) in try reader.mapping(value, "status") {
                    switch try reader.string(subkey) {
                    case "done": configuration.doneWords = try reader.strings(subvalue)
                    case "cancelled": configuration.cancelledWords = try reader.strings(subvalue)
                    case let other: throw reader.error(subkey, "unknown key 'status.\(other)' (done, cancelled)")
                    }
                }
            default:
                break
            }
        }
        return packs
    }

    private static func readRules(_ node: Node, _ reader: Reader, into configuration: inout Configuration) throws {
        for (keyNode, value) in try reader.mapping(node, "rules") {
            let id = try reader.string(keyNode)
            configuration.namedRules.append(RuleReference(id: id, file: reader.file, line: keyNode.mark?.line))
            var text: String
            if let nested = value.mapping {
                guard nested.count == 1, let (k, v) = nested.first, try reader.string(k) == "severity" else {
                    throw reader.error(value, "rule '\(id)' takes a severity: error, warning, info or off")
                }
                text = try reader.string(v)
            } else {
                text = try reader.string(value)
            }
            if text == "off" || text == "false" {
                configuration.severities[id] = .some(nil)
            } else if let severity = Severity(rawValue: text) {
                configuration.severities[id] = severity
            } else {
                throw reader.error(value, "'\(text)' is not a severity for '\(id)' (error, warning, info or off)")
            }
        }
    }

    private static func readPlaceholder(_ node: Node, _ reader: Reader, into configuration: inout Configuration) throws {
        for (keyNode, value) in try reader.mapping(node, "placeholder") {
            switch try reader.string(keyNode) {
            case "patterns":
                guard let sequence = value.sequence else { throw reader.error(value, "placeholder.patterns must be a list of regular expressions") }
                var patterns: [Pattern] = []
                for item in sequence {
                    let source = try reader.string(item)
                    do {
                        patterns.append(try Pattern(source))
                    } catch let error as Pattern.CompileError {
                        throw reader.error(item, error.description)
                    }
                }
                // One assignment: the combined pattern is compiled once per file, not once per pattern.
                configuration.placeholderPatterns += patterns
            case "words":
                configuration.placeholderWords += try reader.strings(value)
            case "in-code-blocks":
                configuration.placeholdersInCodeBlocks = try reader.bool(value)
            case let other:
                throw reader.error(keyNode, "unknown key 'placeholder.\(other)'")
            }
        }
    }

    private static func readSignoff(_ node: Node, _ reader: Reader, kind: Kind, into configuration: inout Configuration) throws {
        for (keyNode, value) in try reader.mapping(node, "signoff") {
            let key = try reader.string(keyNode)
            // Who may approve is the repository's to say, read from the trusted revision: never a pack's.
            if kind == .pack && SignoffVerification.keys.contains(key) {
                throw reader.error(keyNode, "signoff.\(key) is not allowed in a rule pack")
            }
            switch key {
            case "roles":
                configuration.verification.roles = try reader.mapping(value, "signoff.roles").map { role, approvers in
                    (role: try reader.string(role), approvers: try reader.strings(approvers).map { Glob($0.lowercased()) })
                }
            case "require-signed-commits": configuration.verification.requireSignedCommits = try reader.bool(value)
            case "separation": configuration.verification.separation = try reader.bool(value)
            case "emergency-window":
                let text = try reader.string(value)
                guard let window = TimeLeft.seconds(in: text), window > 0 else {
                    throw reader.error(value, "signoff.emergency-window takes a span such as 48h, 2d or 90m, not '\(text)'")
                }
                configuration.verification.emergencyWindow = window
            case "min-approvers":
                configuration.verification.minimumApprovers = try reader.mapping(value, "signoff.min-approvers").map { role, count in
                    guard let number = Int(try reader.string(count)), number >= 1 else {
                        throw reader.error(count, "signoff.min-approvers takes a number of people of at least 1 per role")
                    }
                    return (role: try reader.string(role), count: number)
                }
            case "allowed-signers": configuration.verification.allowedSignersFile = try reader.string(value)
            case "stale":
                let text = try reader.string(value)
                guard let scope = SignoffVerification.StaleScope(rawValue: text) else {
                    throw reader.error(value, "signoff.stale is document, section or off, not '\(text)'")
                }
                configuration.verification.stale = scope
            case "headings": configuration.signoffHeadings = try reader.strings(value)
            case "decision-fields": configuration.decisionFields = try reader.strings(value)
            case "approval-words": configuration.approvalWords = try reader.strings(value)
            case "role-words": configuration.roleWords = try reader.strings(value)
            case "decision-options": configuration.decisionOptions = try reader.strings(value)
            case "signature":
                let source = try reader.string(value)
                do {
                    configuration.signature = try Pattern(source)
                } catch let error as Pattern.CompileError {
                    throw reader.error(value, error.description)
                }
            case let other:
                throw reader.error(keyNode, "unknown key 'signoff.\(other)'")
            }
        }
    }

    /// `waivers:` is the list, or a mapping with who may add one (`approvers`), how long one may
    /// last (`max-days`) and the list (`entries`).
    private static func readWaivers(_ node: Node, _ reader: Reader, into configuration: inout Configuration) throws {
        guard node.mapping != nil else {
            configuration.waivers += try readWaiverList(node, reader)
            return
        }
        for (keyNode, value) in try reader.mapping(node, "waivers") {
            switch try reader.string(keyNode) {
            case "approvers": configuration.waiverPolicy.approvers = try reader.strings(value).map { Glob($0.lowercased()) }
            case "max-days":
                guard let days = Int(try reader.string(value)), days >= 1 else { throw reader.error(value, "waivers.max-days takes a number of days of at least 1") }
                configuration.waiverPolicy.maximumDays = days
            case "entries":
                // `entries:` with nothing under it: no waivers yet.
                if let scalar = value.scalar, ["", "~", "null"].contains(scalar.string) { continue }
                configuration.waivers += try readWaiverList(value, reader)
            case let other: throw reader.error(keyNode, "unknown key 'waivers.\(other)' (approvers, max-days, entries)")
            }
        }
    }

    private static func readWaiverList(_ node: Node, _ reader: Reader) throws -> [Waiver] {
        guard let sequence = node.sequence else { throw reader.error(node, "waivers must be a list, or a mapping with approvers, max-days and entries") }
        return try sequence.map { item in
            var fields: [String: String] = [:]
            for (keyNode, value) in try reader.mapping(item, "a waiver") {
                let key = try reader.string(keyNode)
                guard ["rule", "path", "text", "reason", "owner", "expires"].contains(key) else {
                    throw reader.error(keyNode, "unknown key '\(key)' in a waiver (rule, path, text, reason, owner, expires)")
                }
                fields[key] = try reader.string(value)
            }
            for required in ["rule", "path", "reason", "owner"] where fields[required] == nil {
                throw reader.error(item, "a waiver needs '\(required)'")
            }
            var expires: CalendarDate?
            if let text = fields["expires"] {
                guard let date = DateParser.dates(in: text).first?.calendarDate else { throw reader.error(item, "waiver 'expires' is not a date: '\(text)'") }
                expires = date
            }
            return Waiver(rule: fields["rule"]!, path: Glob(fields["path"]!), text: fields["text"], reason: fields["reason"]!,
                          owner: fields["owner"]!, expires: expires, line: item.mark.map { $0.line } ?? 0, file: reader.file)
        }
    }

    private static func yamlErrorLine(_ error: YamlError) -> Int? {
        switch error {
        case let .scanner(_, _, mark, _), let .parser(_, _, mark, _), let .composer(_, _, mark, _):
            return mark.line
        default:
            return nil
        }
    }

    private static func yamlErrorSummary(_ error: YamlError) -> String {
        switch error {
        case let .scanner(_, problem, _, _), let .parser(_, problem, _, _), let .composer(_, problem, _, _):
            return problem
        default:
            return String(describing: error).split(separator: "\n").first.map(String.init) ?? "unreadable"
        }
    }
}

/// Typed access to YAML nodes with errors that carry the file and line.
private struct Reader {
    let file: String

    func error(_ node: Node, _ message: String) -> GolintError {
        .configuration(file: file, line: node.mark?.line, message: message)
    }

    func mapping(_ node: Node, _ what: String) throws -> [(Node, Node)] {
        guard let mapping = node.mapping else { throw error(node, "\(what) must be a mapping") }
        return mapping.map { ($0.key, $0.value) }
    }

    func string(_ node: Node) throws -> String {
        guard let scalar = node.scalar else { throw error(node, "expected a single value") }
        return scalar.string
    }

    func strings(_ node: Node) throws -> [String] {
        if let sequence = node.sequence { return try sequence.map(string) }
        return [try string(node)]
    }

    func bool(_ node: Node) throws -> Bool {
        switch try string(node).lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        case let other: throw error(node, "expected true or false, not '\(other)'")
        }
    }
}
