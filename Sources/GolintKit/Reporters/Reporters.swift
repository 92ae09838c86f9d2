/// Picks the reporter for a format.
public enum Reporters {
    /// `category` names the run for code scanning; `notes` are remarks of the run (stale baseline
    /// entries) that SARIF carries as tool notifications.
    public static func render(_ report: CheckReport, format: CheckFormat, style: TextStyle, category: String? = nil,
                              notes: [String] = []) -> [UInt8] {
        // JSON formats are written as bytes; the others are text.
        switch format {
        case .json: return JSONReporter.report(report)
        case .sarif: return SARIFReporter.report(report, category: category, notes: notes)
        case .codequality: return CodeQualityReporter.report(report)
        case .github: return Array(GitHubReporter.report(report).utf8)
        case .junit: return Array(JUnitReporter.report(report).utf8)
        case .markdown: return Array(CheckMarkdownReporter.report(report).utf8)
        case .text: return Array(TextReporter.report(report, style: style).utf8)
        }
    }
}
