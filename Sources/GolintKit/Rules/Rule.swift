import Foundation

/// What a rule is, with examples that must and must not trigger it. The examples are the rule's
/// tests and its documentation; `↓` in an example marks where a finding must start.
public struct RuleDescription: Sendable {
    /// What a rule reads: the plan (documents golint could read), or the bytes as stored (it also
    /// runs on binary and unreadable documents, and its columns count the stored bytes).
    public enum Reading: Sendable {
        case plan, storedBytes
    }

    public let id: String
    public let name: String
    public let severity: Severity
    public let summary: String
    public let triggering: [Example]
    public let nonTriggering: [Example]
    public var reads: Reading = .plan
    /// Whether its findings that carry a deadline mark a deliverable overdue (in `status`).
    public var marksOverdue = false
}

public struct Example: Sendable {
    public let markdown: String
    /// Evaluation time for the example.
    public let now: String
    /// Extra `.golint.yml` content, if the example needs some.
    public let configuration: String?
    public let bytes: [UInt8]?
    /// For a rule that reads history: the commits before the evaluated one, oldest first, each an
    /// author (`Name <email>`) and the document as that commit leaves it. The example's own
    /// markdown is the last commit, by `author`.
    public let history: [(author: String, markdown: String)]
    public let author: String?

    public init(_ markdown: String, now: String = "2026-03-06T12:00:00+01:00", configuration: String? = nil) {
        self.markdown = markdown
        self.now = now
        self.configuration = configuration
        self.bytes = nil
        self.history = []
        self.author = nil
    }

    /// An example for a history rule: the document committed by `author` after `history`.
    public init(_ markdown: String, by author: String, after history: [(author: String, markdown: String)] = [], configuration: String) {
        self.markdown = markdown
        self.now = "2026-03-06T12:00:00+01:00"
        self.configuration = configuration
        self.bytes = nil
        self.history = history
        self.author = author
    }

    /// An example given as raw bytes (for encoding problems); `↓` markers are not available there.
    public init(bytes: [UInt8], now: String = "2026-03-06T12:00:00+01:00") {
        self.markdown = ""
        self.now = now
        self.configuration = nil
        self.bytes = bytes
        self.history = []
        self.author = nil
    }
}

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

public protocol Rule: Sendable {
    static var description: RuleDescription { get }
    init()
    /// Findings in one document's plan at evaluation time `now`.
    func check(_ plan: Plan, now: Date) throws -> [RuleFinding]
}

/// A rule that runs after the document rules and sees their findings: it may suppress some (inline
/// suppressions, waivers) and report its own (`severity` nil: suppress, but report nothing).
public protocol FindingFilterRule: Rule {
    func filter(_ findings: [Finding], _ plan: Plan, now: Date, severity: Severity?) -> FilteredFindings
}

/// What a filter kept, and what it suppressed and why (SARIF reports those as suppressed).
public struct FilteredFindings: Sendable {
    public var kept: [Finding]
    public var suppressed: [SuppressedFinding]
}

extension FindingFilterRule {
    public func check(_ plan: Plan, now: Date) throws -> [RuleFinding] { [] }
}

/// A rule over an approval's history (who gave it, with which signature, what changed since): it
/// runs when `signoff` verification is configured, on every given approval of a document.
public protocol SignoffRule: Rule {
    /// The message for an approval this rule finds wrong, or nil.
    func message(for approval: ApprovalRecord) -> String?
}

extension SignoffRule {
    public func check(_ plan: Plan, now: Date) throws -> [RuleFinding] { [] }

    func check(_ approvals: [ApprovalRecord]) -> [RuleFinding] {
        approvals.compactMap { approval in
            message(for: approval).map { RuleFinding(line: approval.line, column: approval.column, message: $0, excerpt: approval.text) }
        }
    }
}

/// The rules golint ships, in the order they are listed.
public enum RuleRegistry {
    public static let rules: [any Rule.Type] = [
        OverdueItemRule.self, PlaceholderRule.self, MissingSignatureRule.self,
        UnparsableDeadlineRule.self, EncodingRule.self, SignoffUnauthorizedRule.self, SignoffIdentityMismatchRule.self,
        SignoffUnverifiedRule.self, SignoffStaleRule.self, UnclosedCodeFenceRule.self, UnusedSuppressionRule.self, ExpiredWaiverRule.self,
    ]

    public static var ids: [String] { rules.map { $0.description.id } }

    public static func description(of id: String) -> RuleDescription? {
        rules.first { $0.description.id == id }?.description
    }
}
