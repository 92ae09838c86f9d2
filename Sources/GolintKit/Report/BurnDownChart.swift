import Foundation

/// The geometry of one document's burn-down as inline SVG: open deliverables as a step line over
/// commit time, its deadlines, T-0 and now as vertical marks. Numbers only; the template draws it.
struct BurnDownChart {
    static let width = 720.0, height = 200.0
    static let left = 40.0, right = 16.0, top = 22.0, bottom = 26.0

    let start: Date, end: Date
    let maximum: Int
    let points: [BurnDown.Point]
    let now: Date

    init(points: [BurnDown.Point], deadlines: [Deadline], launch: Anchor?, now: Date) {
        self.points = points
        self.now = now
        let times = points.map(\.time) + deadlines.map(\.instant) + [now] + (launch.map { [$0.instant] } ?? [])
        var start = times.min()!, end = times.max()!
        if end.timeIntervalSince(start) < 3_600 { start -= 43_200; end += 43_200 }
        let pad = end.timeIntervalSince(start) * 0.03
        self.start = start - pad
        self.end = end + pad
        maximum = max(points.map(\.open).max() ?? 0, 1)
    }

    func x(_ time: Date) -> Double {
        let span = end.timeIntervalSince(start)
        return Self.left + (Self.width - Self.left - Self.right) * time.timeIntervalSince(start) / span
    }

    func y(_ open: Int) -> Double {
        Self.top + (Self.height - Self.top - Self.bottom) * (1 - Double(open) / Double(maximum))
    }

    /// `M x y H x V y …`: each commit sets the count until the next; the last holds until now.
    var path: String {
        guard let first = points.first else { return "" }
        var path = "M\(Self.number(x(first.time))) \(Self.number(y(first.open)))"
        for point in points.dropFirst() {
            path += " H\(Self.number(x(point.time))) V\(Self.number(y(point.open)))"
        }
        if let last = points.last, now > last.time { path += " H\(Self.number(x(now)))" }
        return path
    }

    static func number(_ value: Double) -> String { String(format: "%.1f", value) }
}
