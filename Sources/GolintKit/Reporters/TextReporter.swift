/// `path:line:col: severity: message [rule]`, in path order, then a summary line. Rendered in
/// chunks while it is written, as the JSON reports are: hundreds of thousands of findings are
/// never one string in memory.
public enum TextReporter {
    public static func report(_ report: CheckReport, style: TextStyle) -> ReportOutput {
        let findings = style.quiet ? report.findings.filter { $0.severity == .error } : report.findings
        let size = 512
        let chunks = ReportOutput.Part.chunks(count: (findings.count + size - 1) / size) { chunk in
            var text = ""
            for finding in findings[chunk * size..<min(chunk * size + size, findings.count)] {
                text += line(finding, style: style)
                text += "\n"
            }
            return Array(text.utf8)
        }
        return ReportOutput([chunks] + (style.quiet ? [] : [.bytes(Array((summary(report) + "\n").utf8))]))
    }

    private static func line(_ finding: Finding, style: TextStyle) -> String {
        let severity: String
        switch finding.severity {
        case .error: severity = style.paint("error", "31")
        case .warning: severity = style.paint("warning", "33")
        case .info: severity = style.paint("info", "34")
        }
        let location = style.paint("\(QuotedPath.text(finding.path)):\(finding.line):\(finding.column):", "1")
        return "\(location) \(severity): \(finding.message) [\(finding.rule)]"
    }

    static func summary(_ report: CheckReport) -> String {
        let errors = report.count(.error), warnings = report.count(.warning), infos = report.count(.info)
        var parts = [plural(errors, "error"), plural(warnings, "warning")]
        if infos > 0 { parts.append(plural(infos, "info")) }
        return "\(parts.joined(separator: ", ")) in \(plural(report.documents, "document")) "
            + "(\(plural(report.items, "item")), \(report.checked) checked) at \(report.source)" + existingNote(report)
    }

    /// `; 12 existing findings not shown (also at HEAD)` under `--new-since`.
    static func existingNote(_ report: CheckReport) -> String {
        guard let reference = report.newSince else { return "" }
        return "; \(plural(report.existing.count, "existing finding")) not shown (also at \(reference))"
    }

    static func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
}
