/// Renders history, diff and blame results. Deterministic: the same input gives the same bytes.
public enum HistoryReporter {
    public struct Header: Sendable {
        public let since: String?
        public let until: String
        public let commits: Int
        public let shallowBoundary: [String]

        public init(since: String?, until: String, commits: Int, shallowBoundary: [String]) {
            self.since = since
            self.until = until
            self.commits = commits
            self.shallowBoundary = shallowBoundary
        }
    }

    /// As UTF-8: history's JSON runs to tens of megabytes and is written as it is rendered.
    public static func render(_ events: [HistoryEvent], header: Header, format: AuditFormat) -> ReportOutput {
        guard format == .json else { return ReportOutput(renderText(events, format: format)) }
        return JSONValue.object([
            ("tool", .string("golint")),
            ("version", .string(Golint.version)),
            ("since", .optional(header.since)),
            ("until", .string(header.until)),
            ("commits", .int(header.commits)),
            ("shallowBoundary", .array(header.shallowBoundary.map(JSONValue.string))),
            ("events", .array(writing: events, atIndent: 1, write)),
        ]).renderedOutput()
    }

    private static func renderText(_ events: [HistoryEvent], format: AuditFormat) -> String {
        switch format {
        case .markdown:
            var lines = ["| Time | Commit | Author | Committer | Signature | Document | Line | Event | Item | Before | After | Verified | Stale |",
                         "|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
            lines += events.map { event in
                "| " + [event.isoTime, String(event.commit.prefix(10)), "\(event.authorName) <\(event.authorEmail)>",
                        "\(event.committerName) <\(event.committerEmail)>", signatureText(event.signature), event.path,
                        event.line.map(String.init) ?? "", event.kind.rawValue, event.item ?? "", event.before ?? "", event.after ?? "",
                        verifiedText(event.verified), staleText(event.stale)]
                    .map(MarkdownText.cell).joined(separator: " | ") + " |"
            }
            return lines.map { $0 + "\n" }.joined()
        case .csv:
            let header = "commit,author,email,committer,committer_email,signature,signer,time,path,kind,item,line,before,after,verified,stale"
            let rows = events.map { event in
                [event.commit, event.authorName, event.authorEmail, event.committerName, event.committerEmail, event.signature.status.rawValue,
                 event.signature.signer ?? "", event.isoTime, event.path, event.kind.rawValue, event.item ?? "",
                 event.line.map(String.init) ?? "", event.before ?? "", event.after ?? "", verifiedText(event.verified), staleText(event.stale)]
                    .map(csvField).joined(separator: ",")
            }
            return ([header] + rows).map { $0 + "\r\n" }.joined()
        default:
            return events.map(textLine).map { $0 + "\n" }.joined()
        }
    }

    static func textLine(_ event: HistoryEvent) -> String {
        let path = QuotedPath.text(event.path)
        let location = event.line.map { "\(path):\($0)" } ?? path
        var line = "\(event.isoTime)  \(event.commit.prefix(10))  \(event.authorName) <\(event.authorEmail)>  \(location)  \(event.kind.rawValue)"
        if let item = event.item { line += "  \(item)" }
        switch event.kind {
        case .itemEdited, .deadlineChanged, .documentRenamed, .itemMoved, .placeholderFilled:
            line += ": \(event.before ?? "∅") → \(event.after ?? "∅")"
        default:
            break
        }
        if event.signature.status != .none { line += "  [\(signatureText(event.signature))]" }
        if let verified = event.verified { line += "  \(verifiedText(verified))" }
        if event.stale == true { line += ", stale" }
        return line
    }

    static func staleText(_ stale: Bool?) -> String {
        stale.map { $0 ? "stale" : "current" } ?? ""
    }

    /// `ssh good carol@payments.example`, `openpgp unknown-key`, `none` (unsigned: the word JSON and CSV use).
    static func signatureText(_ signature: SignatureCheck) -> String {
        guard signature.status != .none else { return "none" }
        return [signature.format?.rawValue, signature.status.rawValue, signature.signer].compactMap { $0 }.joined(separator: " ")
    }

    static func verifiedText(_ verified: Bool?) -> String {
        verified.map { $0 ? "verified" : "unverified" } ?? ""
    }

    public static func json(_ event: HistoryEvent) -> JSONValue {
        .object([
            ("commit", .string(event.commit)),
            ("author", .object([("name", .string(event.authorName)), ("email", .string(event.authorEmail))])),
            ("committer", .object([("name", .string(event.committerName)), ("email", .string(event.committerEmail))])),
            ("time", .string(event.isoTime)),
            ("path", .string(event.path)),
            ("kind", .string(event.kind.rawValue)),
            ("item", .optional(event.item)),
            ("line", event.line.map(JSONValue.int) ?? .null),
            ("before", .optional(event.before)),
            ("after", .optional(event.after)),
            ("signature", .object([
                ("status", .string(event.signature.status.rawValue)),
                ("format", .optional(event.signature.format?.rawValue)),
                ("signer", .optional(event.signature.signer)),
            ])),
            ("verified", event.verified.map(JSONValue.bool) ?? .null),
            ("stale", event.stale.map(JSONValue.bool) ?? .null),
        ])
    }

    /// One event as `json(_:)` renders it, written in place (a history carries tens of thousands).
    static func write(_ event: HistoryEvent, into output: inout JSONBytes, atIndent indent: Int) {
        func person(_ name: String, _ email: String) -> (inout JSONBytes, Int) -> Void {
            { output, indent in
                var object = JSONObjectWriter(indent: indent)
                object.string("name", name, &output)
                object.string("email", email, &output)
                object.end(&output)
            }
        }
        var object = JSONObjectWriter(indent: indent)
        object.string("commit", event.commit, &output)
        object.value("author", &output, person(event.authorName, event.authorEmail))
        object.value("committer", &output, person(event.committerName, event.committerEmail))
        object.string("time", event.isoTime, &output)
        object.string("path", event.path, &output)
        object.string("kind", event.kind.rawValue, &output)
        object.string("item", event.item, &output)
        object.int("line", event.line, &output)
        object.string("before", event.before, &output)
        object.string("after", event.after, &output)
        object.value("signature", &output) { output, indent in
            var signature = JSONObjectWriter(indent: indent)
            signature.string("status", event.signature.status.rawValue, &output)
            signature.string("format", event.signature.format?.rawValue, &output)
            signature.string("signer", event.signature.signer, &output)
            signature.end(&output)
        }
        object.bool("verified", event.verified, &output)
        object.bool("stale", event.stale, &output)
        object.end(&output)
    }

    public static func renderBlame(_ entries: [BlameEntry], path: String, revision: String, format: AuditFormat) -> String {
        switch format {
        case .json:
            return JSONValue.object([
                ("tool", .string("golint")),
                ("version", .string(Golint.version)),
                ("path", .string(path)),
                ("revision", .string(revision)),
                ("items", .array(entries.map { entry in
                    .object([
                        ("line", .int(entry.line)),
                        ("item", .string(entry.text)),
                        ("checked", .bool(entry.checked)),
                        ("approval", .bool(entry.isApproval)),
                        ("signed", .bool(entry.signed)),
                        ("lastChange", json(entry.lastChange)),
                        ("beforeShallowBoundary", .bool(entry.beforeShallowBoundary)),
                    ])
                })),
            ]).rendered()
        case .csv:
            let rows = entries.map { entry in
                [String(entry.line), entry.checked ? "x" : " ", entry.text,
                 entry.beforeShallowBoundary ? "shallow-boundary" : entry.lastChange.kind.rawValue, entry.lastChange.commit,
                 entry.lastChange.authorName, entry.lastChange.authorEmail, entry.lastChange.isoTime, entry.lastChange.signature.status.rawValue,
                 verifiedText(entry.lastChange.verified), staleText(entry.lastChange.stale)].map(csvField).joined(separator: ",")
            }
            return (["line,state,item,change,commit,author,email,time,signature,verified,stale"] + rows).map { $0 + "\r\n" }.joined()
        case .markdown:
            var lines = ["| Line | State | Item | Last change | Commit | Author | Time | Signature | Verified | Stale |",
                         "|---|---|---|---|---|---|---|---|---|---|"]
            lines += entries.map { entry in
                "| " + [String(entry.line), entry.checked ? "[x]" : "[ ]", entry.text,
                        entry.beforeShallowBoundary ? "at or before (shallow clone)" : entry.lastChange.kind.rawValue,
                        String(entry.lastChange.commit.prefix(10)), entry.lastChange.authorName, entry.lastChange.isoTime,
                        signatureText(entry.lastChange.signature), verifiedText(entry.lastChange.verified), staleText(entry.lastChange.stale)]
                    .map(MarkdownText.cell).joined(separator: " | ") + " |"
            }
            return lines.map { $0 + "\n" }.joined()
        default:
            let width = entries.map { $0.text.count }.max() ?? 0
            return entries.map { entry in
                let state = entry.checked ? "[x]" : "[ ]"
                let text = entry.text.padding(toLength: max(width, 1), withPad: " ", startingAt: 0)
                let change = entry.lastChange
                if entry.beforeShallowBoundary {
                    return "\(String(entry.line).leftPadded(4)) \(state) \(text)  at or before \(change.commit.prefix(10)) "
                        + "(shallow clone: history stops there)\n"
                }
                var trail = ""
                if change.signature.status != .none { trail += " [\(signatureText(change.signature))]" }
                if let verified = change.verified { trail += " \(verifiedText(verified))" }
                if change.stale == true { trail += ", stale" }
                return "\(String(entry.line).leftPadded(4)) \(state) \(text)  \(change.kind.rawValue) by \(change.authorName) <\(change.authorEmail)> "
                    + "\(change.isoTime) \(change.commit.prefix(10))\(trail)\n"
            }.joined()
        }
    }


    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
    func padded(_ width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
}
