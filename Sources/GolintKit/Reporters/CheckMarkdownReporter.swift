/// `check` as Markdown for job summaries and pull-request comments: where the launch stands (when
/// the run summed it up), then the findings as a table, errors first.
public enum CheckMarkdownReporter {
    /// Rows beyond this are counted, not listed: a summary stays readable and under GitHub's 1 MiB.
    static let maximumRows = 1_000

    public static func report(_ report: CheckReport) -> String {
        var out = report.statuses.isEmpty ? "" : StatusReporter.markdown(report.status) + "\n"
        out += "### golint check: \(TextReporter.summary(report))\n\n"
        guard !report.findings.isEmpty else { return out + "No findings.\n" }
        out += "| Severity | Location | Finding | Rule |\n|---|---|---|---|\n"
        let ordered = report.findings.sorted { ($1.severity, $0.path, $0.line) < ($0.severity, $1.path, $1.line) }
        for finding in ordered.prefix(maximumRows) {
            out += "| \(finding.severity.rawValue) | \(MarkdownText.cell(finding.path)):\(finding.line) | \(MarkdownText.cell(finding.message)) | `\(finding.rule)` |\n"
        }
        if ordered.count > maximumRows { out += "\n… and \(ordered.count - maximumRows) more findings (see the job's log or the SARIF report).\n" }
        return out
    }
}
