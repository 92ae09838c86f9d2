import Foundation

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
