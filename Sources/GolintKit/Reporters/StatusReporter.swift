import Foundation

/// `golint status` as text (80 columns, colour on a terminal), JSON or Markdown (job summaries).
public enum StatusReporter {
    public static func render(_ status: LaunchStatus, format: StatusFormat, style: TextStyle) -> String {
        switch format {
        case .json: json(status).rendered()
        case .markdown: markdown(status)
        case .text: text(status, style: style)
        }
    }

    // MARK: Text

    static let width = 80

    public static func text(_ status: LaunchStatus, style: TextStyle) -> String {
        var out = "Launch status · \(status.source)\(status.commit.map { " \($0.prefix(7))" } ?? "") · "
            + "\(TimeLeft.moment(status.evaluatedAt, in: status.evaluationZone))\n"
        // Documents are rendered on all cores: a thousand documents have tens of thousands of workstreams.
        out += status.documents.parallelMap { text($0, now: status.evaluatedAt, style: style) }.joined()
        // The readiness line, in two when it does not fit.
        let readiness = status.readiness.count <= width ? status.readiness : status.readinessMoment + ":\n  " + status.readinessCounts
        let color = status.isReady ? "1;32" : status.deliverables.overdue > 0 ? "1;31" : "1;33"
        out += "\n" + readiness.split(separator: "\n").map { style.paint(fitted(String($0), width), color) }.joined(separator: "\n") + "\n"
        return out
    }

    static func text(_ document: DocumentStatus, now: Date, style: TextStyle) -> String {
        var out = "\n" + style.paint(fitted(document.path, width, keepEnd: true), "1") + "\n"
        let counts = document.deliverables
        // A bar of nothing would read as done: say what there is instead.
        if document.isUnread {
            out += "  " + style.paint("not read (see check)", "33") + "\n"
        } else if counts.total == 0 {
            out += "  no deliverables\n"
        } else {
            out += "  \(bar(counts, width: 24, style: style)) \(percent(counts)) \(summary(counts, style: style))\n"
        }
        if let next = document.nextDeadline {
            let when = "\(TimeLeft.moment(next.deadline.instant, in: next.deadline.timeZone)) (\(TimeLeft.until(next.deadline.instant, from: now)))"
            out += "  Next          " + fitted("'\(next.item)'", width - 16 - when.count - 1) + " \(when)\n"
        }
        if !document.overdue.isEmpty {
            let owners = LaunchStatus.grouped(document.overdue).map { "\($0.owner ?? "unassigned") \($0.items.count)" }
            out += "  Overdue       " + style.paint(fitted(owners.joined(separator: " · "), width - 16), "31") + "\n"
        }
        if document.approvals.total > 0 {
            let approvals = document.approvals
            var line = "\(approvals.given)/\(approvals.total) given"
            if document.isVerifying { line += ", \(approvals.verified) verified" }
            let open = document.approvalList.filter { $0.standing == .open }.map(\.role)
            if !open.isEmpty { line += " · open: " + open.joined(separator: ", ") }
            let stale = document.approvalList.filter { $0.standing == .stale }.map(\.role)
            if !stale.isEmpty { line += " · stale: " + stale.joined(separator: ", ") }
            out += "  Approvals     " + fitted(line, width - 16) + "\n"
        }
        if !document.placeholders.isEmpty {
            var seen = Set<String>()
            let names = document.placeholders.map(\.excerpt).filter { seen.insert($0).inserted }
            out += "  Placeholders  " + fitted("\(document.placeholders.count): " + names.joined(separator: ", "), width - 16) + "\n"
        }
        // One workstream is the document itself: its bar says it all.
        guard document.workstreams.count > 1 else { return out }
        for workstream in document.workstreams {
            let counts = workstream.deliverables
            let tail = "\(counts.done)/\(counts.toDo)".leftPadded(7)
                + (counts.overdue > 0 ? style.paint("  \(counts.overdue) overdue", "31") : "")
            out += "    " + fitted(workstream.name, 36).padded(36) + " \(bar(counts, width: 12, style: style))\(tail)\n"
        }
        return out
    }

    /// `[██████░░░░]`: done of the deliverables that are not cancelled.
    static func bar(_ counts: DeliverableCounts, width: Int, style: TextStyle) -> String {
        let filled = counts.toDo == 0 ? width : counts.done * width / counts.toDo
        let full = String(repeating: "█", count: filled), empty = String(repeating: "░", count: width - filled)
        return style.paint(full, "32") + style.paint(empty, counts.overdue > 0 ? "31" : "2")
    }

    static func percent(_ counts: DeliverableCounts) -> String { "\(counts.percentDone)%".leftPadded(4) }

    static func summary(_ counts: DeliverableCounts, style: TextStyle) -> String {
        var parts = ["\(counts.done)/\(counts.toDo) done"]
        if counts.overdue > 0 { parts.append(style.paint("\(counts.overdue) overdue", "31")) }
        if counts.cancelled > 0 { parts.append("\(counts.cancelled) cancelled") }
        return parts.joined(separator: " · ")
    }

    /// `text` cut to `width` characters with an ellipsis (at the start for paths, whose end names them).
    static func fitted(_ text: String, _ width: Int, keepEnd: Bool = false) -> String {
        let single = text.firstLine
        guard single.count > width, width > 1 else { return single }
        return keepEnd ? "…" + single.suffix(width - 1) : single.prefix(width - 1) + "…"
    }

    // MARK: JSON

    public static func json(_ status: LaunchStatus) -> JSONValue {
        .object([
            ("tool", .string("golint")),
            ("version", .string(Golint.version)),
            ("source", .string(status.source)),
            ("commit", .optional(status.commit)),
            ("evaluatedAt", .string(ISOTime.format(status.evaluatedAt, in: status.evaluationZone))),
            ("goLive", .optional(status.launch.map { ISOTime.format($0.instant, in: $0.timeZone) })),
            ("ready", .bool(status.isReady)),
            ("readiness", .string(status.readiness)),
            // Documents are rendered on all cores: a thousand documents' workstreams are megabytes.
            ("documents", .array(rendering: status.documents, atIndent: 1, json)),
            ("total", .object([
                ("documents", .int(status.documents.count)),
                ("deliverables", json(status.deliverables)),
                ("approvals", json(status.approvals)),
                ("placeholders", .int(status.placeholders)),
                ("nextDeadline", json(status.nextDeadline)),
                ("overdueByOwner", .array(status.overdueByOwner.map(json))),
            ])),
        ])
    }

    static func json(_ document: DocumentStatus) -> JSONValue {
        .object([
            ("path", .string(document.path)),
            ("deliverables", json(document.deliverables)),
            ("approvals", json(document.approvals)),
            ("placeholders", .int(document.placeholders.count)),
            ("nextDeadline", json(document.nextDeadline, withPath: false)),
            ("overdueByOwner", .array(LaunchStatus.grouped(document.overdue).map(json))),
            ("approvalList", .array(document.approvalList.map { approval in
                .object([("role", .string(approval.role)), ("line", .int(approval.line)), ("status", .string(approval.standing.rawValue)),
                         ("signer", .optional(approval.signer)), ("signedOn", .optional(approval.signedOn)),
                         ("commit", .optional(approval.commit)), ("remark", .optional(approval.remark))])
            })),
            ("placeholderList", .array(document.placeholders.map { .object([("line", .int($0.line)), ("text", .string($0.excerpt))]) })),
            ("workstreams", .array(document.workstreams.map { workstream in
                .object([("name", .string(workstream.name)), ("line", .int(workstream.line)),
                         ("deliverables", json(workstream.deliverables)), ("nextDeadline", json(workstream.nextDeadline, withPath: false))])
            })),
        ])
    }

    static func json(_ counts: DeliverableCounts) -> JSONValue {
        .object([("total", .int(counts.total)), ("done", .int(counts.done)), ("open", .int(counts.open)),
                 ("cancelled", .int(counts.cancelled)), ("overdue", .int(counts.overdue))])
    }

    static func json(_ counts: ApprovalCounts) -> JSONValue {
        .object([("total", .int(counts.total)), ("given", .int(counts.given)), ("verified", .int(counts.verified))])
    }

    /// Within a document the path goes without saying.
    static func json(_ next: UpcomingDeadline?, withPath: Bool = true) -> JSONValue {
        guard let next else { return .null }
        return .object((withPath ? [("path", .string(next.path))] : []) + [("item", .string(next.item)), ("line", .int(next.line)),
                        ("deadline", .string(next.deadline.iso8601))])
    }

    static func json(_ group: (owner: String?, items: [OverdueDeliverable])) -> JSONValue {
        .object([("owner", .optional(group.owner)), ("overdue", .int(group.items.count)),
                 ("items", .array(group.items.map { .object([("item", .string($0.item)), ("path", .string($0.path)), ("line", .int($0.line)),
                                                              ("deadline", .string($0.deadline.iso8601))]) }))])
    }

    // MARK: Markdown

    public static func markdown(_ status: LaunchStatus) -> String {
        let cell = MarkdownText.cell
        var out = "### Launch status\n\n**\(cell(status.readiness))**\n\n"
        out += "| Document | Progress | Done | Overdue | Approvals | Placeholders | Next deadline |\n"
        out += "|---|---|---:|---:|---:|---:|---|\n"
        for document in status.documents {
            let counts = document.deliverables, approvals = document.approvals
            let next = document.nextDeadline.map {
                "\(cell($0.item)) — \(TimeLeft.moment($0.deadline.instant, in: $0.deadline.timeZone)) (\(TimeLeft.until($0.deadline.instant, from: status.evaluatedAt)))"
            } ?? "—"
            let progress = document.isUnread ? "not read" : counts.total == 0 ? "no deliverables" : markdownBar(counts)
            out += "| \(cell(document.path)) | \(progress) | \(counts.done)/\(counts.toDo) "
                + "| \(counts.overdue) | \(approvals.given)/\(approvals.total) | \(document.placeholders.count) | \(next) |\n"
        }
        let owners = status.overdueByOwner
        if !owners.isEmpty {
            out += "\n**Overdue by owner:** " + owners.map { "\(cell($0.owner ?? "unassigned")) \($0.items.count)" }.joined(separator: " · ") + "\n"
        }
        let open = status.documents.flatMap { document in document.approvalList.filter { $0.standing != .verified && $0.standing != .given }.map { (document.path, $0) } }
        if !open.isEmpty {
            out += "\n**Approvals not in place:** " + open.map { "\(cell($0.1.role)) (\($0.1.standing.rawValue))" }.joined(separator: " · ") + "\n"
        }
        return out
    }

    static func markdownBar(_ counts: DeliverableCounts) -> String {
        let filled = counts.percentDone / 10
        return String(repeating: "▰", count: filled) + String(repeating: "▱", count: 10 - filled) + " \(counts.percentDone)%"
    }
}
