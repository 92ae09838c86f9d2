import Foundation

/// The tables of an evidence folder, as CSV (RFC 4180: comma-separated, a field quoted when it
/// holds a comma, quote or line break, lines ended by CRLF), one header row naming the columns.
public enum EvidenceTables {
    /// Where an approval stands against `--release`: `yes`, `no`, `emergency`, or empty without one.
    public typealias ReleaseColumn = (HistoryEvent) -> String

    public static let approvalColumns = ["document", "line", "role", "signer", "commit", "author_name", "author_email",
                                         "committer_name", "committer_email", "time", "signature_status", "signature_signer",
                                         "verified", "stale", "before_release"]
    public static let eventColumns = ["commit", "time", "author_name", "author_email", "committer_name", "committer_email",
                                      "document", "kind", "line", "item", "before", "after", "signature_status", "verified", "stale"]
    public static let findingColumns = ["document", "line", "column", "rule", "severity", "message", "deadline", "owner"]

    /// Every approval given in the period: the events that give one.
    public static func approvals(_ events: [HistoryEvent], beforeRelease: ReleaseColumn) -> String {
        table(approvalColumns, events.filter { $0.approval != nil }.map { event in
            [event.path, number(event.line), event.approval?.role ?? "", event.approval?.signer ?? "", event.commit,
             event.authorName, event.authorEmail, event.committerName, event.committerEmail, event.isoTime,
             event.signature.status.rawValue, event.signature.signer ?? "", flag(event.verified), flag(event.stale), beforeRelease(event)]
        })
    }

    public static func events(_ events: [HistoryEvent]) -> String {
        table(eventColumns, events.map { event in
            [event.commit, event.isoTime, event.authorName, event.authorEmail, event.committerName, event.committerEmail,
             event.path, event.kind.rawValue, number(event.line), event.item ?? "", event.before ?? "", event.after ?? "",
             event.signature.status.rawValue, flag(event.verified), flag(event.stale)]
        })
    }

    public static func findings(_ findings: [Finding]) -> String {
        table(findingColumns, findings.map { finding in
            [finding.path, String(finding.line), String(finding.column), finding.rule, finding.severity.rawValue, finding.message,
             finding.deadline ?? "", finding.owner ?? ""]
        })
    }

    private static func number(_ value: Int?) -> String { value.map(String.init) ?? "" }
    private static func flag(_ value: Bool?) -> String { value.map { $0 ? "true" : "false" } ?? "" }

    static func table(_ columns: [String], _ rows: [[String]]) -> String {
        ([columns] + rows).map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
    }

    private static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
