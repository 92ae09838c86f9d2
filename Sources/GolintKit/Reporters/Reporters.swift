/// Picks the reporter for a format.
public enum Reporters {
    public static func render(_ report: CheckReport, format: OutputFormat, style: TextStyle) -> String {
        switch format {
        case .json: return JSONReporter.report(report)
        case .sarif: return SARIFReporter.report(report)
        case .github: return GitHubReporter.report(report)
        case .junit: return JUnitReporter.report(report)
        case .text, .markdown, .csv: return TextReporter.report(report, style: style)
        }
    }
}
