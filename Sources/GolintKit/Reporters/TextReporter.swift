/// `path:line:col: severity: message [rule]`, in path order, then a summary line.
public enum TextReporter {
    public static func report(_ report: CheckReport, style: TextStyle) -> String {
        var lines: [String] = []
        for finding in report.findings where !style.quiet || finding.severity == .error {
            let severity: String
            switch finding.severity {
            case .error: severity = style.paint("error", "31")
            case .warning: severity = style.paint("warning", "33")
            case .info: severity = style.paint("info", "34")
            }
            let location = style.paint("\(QuotedPath.text(finding.path)):\(finding.line):\(finding.column):", "1")
            lines.append("\(location) \(severity): \(finding.message) [\(finding.rule)]")
        }
        if !style.quiet { lines.append(summary(report)) }
        return lines.map { $0 + "\n" }.joined()
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
