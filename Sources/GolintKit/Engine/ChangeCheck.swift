import Foundation
import GolintGit

/// `check --base REV`: the change rules over each evaluated document that the base has too, with
/// the history between them to say who made each step.
enum ChangeCheck {
    static func findings(_ report: CheckReport, base: String, _ request: CheckRequest) throws -> [Finding] {
        let repository = try request.repository.open()
        let options = request.options
        let source = try openSource(options.source, in: repository)
        let configuration = try Configuration.load(from: source, explicitFile: options.configurationFile)
        let baseSource = try openSource(.revision(base), in: repository)
        let baseConfiguration = try Configuration.load(from: baseSource, explicitFile: options.configurationFile)
        let rules = RuleRegistry.changeRules.compactMap { rule in configuration.severity(of: rule.description).map { (rule, $0) } }
        guard !rules.isEmpty else { return [] }
        // Who made each step: the commits after the base up to the evaluated one (HEAD under a
        // pending change, whose own steps are `the pending change`).
        var events: [HistoryEvent] = []
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
        let unattributed = until == nil || options.source != .revision(until!) ? "in the pending change or since \(base)" : "since \(base)"
        var findings: [Finding] = []
        for path in report.documentPaths {
            guard let baseBytes = try baseSource.read(path: path), let bytes = try source.read(path: path) else { continue }
            let current = try Plan(source: SourceText(bytes: bytes), path: path, configuration: configuration)
            let change = DocumentChange(base: try Plan(source: SourceText(bytes: baseBytes), path: path, configuration: baseConfiguration),
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
