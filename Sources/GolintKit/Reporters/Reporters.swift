/// Picks the reporter for a format.
public enum Reporters {
    public static func render(_ report: CheckReport, format: CheckFormat, style: TextStyle) -> String {
        switch format {
        case .json: return JSONReporter.report(report)
        case .sarif: return SARIFReporter.report(report)
        case .github: return GitHubReporter.report(report)
        case .junit: return JUnitReporter.report(report)
        case .codequality: return CodeQualityReporter.report(report)
        case .markdown: return CheckMarkdownReporter.report(report)
        case .text: return TextReporter.report(report, style: style)
        }
    }
}
