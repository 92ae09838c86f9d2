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
    /// A rule that ships switched off: it runs once `.golint.yml` gives it a severity.
    public var isOptIn = false

    /// What it runs at when the configuration does not say: its severity, or off for an opt-in rule.
    public var defaultSeverity: Severity? { isOptIn ? nil : severity }
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
    /// The message of the example's first finding, as the rule writes it.
    public let message: String?
    /// For a history example: the `--release` revision (`HEAD~1`).
    public var release: String?
    /// For a history example: the `--base` revision the change is compared with.
    public var base: String?

    public init(_ markdown: String, now: String = "2026-03-06T12:00:00+01:00", configuration: String? = nil, message: String? = nil) {
        self.message = message
        self.markdown = markdown
        self.now = now
        self.configuration = configuration
        self.bytes = nil
        self.history = []
        self.author = nil
    }

    /// An example for a history rule: the document committed by `author` after `history`.
    public init(_ markdown: String, by author: String, after history: [(author: String, markdown: String)] = [], configuration: String,
                release: String? = nil, base: String? = nil, message: String? = nil) {
        self.message = message
        self.release = release
        self.base = base
        self.markdown = markdown
        self.now = "2026-03-06T12:00:00+01:00"
        self.configuration = configuration
        self.bytes = nil
        self.history = history
        self.author = author
    }

    /// An example for a change rule: `before` committed by Alice Adler, then `markdown` by Dave
    /// Mallory, checked with `--base HEAD~1`.
    public static func change(from before: String, to markdown: String, message: String? = nil) -> Example {
        Example(markdown, by: "Dave Mallory <dave@payments.example>", after: [("Alice Adler <alice@payments.example>", before)],
                configuration: "", base: "HEAD~1", message: message)
    }

    /// An example given as raw bytes (for encoding problems); `↓` markers are not available there.
    public init(bytes: [UInt8], now: String = "2026-03-06T12:00:00+01:00", message: String? = nil) {
        self.message = message
        self.markdown = ""
        self.now = now
        self.configuration = nil
        self.bytes = bytes
        self.history = []
        self.author = nil
    }
}
