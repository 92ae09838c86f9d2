/// GitLab Code Quality: a JSON array of issues with description, check_name, fingerprint, severity
/// and location (path, lines.begin), as a merge request's widget and diff show them.
public enum CodeQualityReporter {
    public static func report(_ report: CheckReport) -> ReportOutput {
        // GitLab merges issues with equal fingerprints: the same finding twice on one line's text
        // gets an occurrence number.
        var seen: [String: Int] = [:]
        return JSONValue.array(report.findings.map { finding in
            let base = SARIFReporter.fingerprint(finding)
            let occurrence = seen[base, default: 0]
            seen[base] = occurrence + 1
            return .object([
                ("description", .string(finding.message)),
                ("check_name", .string(finding.rule)),
                ("fingerprint", .string(occurrence == 0 ? base : "\(base)-\(occurrence)")),
                ("severity", .string(severity(finding.severity))),
                ("location", .object([("path", .string(finding.path)), ("lines", .object([("begin", .int(finding.line))]))])),
            ])
        }).renderedOutput()
    }

    static func severity(_ severity: Severity) -> String {
        switch severity {
        case .error: "major"
        case .warning: "minor"
        case .info: "info"
        }
    }
}
