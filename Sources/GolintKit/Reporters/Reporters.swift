/// Picks the reporter for a format.
public enum Reporters {
    public static func render(_ report: CheckReport, format: OutputFormat, style: TextStyle) -> String {
        switch format {
        case .json: return JSONReporter.report(report)
        default: return TextReporter.report(report, style: style)
        }
    }
}
