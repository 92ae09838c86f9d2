import Foundation
import GolintGit

/// `check --base REV`: the change rules over each evaluated document that the base has too, with
/// the history between them to say who made each step.
enum ChangeCheck {
    static func findings(_ report: CheckReport, base: String, _ request: CheckRequest) throws -> [Finding] {
        let repository = try request.repository.open()
        let options = request.options
        let compared = try Comparison(request, repository: repository, reference: openSource(.revision(base), in: repository))
        let configuration = compared.configuration
        let rules = RuleRegistry.changeRules.compactMap { rule in configuration.severity(of: rule.description).map { (rule, $0) } }
        guard !rules.isEmpty else { return [] }
        // Who made each step: the commits after the base up to the evaluated one (HEAD under a
        // pending change, whose own steps are `the pending change`).
        var events: [HistoryEvent] = []
        let pending = options.source == .index || options.source == .worktree
        let until: String? = switch options.source {
        case let .revision(revision): revision
        case .index, .worktree: repository.isHeadUnborn ? nil : "HEAD"
        }
        if let until {
            let walker = try HistoryWalker(access: request.repository, configurationRevision: until, configurationFile: options.configurationFile)
            var range = HistoryOptions()
            range.paths = report.documentPaths
            range.since = base
            range.until = until
            events = try walker.history(range).events
        }
        let byPath = Dictionary(grouping: events, by: \.path)
        // A step no event names (T-0 is no item): the pending change, or the commits since the base.
        let unattributed = pending ? "in the pending change or since \(base)" : "since \(base)"
        var findings: [Finding] = []
        for path in report.documentPaths {
            guard let baseBytes = try compared.reference.read(path: path), let bytes = try compared.source.read(path: path) else { continue }
            let current = try Plan(source: SourceText(bytes: bytes), path: path, configuration: configuration)
            let change = DocumentChange(base: try Plan(source: SourceText(bytes: baseBytes), path: path, configuration: compared.referenceConfiguration),
                                        current: current, events: byPath[path] ?? [], unattributed: unattributed)
            for (rule, severity) in rules {
                findings += rule.init().check(change).map {
                    Finding($0, of: rule.description, severity: severity, path: path, source: current.document.source)
                }
            }
        }
        return findings
    }
}
