import Foundation

/// `golint agenda` as text, Markdown, JSON, a Slack message (Block Kit) or an iCalendar file.
public enum AgendaReporter {
    public static func render(_ agenda: Agenda, format: AgendaFormat) -> String {
        switch format {
        case .text: text(agenda)
        case .markdown: markdown(agenda)
        case .json: json(agenda)
        case .slack: slack(agenda)
        case .ics: ics(agenda)
        }
    }

    /// `2026-03-05 10:00 +01:00 (1 d 2 h late)`, `… (in 3 d)`, or nothing for an undated approval.
    static func when(_ entry: Agenda.Entry, _ agenda: Agenda) -> String? {
        entry.deadline.map { deadline in
            "\(TimeLeft.moment(deadline.instant, in: agenda.evaluationZone)) (\(TimeLeft.until(deadline.instant, from: agenda.evaluatedAt, pastWord: "late")))"
        }
    }

    static func nothing(_ agenda: Agenda) -> String {
        agenda.sinceDigest ? "Nothing changed since the last run." : "Nothing overdue, due or to approve."
    }

    static let headings: [(Agenda.Kind, String)] = [(.overdue, "Overdue"), (.due, "Due soon"), (.approval, "Approvals to give")]

    static func title(_ kind: Agenda.Kind) -> String { headings.first { $0.0 == kind }!.1 }

    static func heading(_ agenda: Agenda) -> String {
        "Agenda · \(agenda.source) · \(TimeLeft.moment(agenda.evaluatedAt, in: agenda.evaluationZone)) · due within \(TimeLeft.span(agenda.dueWithin))"
    }

    static func line(_ entry: Agenda.Entry, _ agenda: Agenda) -> String {
        "'\(entry.item)' \(entry.path):\(entry.line)" + (when(entry, agenda).map { " · \($0)" } ?? "")
    }

    static func text(_ agenda: Agenda) -> String {
        var lines = [heading(agenda)]
        if agenda.entries.isEmpty && agenda.settled.isEmpty { lines += ["", nothing(agenda)] }
        for owner in agenda.owners {
            lines += ["", owner]
            for (kind, title) in headings {
                let entries = agenda.entries.filter { $0.owner == owner && $0.kind == kind }
                guard !entries.isEmpty else { continue }
                lines.append("  \(title)")
                lines += entries.map { "    " + line($0, agenda) }
            }
        }
        if !agenda.settled.isEmpty {
            lines += ["", "No longer on the agenda (done or removed)"]
            lines += agenda.settled.map { "    '\($0.item)' \($0.path) (\($0.owner))" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func markdown(_ agenda: Agenda) -> String {
        var text = "## \(heading(agenda))\n"
        if agenda.entries.isEmpty && agenda.settled.isEmpty { text += "\n\(nothing(agenda))\n" }
        for owner in agenda.owners {
            text += "\n### \(MarkdownText.cell(owner))\n\n| | deliverable | where | deadline |\n|---|---|---|---|\n"
            for entry in agenda.entries where entry.owner == owner {
                let title = title(entry.kind)
                text += "| \(title) | \(MarkdownText.cell(entry.item)) | `\(MarkdownText.cell(entry.path)):\(entry.line)` | \(when(entry, agenda) ?? "–") |\n"
            }
        }
        if !agenda.settled.isEmpty {
            text += "\n### No longer on the agenda\n\n" + agenda.settled.map { "- \(MarkdownText.cell($0.item)) (`\(MarkdownText.cell($0.path))`, \(MarkdownText.cell($0.owner)))\n" }.joined()
        }
        return text
    }

    static func json(_ agenda: Agenda) -> String {
        func entry(_ entry: Agenda.Entry) -> JSONValue {
            .object([("kind", .string(entry.kind.rawValue)), ("owner", .string(entry.owner)), ("item", .string(entry.item)),
                     ("path", .string(entry.path)), ("line", .int(entry.line)),
                     ("deadline", .optional(entry.deadline.map { ISOTime.format($0.instant, in: agenda.evaluationZone) })),
                     ("secondsLeft", entry.deadline.map { .int(Int($0.instant.timeIntervalSince(agenda.evaluatedAt))) } ?? .null),
                     ("id", .string(entry.id))])
        }
        return JSONValue.object([
            ("tool", .string("golint")), ("version", .string(Golint.version)), ("source", .string(agenda.source)),
            ("evaluatedAt", .string(ISOTime.format(agenda.evaluatedAt, in: agenda.evaluationZone))),
            ("dueWithinSeconds", .int(Int(agenda.dueWithin))),
            ("entries", .array(agenda.entries.map(entry))),
            ("settled", .array(agenda.settled.map { .object([("owner", .string($0.owner)), ("item", .string($0.item)),
                                                            ("path", .string($0.path)), ("id", .string($0.id))]) })),
        ]).rendered() + "\n"
    }

    /// Block Kit's limits for one message: 50 blocks, 3,000 characters in a section's text.
    static let slackBlocks = 50
    static let slackText = 3_000

    /// A Block Kit body for an incoming webhook: a header, then a section per owner (split where
    /// an owner's list exceeds a section's text), within Slack's limits; what does not fit is
    /// counted in the last block.
    static func slack(_ agenda: Agenda) -> String {
        func section(_ markdown: String) -> JSONValue {
            .object([("type", .string("section")), ("text", .object([("type", .string("mrkdwn")), ("text", .string(markdown))]))])
        }
        func escaped(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        }
        var sections: [String] = []
        for owner in agenda.owners {
            var current = "*\(escaped(owner))*"
            for entry in agenda.entries where entry.owner == owner {
                let title = title(entry.kind)
                let line = "\n• \(title): \(escaped(line(entry, agenda)))".capped(slackText - 100)
                if current.count + line.count > slackText {
                    sections.append(current)
                    current = "*\(escaped(owner))* (continued)"
                }
                current += line
            }
            sections.append(current)
        }
        if !agenda.settled.isEmpty {
            sections.append(("*No longer on the agenda*" + agenda.settled.map { "\n• \(escaped($0.item)) (\(escaped($0.owner)))" }.joined()).capped(slackText))
        }
        if sections.isEmpty { sections.append(nothing(agenda)) }
        let room = slackBlocks - 1
        var shown = sections.prefix(room).map(section)
        if sections.count > room {
            shown = Array(shown.prefix(room - 1)) + [section("… and \(sections.count - room + 1) more sections: run `golint agenda` for all.")]
        }
        let header: JSONValue = .object([("type", .string("header")),
                                         ("text", .object([("type", .string("plain_text")), ("text", .string(heading(agenda).capped(150)))]))])
        let summary = "golint agenda: " + Agenda.Kind.allCases.map { kind in "\(agenda.entries.count { $0.kind == kind }) \(kind.rawValue)" }.joined(separator: ", ")
        return JSONValue.object([("text", .string(summary)), ("blocks", .array([header] + shown))]).rendered() + "\n"
    }

    /// RFC 5545: one VTODO per open dated deliverable; lines folded at 75 octets.
    static func ics(_ agenda: Agenda) -> String {
        func escaped(_ text: String) -> String {
            text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ";", with: "\\;")
                .replacingOccurrences(of: ",", with: "\\,").replacingOccurrences(of: "\n", with: "\\n")
        }
        func utc(_ date: Date) -> String {
            let iso = ISOTime.format(date, in: TimeZones.utc)
            return iso.prefix(19).replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "") + "Z"
        }
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//golint//golint \(Golint.version)//EN", "CALSCALE:GREGORIAN"]
        for entry in agenda.entries {
            guard let deadline = entry.deadline else { continue }
            lines += ["BEGIN:VTODO", "UID:\(entry.id)", "DTSTAMP:\(utc(agenda.evaluatedAt))", "DUE:\(utc(deadline.instant))",
                      "SUMMARY:\(escaped(entry.item))", "DESCRIPTION:\(escaped("\(entry.path):\(entry.line)"))",
                      "STATUS:NEEDS-ACTION", "CATEGORIES:\(escaped(entry.owner))", "END:VTODO"]
        }
        lines.append("END:VCALENDAR")
        return lines.map(folded).map { $0 + "\r\n" }.joined()
    }

    /// A content line folded into lines of at most 75 octets, never inside a character.
    static func folded(_ line: String) -> String {
        var result = "", count = 0
        for character in line {
            let size = String(character).utf8.count
            if count + size > 75 {
                result += "\r\n "
                count = 1
            }
            result.append(character)
            count += size
        }
        return result
    }
}
