import Foundation
import GolintGit

/// One document's result.
public struct DocumentResult: Sendable {
    public let findings: [Finding]
    public let suppressed: [SuppressedFinding]
    public let items: Int
    public let checked: Int
    /// Set when the run sums up where the document stands.
    public let status: DocumentStatus?
}

public struct CheckOptions: Sendable {
    public var source: SourceKind = .revision("HEAD")
    /// Repository-relative paths or directories that narrow the documents.
    public var paths: [String] = []
    /// The evaluation time: always given, so that no run reads a clock of its own.
    public var now: Date
    public var evaluationZone: TimeZone?
    public var configurationFile: String?
    /// With `.index`: only documents whose staged content differs from HEAD (what a hook checks).
    public var onlyChangedInIndex = false
    /// Where approvers, allowed signers and `.mailmap` are read from (default: the evaluated source).
    public var trustRevision: String?
    /// Trace every given approval to its commit even when no verification is configured (the
    /// report's sign-off matrix); no sign-off rule runs unless configured.
    public var traceApprovals = false
    /// Sum up where each document stands (status, report, job summaries).
    public var summarize = false
    /// `--release REV`: approvals must come from the release commit's history, not after it.
    public var release: String?
    /// `--base REV`: the change since this revision is judged too (work removed, deadlines moved).
    public var base: String?
    /// Only these repository paths, when set (the documents a `--new-since` comparison needs).
    var documentFilter: Set<String>?

    public init(now: Date) {
        self.now = now
    }
}

public enum Linter {
    /// Runs the rules over every document of a source.
    /// `configuration`: the source's, when the caller read it already.
    static func check(repository: Repository, options: CheckOptions, configuration: Configuration? = nil) throws -> CheckReport {
        let source = try openSource(options.source, in: repository)
        var configuration = try configuration ?? Configuration.load(from: source, explicitFile: options.configurationFile)
        try configuration.requireKnownRules(RuleRegistry.ids)
        let trusted = try TrustedConfiguration(options.trustRevision, evaluated: (source, options.source, configuration), repository: repository,
                                               explicitFile: options.configurationFile)
        try trusted.configuration.requireKnownRules(RuleRegistry.ids)
        configuration.waivers = try trusted.governedWaivers(repository: repository, now: options.now)
        var files = try source.files { path in
            configuration.isDocument(path) && PathFilter.matches(path, options.paths) && options.documentFilter?.contains(path) != false
        }
        try PathFilter.requireMatches(options.paths, documents: files.map(\.path), source: source, configuration: configuration)
        if options.onlyChangedInIndex, !repository.isHeadUnborn {
            // HEAD's versions, each directory read once (a lookup by path per file re-reads every
            // directory on the way).
            let configurationFiles = Set([Configuration.fileName] + configuration.packs)
            let committed = try repository.tree("HEAD").entries(at: configurationFiles.union(files.map(\.path))).mapValues(\.id)
            // A staged change to the configuration or a rule pack it names can change every
            // document's findings: then every document is checked.
            let staged = try repository.indexFiles { configurationFiles.contains($0) }
            let configurationChanged = configurationFiles.contains { path in staged.first { $0.path == path }?.id != committed[path] }
            if !configurationChanged { files.removeAll { $0.blob == committed[$0.path] } }
        }
        // Links and submodules are not documents: a link's target is checked under its own path.
        files.removeAll { $0.kind == .symlink || $0.kind == .submodule || $0.kind == .directory }
        let signoff = try SignoffRun(source: source, kind: options.source, repository: repository, configuration: configuration,
                                     trusted: trusted, traceApprovals: options.traceApprovals, release: options.release)
        let results = try lintInParallel(files, source: source, configuration: configuration, now: options.now, signoff: signoff,
                                         summarize: options.summarize)
        let findings = inReportOrder(results, paths: files.map(\.path))
        var notes: [String] = []
        if signoff != nil, repository.isShallow {
            notes.append("shallow clone: approvals are traced only as far back as this clone's history goes")
        }
        return CheckReport(
            source: source.name, root: repository.workdir, notes: notes, commit: source.commit?.id.description, evaluatedAt: options.now,
            evaluationZone: options.evaluationZone ?? configuration.timezone ?? TimeZones.utc,
            findings: findings, suppressed: results.flatMap(\.suppressed), documentPaths: files.map(\.path),
            items: results.reduce(0) { $0 + $1.items }, checked: results.reduce(0) { $0 + $1.checked },
            statuses: results.compactMap(\.status))
    }

    /// All findings in `Finding.ordered`: each document's are sorted already and carry its path, so
    /// the documents are put in order instead of every finding (unless two paths compare equal).
    private static func inReportOrder(_ results: [DocumentResult], paths: [String]) -> [Finding] {
        let order = paths.indices.sorted { paths[$0] < paths[$1] }
        guard zip(order, order.dropFirst()).allSatisfy({ paths[$0] != paths[$1] }) else {
            return results.flatMap(\.findings).sorted(by: Finding.ordered)
        }
        var findings: [Finding] = []
        findings.reserveCapacity(results.reduce(0) { $0 + $1.findings.count })
        for index in order { findings += results[index].findings }
        return findings
    }

    /// Lints one document's bytes. Pure: no repository, no I/O.
    public static func lint(path: String, bytes: [UInt8], configuration: Configuration, now: Date) throws -> DocumentResult {
        try lint(path: path, source: SourceText(bytes: bytes, limit: configuration.maximumDocumentBytes), configuration: configuration, now: now)
    }

    static func lint(path: String, source: SourceText, configuration: Configuration, now: Date) throws -> DocumentResult {
        let linted = try planRules(path: path, source: source, configuration: configuration, now: now)
        return finish(linted.findings, linted.plan, approvals: nil, summarize: false, configuration: configuration, now: now)
    }

    /// A document through the rules that read its plan; the history rules and the filters come after.
    struct Linted {
        let plan: Plan
        let findings: [Finding]
        /// Its given approvals are to be verified against history.
        let awaitsHistory: Bool
    }

    static func planRules(path: String, source: SourceText, configuration: Configuration, now: Date,
                          verifying: Bool = false) throws -> Linted {
        // Every configured pattern runs while the plan is built; the rules only read it.
        let plan: Plan
        do {
            plan = try Plan(source: source, path: path, configuration: configuration)
        } catch let error as Pattern.BudgetExceeded {
            throw GolintError.pattern(pattern: error.pattern, file: path, message: "exceeded its match budget (catastrophic backtracking); simplify it")
        }
        let document = plan.document
        var findings: [Finding] = []
        let context = LintContext(configuration: configuration, now: now)
        for rule in RuleRegistry.documentRules {
            let description = rule.description
            guard let severity = context.severity(of: description) else { continue }
            if document.source.isUnchecked && description.reads != .storedBytes { continue }
            findings += try rule.init().check(plan, in: context).map {
                Finding($0, of: description, severity: severity, path: path, source: document.source)
            }
        }
        let awaits = verifying && !document.source.isUnchecked && plan.deliverables.contains { $0.isApproval && $0.state == .done }
        return Linted(plan: plan, findings: findings, awaitsHistory: awaits)
    }

    /// The approval rules' findings on a document's approvals, at the severities the trusted
    /// configuration gives them: those that need verification only when it is configured.
    static func approvalFindings(_ approvals: [ApprovalRecord], plan: Plan, trusted: Configuration) -> [Finding] {
        RuleRegistry.approvalRules.flatMap { rule -> [Finding] in
            guard trusted.verification.isEnabled || !rule.needsVerification, let severity = trusted.severity(of: rule.description) else { return [] }
            return rule.init().check(approvals, verification: trusted.verification).map {
                Finding($0, of: rule.description, severity: severity, path: plan.path, source: plan.document.source)
            }
        }
    }

    /// The filters (inline suppressions, waivers) over all of a document's findings.
    /// `approvals` are the document's traced approvals, when history was read.
    static func finish(_ findings: [Finding], _ plan: Plan, approvals: [ApprovalRecord]?, summarize: Bool,
                       configuration: Configuration, now: Date) -> DocumentResult {
        var findings = findings, suppressed: [SuppressedFinding] = []
        let context = LintContext(configuration: configuration, now: now)
        for filter in RuleRegistry.filters {
            let filtered = filter.init().filter(findings, plan, in: context)
            findings = filtered.kept
            suppressed += filtered.suppressed
        }
        return DocumentResult(findings: findings.sorted(by: Finding.ordered), suppressed: suppressed, items: plan.deliverables.count,
                              checked: plan.deliverables.count { $0.state == .done },
                              status: summarize ? DocumentStatus(plan: plan, findings: findings, approvals: approvals, now: now) : nil)
    }

    /// Reads and lints on every core, each worker through its own reader. Documents with given
    /// approvals to verify wait for one walk through history, then are finished here.
    private static func lintInParallel(_ files: [SourceFile], source: DocumentSource, configuration: Configuration,
                                       now: Date, signoff: SignoffRun?, summarize: Bool) throws -> [DocumentResult] {
        // Finished on the worker, so that only the plans that wait for history stay in memory.
        enum Outcome {
            case finished(DocumentResult)
            case waiting(Linted)
        }
        let outcomes = try Parallel.map(count: files.count, context: { try source.concurrentReader() }) { reader, index -> Outcome in
            let file = files[index]
            let linted = try planRules(path: file.path, source: try read(file, with: reader, limit: configuration.maximumDocumentBytes),
                                       configuration: configuration, now: now,
                                       verifying: signoff != nil)
            return linted.awaitsHistory ? .waiting(linted)
                : .finished(finish(linted.findings, linted.plan, approvals: nil, summarize: summarize, configuration: configuration, now: now))
        }
        var results: [DocumentResult?] = []
        var waiting: [(index: Int, linted: Linted)] = []
        for (index, outcome) in outcomes.enumerated() {
            switch try outcome.get() {
            case let .finished(result):
                results.append(result)
            case let .waiting(linted):
                results.append(nil)
                waiting.append((index, linted))
            }
        }
        if let signoff, !waiting.isEmpty {
            let records = try signoff.records(waiting.map { ($0.linted.plan.path, DocumentSnapshot(plan: $0.linted.plan)) })
            for ((index, linted), approvals) in zip(waiting, records) {
                let findings = linted.findings + approvalFindings(approvals, plan: linted.plan, trusted: signoff.trustedConfiguration)
                results[index] = finish(findings, linted.plan, approvals: approvals, summarize: summarize, configuration: configuration, now: now)
            }
        }
        return results.map { $0! }
    }

    /// A document's text, or why it was not read (too large, unreadable): those are findings.
    /// An object that cannot be read (a partial clone's, a damaged pack's) stops the run with the
    /// document's path in front of the cause.
    private static func read(_ file: SourceFile, with reader: DocumentReader, limit: Int) throws -> SourceText {
        do {
            if let size = try reader.size(of: file), size > limit {
                return SourceText(unread: .tooLarge(bytes: size))
            }
            // Measured again once read: a reader may not know the size beforehand.
            return SourceText(bytes: try reader.read(file), limit: limit)
        } catch let error as SourceReadError {
            return SourceText(unread: .unreadable(error.reason))
        } catch let error as GitError {
            throw GolintError.repository("\(file.path): \(error.message)")
        }
    }
}

extension PathFilter {
    /// A path argument that selects no document is a mistake (a typo, a file that is not a
    /// document), never a silent pass over zero documents.
    static func requireMatches(_ filters: [String], documents: [String], source: DocumentSource, configuration: Configuration) throws {
        for filter in filters where !documents.contains(where: { matches($0, [filter]) }) {
            let exists = (try? source.files { $0 == filter })?.isEmpty == false
            let name = filter.isEmpty ? "." : filter
            throw GolintError.usage(exists
                ? "\(name) is not a document (documents match: \(configuration.include.map(\.pattern).joined(separator: ", ")))"
                : "\(name) matches no document in \(source.name)")
        }
    }
}

extension Finding {
    /// A rule's finding as every output carries it: positions count the file as stored (the text
    /// read had its mojibake repaired), the line is the stored one.
    init(_ found: RuleFinding, of rule: RuleDescription, severity: Severity, path: String, source: SourceText) {
        self.init(rule: rule.id, severity: found.severity ?? severity, path: path, line: found.line,
                  column: rule.reads == .storedBytes ? found.column : source.storedColumn(line: found.line, column: found.column),
                  message: found.message, excerpt: found.excerpt, deadline: found.deadlineText,
                  deadlineSource: found.deadline.map(DeadlineSource.init), owner: found.owner,
                  sourceLine: source.storedLine(found.line).trimmedSpaces.capped())
    }
}
