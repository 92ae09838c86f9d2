import Foundation

/// Accepted findings, keyed by rule, path and the text of their line (not its number), so that edits
/// elsewhere in a document do not invalidate them — SwiftLint's approach. A key seen twice must
/// match twice.
public struct Baseline: Sendable, Equatable {
    public struct Entry: Hashable, Sendable, Comparable {
        public let rule: String
        public let path: String
        public let text: String

        public static func < (lhs: Entry, rhs: Entry) -> Bool { (lhs.path, lhs.rule, lhs.text) < (rhs.path, rhs.rule, rhs.text) }
    }

    public private(set) var counts: [Entry: Int]

    public init(findings: [Finding]) {
        counts = [:]
        for finding in findings { counts[Entry(rule: finding.rule, path: finding.path, text: finding.sourceLine), default: 0] += 1 }
    }

    public struct Applied: Sendable {
        public let kept: [Finding]
        public let hidden: [Finding]
        /// Entries (with how many of each) that matched no finding: fixed, or changed since.
        public let stale: [(Entry, Int)]
    }

    public func apply(to findings: [Finding]) -> Applied {
        var remaining = counts
        var kept: [Finding] = [], hidden: [Finding] = []
        for finding in findings {
            let key = Entry(rule: finding.rule, path: finding.path, text: finding.sourceLine)
            if let count = remaining[key], count > 0 {
                remaining[key] = count - 1
                hidden.append(finding)
            } else {
                kept.append(finding)
            }
        }
        let stale = remaining.filter { $0.value > 0 }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        return Applied(kept: kept, hidden: hidden, stale: stale)
    }

    public func rendered() -> String {
        JSONValue.object([
            ("tool", .string("golint")),
            ("version", .int(1)),
            ("entries", .array(counts.keys.sorted().map { entry in
                .object([("rule", .string(entry.rule)), ("path", .string(entry.path)), ("text", .string(entry.text)),
                         ("count", .int(counts[entry]!))])
            })),
        ]).rendered()
    }

    /// Reads a baseline file written by `golint baseline`.
    public static func read(file: String) throws -> Baseline {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw GolintError.configuration(file: file, line: nil, message: "baseline cannot be read (no such file?)")
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              object["tool"] as? String == "golint", let entries = object["entries"] as? [[String: Any]]
        else { throw GolintError.configuration(file: file, line: nil, message: "is not a golint baseline (write one with 'golint baseline')") }
        var baseline = Baseline(findings: [])
        for (index, entry) in entries.enumerated() {
            guard let rule = entry["rule"] as? String, let path = entry["path"] as? String, let text = entry["text"] as? String else {
                throw GolintError.configuration(file: file, line: nil, message: "entry \(index + 1) needs rule, path and text")
            }
            baseline.counts[Entry(rule: rule, path: path, text: text), default: 0] += (entry["count"] as? Int) ?? 1
        }
        return baseline
    }
}
