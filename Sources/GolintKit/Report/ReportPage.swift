import Foundation
import Mustache

/// The report as one HTML page: the launch status, each document's burn-down, overdue work by
/// owner, the sign-off matrix, placeholders and the audit trail, filled into the embedded template.
/// Every value goes through Mustache's escaping; the template writes no value unescaped.
struct ReportPage {
    let status: LaunchStatus
    let history: HistoryReport
    let burnDown: [String: [BurnDown.Point]]
    let range: String

    /// The template, and its audit-trail section (`{{#events}}…{{/events}}`) as a template of its
    /// own: tens of thousands of rows are rendered in chunks on all cores, each through Mustache's
    /// escaping, and put where the section stood.
    static let templates: (page: MustacheTemplate, rows: MustacheTemplate) = {
        // The template is part of the binary; a template that does not parse is a build defect.
        let text = String(decoding: PackageResources.report_mustache, as: UTF8.self)
        let start = text.range(of: "{{#events}}")!.lowerBound, end = text.range(of: "{{/events}}\n")!.upperBound
        let rows = String(text[start..<end].dropLast())
        let page = text.replacingCharacters(in: start..<end, with: "{{auditTrail}}")
        return (try! MustacheTemplate(string: page), try! MustacheTemplate(string: rows))
    }()

    func html() -> String {
        let events = history.events
        let chunks = stride(from: 0, to: events.count, by: 512).map { $0..<min($0 + 512, events.count) }
        let rows = chunks.parallelMap { chunk in Self.templates.rows.render(["events": events[chunk].map(event)]) }.joined()
        // A mark no document can hold, replaced by the rows once the page is rendered.
        let mark = "golint-audit-trail-\(UUID().uuidString)"
        var context = self.context
        context["auditTrail"] = mark
        let page = Self.templates.page.render(context)
        guard let place = page.range(of: mark) else { return page }
        return page.replacingCharacters(in: place, with: rows)
    }

    private var zone: TimeZone { status.evaluationZone }

    private func moment(_ date: Date, _ zone: TimeZone? = nil) -> String { TimeLeft.moment(date, in: zone ?? self.zone) }

    var context: [String: Any] {
        let counts = status.deliverables, approvals = status.approvals
        let next = status.nextDeadline
        return [
            "title": "Launch status — \(status.source)",
            "source": status.source,
            "commit": status.commit.map { String($0.prefix(10)) } ?? "",
            "hasCommit": status.commit != nil,
            "evaluatedAt": moment(status.evaluatedAt),
            "range": range,
            "readiness": status.readiness,
            "readinessClass": status.isReady ? "ready" : counts.overdue > 0 ? "blocked" : "pending",
            "verdict": status.isReady ? "Ready" : counts.overdue > 0 ? "Not ready: work is overdue" : "Not ready yet",
            "cards": [
                card("Done", "\(counts.done)/\(counts.toDo)", "\(counts.percentDone)% of deliverables", ""),
                card("Overdue", "\(counts.overdue)", ownersDetail, counts.overdue > 0 ? "bad" : "good"),
                card("Approvals", "\(approvals.given)/\(approvals.total)", status.isVerifying ? "\(approvals.verified) verified" : "given",
                     approvals.given < approvals.total ? "warn" : "good"),
                card("Placeholders", "\(status.placeholders)", "left to fill", status.placeholders > 0 ? "warn" : "good"),
                card("Next deadline", next.map { TimeLeft.until($0.deadline.instant, from: status.evaluatedAt) } ?? "none",
                     next.map { "\($0.item.capped(60)) · \(moment($0.deadline.instant, $0.deadline.timeZone))" } ?? "no open dated work", ""),
            ],
            "documents": status.documents.enumerated().map { document($0.element, index: $0.offset) },
            "hasOverdue": !status.overdue.isEmpty,
            "owners": status.overdueByOwner.map { group in
                [
                    "owner": group.owner ?? "Unassigned",
                    "count": group.items.count,
                    "items": group.items.map { item in
                        ["item": item.item, "path": item.path, "line": item.line,
                         "deadline": moment(item.deadline.instant, item.deadline.timeZone),
                         "late": TimeLeft.span(status.evaluatedAt.timeIntervalSince(item.deadline.instant))] as [String: Any]
                    },
                ] as [String: Any]
            },
            "hasApprovals": approvals.total > 0,
            "approvals": status.documents.flatMap { document in document.approvalList.map { approval(document.path, $0) } },
            "hasPlaceholders": status.placeholders > 0,
            "placeholders": status.documents.flatMap { document in
                document.placeholders.map { ["path": document.path, "line": $0.line, "text": $0.excerpt] as [String: Any] }
            },
            "eventCount": history.events.count,
            "commitCount": history.commits,
            "kinds": Array(Set(history.events.map(\.kind.rawValue))).sorted(),
        ]
    }

    /// `3 owners · 2 unassigned`
    private var ownersDetail: String {
        let groups = status.overdueByOwner
        let named = groups.filter { $0.owner != nil }.count, unassigned = groups.first { $0.owner == nil }?.items.count ?? 0
        var parts: [String] = []
        if named > 0 { parts.append("\(named) owner\(named == 1 ? "" : "s")") }
        if unassigned > 0 { parts.append("\(unassigned) unassigned") }
        return parts.isEmpty ? "nothing late" : parts.joined(separator: " · ")
    }

    private func card(_ label: String, _ value: String, _ detail: String, _ tone: String) -> [String: Any] {
        ["label": label, "value": value, "detail": detail, "tone": tone]
    }

    private func document(_ document: DocumentStatus, index: Int) -> [String: Any] {
        let counts = document.deliverables
        var context: [String: Any] = [
            "anchor": "doc-\(index + 1)",
            "path": document.path,
            "percent": counts.percentDone,
            "done": counts.done, "toDo": counts.toDo, "open": counts.open,
            "overdue": counts.overdue, "isOverdue": counts.overdue > 0, "cancelled": counts.cancelled,
            "approvals": "\(document.approvals.given)/\(document.approvals.total)",
            "placeholders": document.placeholders.count,
            "next": document.nextDeadline.map { "\($0.item.capped(60)) — \(TimeLeft.until($0.deadline.instant, from: status.evaluatedAt))" } ?? "—",
            "workstreams": document.workstreams.map { workstream in
                ["name": workstream.name, "done": workstream.deliverables.done,
                 "toDo": workstream.deliverables.toDo,
                 "percent": workstream.deliverables.percentDone, "overdue": workstream.deliverables.overdue,
                 "isOverdue": workstream.deliverables.overdue > 0] as [String: Any]
            },
        ]
        context["chart"] = chart(document)
        return context
    }

    private func chart(_ document: DocumentStatus) -> [String: Any] {
        let points = burnDown[document.path] ?? []
        let chart = BurnDownChart(points: points, deadlines: document.deadlines, launch: document.launch, now: status.evaluatedAt)
        let number = BurnDownChart.number
        let bottom = BurnDownChart.height - BurnDownChart.bottom
        func mark(_ date: Date, _ label: String) -> [String: Any] {
            ["x": number(chart.x(date)), "label": label]
        }
        var context: [String: Any] = [
            "width": number(BurnDownChart.width), "height": number(BurnDownChart.height),
            "left": number(BurnDownChart.left), "right": number(BurnDownChart.width - BurnDownChart.right),
            "top": number(BurnDownChart.top), "bottom": number(bottom), "labelY": number(bottom + 16),
            "curve": chart.path,
            "hasPoints": !points.isEmpty,
            "maximum": chart.maximum, "maximumY": number(chart.y(chart.maximum)),
            "start": String(moment(chart.start).prefix(10)), "end": String(moment(chart.end).prefix(10)),
            "deadlines": document.deadlines.map { mark($0.instant, "Deadline \(moment($0.instant, $0.timeZone)) (\($0.written))") },
            "now": mark(status.evaluatedAt, "Now \(moment(status.evaluatedAt))"),
            "summary": "Open deliverables of \(document.path) over \(points.count) commit\(points.count == 1 ? "" : "s")",
        ]
        if let launch = document.launch {
            context["launch"] = mark(launch.instant, "T-0 \(moment(launch.instant, launch.timeZone))")
        }
        // Dots only where they can be told apart.
        if points.count <= 120 {
            context["dots"] = points.map { point in
                ["x": number(chart.x(point.time)), "y": number(chart.y(point.open)),
                 "label": "\(point.open) open after \(point.commit.prefix(7)) (\(moment(point.time)))"] as [String: Any]
            }
        }
        return context
    }

    private func approval(_ path: String, _ approval: ApprovalStatus) -> [String: Any] {
        [
            "path": path, "line": approval.line, "role": approval.role, "item": approval.item,
            "signer": approval.signer ?? "", "signedOn": approval.signedOn ?? "",
            "when": approval.time.map { moment($0) } ?? "",
            "hasWhen": approval.time != nil,
            "commit": approval.commit.map { String($0.prefix(7)) } ?? "",
            "author": approval.author ?? "",
            "standing": approval.standing.rawValue,
            "remark": approval.remark ?? "",
        ]
    }

    private func event(_ event: HistoryEvent) -> [String: Any] {
        var signature = event.signature.status == .none ? "" : event.signature.status.rawValue
        if let signer = event.signature.signer { signature += " · " + signer }
        return [
            "epoch": Int(event.time.timeIntervalSince1970),
            "time": TimeLeft.moment(event.time, in: TimeZone(secondsFromGMT: event.offsetMinutes * 60) ?? zone),
            "commit": String(event.commit.prefix(7)),
            "author": event.authorName,
            "email": event.authorEmail,
            "path": event.path,
            "kind": event.kind.rawValue,
            "item": (event.item ?? event.after ?? event.before ?? "").firstLine.capped(200),
            "line": event.line ?? 0,
            "hasLine": event.line != nil,
            "signature": signature,
            "verified": event.verified.map { $0 ? "verified" : "unverified" } ?? "",
            "stale": event.stale == true,
        ]
    }
}
