import Foundation

/// A document larger than golint reads: it is not checked, so it fails the run instead of leaving
/// the gate unseen. `max-document-size` raises the limit; a lower severity lets it pass.
public struct DocumentTooLargeRule: DocumentRule {
    static let padding = String(repeating: "- [ ] Runbook step, reviewed by the on-call engineer\n", count: 4)

    public static let description = RuleDescription(
        id: "document-too-large", name: "Document too large", severity: .error,
        summary: "A document larger than max-document-size (default 10 MiB): golint does not read it, so nothing in it is checked.",
        triggering: [
            Example("↓# Plan\n\n" + padding, configuration: "max-document-size: 100",
                    message: "document is 220 bytes, over max-document-size (100 bytes); not checked"),
        ],
        nonTriggering: [
            Example("# Plan\n\n" + padding, configuration: "max-document-size: 1KiB"),
            Example("# Plan\n\n" + padding),
        ],
        reads: .storedBytes)

    public init() {}

    public func check(_ plan: Plan, in context: LintContext) throws -> [RuleFinding] {
        plan.document.source.problems.compactMap { problem in
            guard case let .tooLarge(bytes) = problem else { return nil }
            return RuleFinding(line: 1, column: 1, message: "document is \(bytes) bytes, over max-document-size "
                               + "(\(ByteSize.describe(plan.configuration.maximumDocumentBytes))); not checked")
        }
    }
}
