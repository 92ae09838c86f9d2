/// Marks the approval events of a stretch of history stale or not: stale when a later commit of
/// the stretch changed their document (or, with `stale: section`, their section or the one their
/// role names) in substance. The same rule `check` applies to the approvals it verifies.
enum StaleApprovals {
    /// `events` oldest first, as history reports them.
    static func mark(_ events: inout [HistoryEvent], scope: SignoffVerification.StaleScope) {
        // Newest first, a commit at a time: a change in the commit that gives an approval is not after it.
        var later: [String: [String]] = [:]
        var end = events.count
        while end > 0 {
            var start = end - 1
            while start > 0 && events[start - 1].commit == events[end - 1].commit { start -= 1 }
            for index in start..<end {
                guard let approval = events[index].approval else { continue }
                events[index].stale = (later[events[index].path] ?? []).contains {
                    scope.covers($0, approvalIn: approval.section, role: approval.role)
                }
            }
            for index in (start..<end).reversed() {
                let event = events[index]
                if let section = event.substance { later[event.path, default: []].append(section) }
                // Earlier commits knew the document by its old name.
                if event.kind == .documentRenamed, let old = event.before, let moved = later.removeValue(forKey: event.path) {
                    later[old, default: []] += moved
                }
            }
            end = start
        }
    }
}
