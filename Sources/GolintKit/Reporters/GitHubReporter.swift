/// GitHub Actions workflow commands: `::error file=…,line=…,endLine=…,col=…,endColumn=…,title=…::message`,
/// one per finding, shown as annotations on the pull request. Errors come first: GitHub shows only
/// the first ten annotations of each kind per step.
public enum GitHubReporter {
    public static func report(_ report: CheckReport) -> String {
        let ordered = report.findings.enumerated().sorted { ($1.element.severity, $0.offset) < ($0.element.severity, $1.offset) }.map(\.element)
        return ordered.map { finding in
            let command: String
            switch finding.severity {
            case .error: command = "error"
            case .warning: command = "warning"
            case .info: command = "notice"
            }
            let properties = "file=\(property(finding.path)),line=\(finding.line),endLine=\(finding.endLine),"
                + "col=\(finding.column),endColumn=\(finding.endColumn),title=\(property("golint " + finding.rule))"
            return "::\(command) \(properties)::\(data(finding.message))\n"
        }.joined()
    }

    /// Escaping as the runner's `toCommandValue`: %, CR and LF in data; also : and , in properties.
    static func data(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    static func property(_ text: String) -> String {
        data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
