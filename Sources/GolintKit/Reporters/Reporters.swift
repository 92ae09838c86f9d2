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
        case .text: return ReportOutput(TextReporter.report(report, style: style))
        }
    }
}

/// A rendered report: UTF-8 in parts, written one after the other. The large arrays of JSON
/// reports are parts rendered in chunks on all cores while they are written, a few chunks at a
/// time, so that tens of megabytes of findings or events are never all in memory at once.
public struct ReportOutput: Sendable {
    public enum Part: Sendable {
        case bytes([UInt8])
        /// `count` chunks, each rendered by `render(index)`.
        case chunks(count: Int, render: @Sendable (Int) -> [UInt8])
    }

    let parts: [Part]

    init(_ parts: [Part]) { self.parts = parts }

    public init(_ text: String) { parts = [.bytes(Array(text.utf8))] }

    /// Hands every piece to `sink` in order, rendering chunks on all cores a few at a time.
    public func write(_ sink: ([UInt8]) throws -> Void) rethrows {
        for part in parts {
            switch part {
            case let .bytes(bytes):
                try sink(bytes)
            case let .chunks(count, render):
                let batch = 4 * ProcessInfo.processInfo.activeProcessorCount
                for start in stride(from: 0, to: count, by: batch) {
                    for rendered in Array(start..<min(start + batch, count)).parallelMap(render) { try sink(rendered) }
                }
            }
        }
    }

    /// As one piece.
    public var bytes: [UInt8] {
        var all: [UInt8] = []
        write { all += $0 }
        return all
    }
}
