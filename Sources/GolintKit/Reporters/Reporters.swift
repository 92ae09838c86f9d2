import Foundation

/// Picks the reporter for a format.
public enum Reporters {
    /// `category` names the run for code scanning; `notes` are remarks of the run (stale baseline
    /// entries) that SARIF carries as tool notifications.
    public static func render(_ report: CheckReport, format: CheckFormat, style: TextStyle, category: String? = nil,
                              notes: [String] = []) -> ReportOutput {
        // JSON formats are rendered as bytes in parts; the others are text.
        switch format {
        case .json: return JSONReporter.report(report)
        case .sarif: return SARIFReporter.report(report, category: category, notes: notes)
        case .codequality: return CodeQualityReporter.report(report)
        case .github: return ReportOutput(GitHubReporter.report(report))
        case .junit: return ReportOutput(JUnitReporter.report(report))
        case .markdown: return ReportOutput(CheckMarkdownReporter.report(report))
        case .text: return TextReporter.report(report, style: style)
        }
    }
}
