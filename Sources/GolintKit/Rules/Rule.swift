import Foundation

/// A finding as a rule reports it; the engine adds the rule id, severity and path.
public struct RuleFinding: Sendable, Equatable {
    public let line: Int
    public let column: Int
    public let message: String
    public let excerpt: String?
    public let deadline: Deadline?
    /// The deadline as ISO 8601, when the rule wrote it already (into its message).
    public let deadlineText: String?
    public let owner: String?
    /// A severity of its own, below the rule's (an emergency approval is shown as `info`).
    public var severity: Severity?

    public init(line: Int, column: Int, message: String, excerpt: String? = nil, deadline: Deadline? = nil, deadlineText: String? = nil,
                owner: String? = nil) {
        self.line = line
        self.column = column
        self.message = message
        self.excerpt = excerpt
        self.deadline = deadline
        self.deadlineText = deadlineText ?? deadline?.iso8601
        self.owner = owner
    }
}

/// What every rule of a run reads beside the plan: the same for every document.
public struct LintContext: Sendable {
    public let configuration: Configuration
    /// The evaluation time: every rule of a run judges "past" against the same instant.
    public let now: Date

    public init(configuration: Configuration, now: Date) {
        self.configuration = configuration
        self.now = now
    }

    /// The severity `rule` runs at in this run, or nil when it is off.
    public func severity(of rule: RuleDescription) -> Severity? { configuration.severity(of: rule) }
}

/// A rule: what it is, with examples. What it reads, and so when it runs, is its stage's protocol.
public protocol Rule: Sendable {
    static var description: RuleDescription { get }
    init()
}

/// The first stage: a rule over one document's plan.
public protocol DocumentRule: Rule {
    func check(_ plan: Plan, in context: LintContext) throws -> [RuleFinding]
}

/// The second stage, when `signoff` verification is configured: a rule over each given approval of
/// a document, traced through history (who gave it, with which signature, what changed since).
public protocol ApprovalRule: Rule {
    /// Whether it runs only when `signoff` verification is configured (not for `--release` alone).
    static var needsVerification: Bool { get }
    /// The message for an approval this rule finds wrong, or nil.
    func message(for approval: ApprovalRecord) -> String?
    /// Findings over all of a document's approvals (a rule that compares them overrides this).
    func check(_ approvals: [ApprovalRecord], verification: SignoffVerification) -> [RuleFinding]
}

extension ApprovalRule {
    public static var needsVerification: Bool { true }

    public func message(for approval: ApprovalRecord) -> String? { nil }

    public func check(_ approvals: [ApprovalRecord], verification: SignoffVerification) -> [RuleFinding] {
        approvals.compactMap { approval in
            message(for: approval).map { RuleFinding(line: approval.line, column: approval.column, message: $0, excerpt: approval.text) }
        }
    }
}

/// With `check --base REV`: a rule over what the change since the base did to a document.
public protocol ChangeRule: Rule {
    func check(_ change: DocumentChange) -> [RuleFinding]
}

/// The last stage: a filter over all of a document's findings. It may suppress some (inline
/// suppressions, waivers) and report its own; switched off, it still suppresses but reports nothing.
public protocol FindingFilter: Rule {
    func filter(_ findings: [Finding], _ plan: Plan, in context: LintContext) -> FilteredFindings
}

/// What a filter kept, and what it suppressed and why (SARIF reports those as suppressed).
public struct FilteredFindings: Sendable {
    public var kept: [Finding]
    public var suppressed: [SuppressedFinding]
}

/// The rules golint ships.
public enum RuleRegistry {
    /// Every rule, in the order `golint rules`, the README and SARIF list them.
    public static let rules: [any Rule.Type] = [
        OverdueItemRule.self, PlaceholderRule.self, MissingSignatureRule.self,
        UnparsableDeadlineRule.self, EncodingRule.self, DocumentTooLargeRule.self, SignoffUnauthorizedRule.self, SignoffIdentityMismatchRule.self,
        SignoffUnverifiedRule.self, SignoffStaleRule.self, SignoffTamperedRule.self, SignoffSelfApprovalRule.self, SignoffSameSignerRule.self, SignoffTooFewRule.self,
        SignoffAfterReleaseRule.self, DeliverableRemovedRule.self, DeadlinePostponedRule.self, UnclosedCodeFenceRule.self, UnusedSuppressionRule.self, ExpiredWaiverRule.self, WaiverUnauthorizedRule.self,
    ]

    /// The filters in the order they run: a comment beside the line decides first, the
    /// configuration's waivers next (those its policy refuses last, as they hide nothing); a run's
    /// baseline (`--baseline`) comes after all of them.
    public static let filters: [any FindingFilter.Type] = [UnusedSuppressionRule.self, ExpiredWaiverRule.self, WaiverUnauthorizedRule.self]

    public static let documentRules: [any DocumentRule.Type] = rules.compactMap { $0 as? any DocumentRule.Type }
    public static let approvalRules: [any ApprovalRule.Type] = rules.compactMap { $0 as? any ApprovalRule.Type }
    public static let changeRules: [any ChangeRule.Type] = rules.compactMap { $0 as? any ChangeRule.Type }

    public static let ids: [String] = rules.map { $0.description.id }

    public static func description(of id: String) -> RuleDescription? {
        rules.first { $0.description.id == id }?.description
    }
}
