import Foundation

/// What `golint check` found.
public struct CheckReport: Sendable {
    public let source: String
    /// The work tree the paths are relative to (nil for a bare repository).
    public var root: String? = nil
    /// Remarks on the run itself (a shallow clone's history ended before an approval's origin).
    public var notes: [String] = []
    public let commit: String?
    public let evaluatedAt: Date
    public let evaluationZone: TimeZone
    public let findings: [Finding]
    /// Findings accepted by an inline comment, a waiver or the baseline.
    public let suppressed: [SuppressedFinding]
    /// With `--new-since REF`: the revision, and the findings it has too (not reported, counted).
    public var newSince: String? = nil
    public var existing: [Finding] = []
    /// Every document checked, findings or not (JUnit lists each as a test case).
    public let documentPaths: [String]
    public var documents: Int { documentPaths.count }
    public let items: Int
    public let checked: Int
    /// Where each document stands, from the same plans and findings (`golint status`); empty
    /// unless the run was asked to sum up (`CheckOptions.summarize`).
    public let statuses: [DocumentStatus]

    public func count(_ severity: Severity) -> Int { findings.count { $0.severity == severity } }

    /// The same report with other findings (after a baseline hid some).
    public func with(findings: [Finding], suppressed: [SuppressedFinding]) -> CheckReport {
        CheckReport(source: source, root: root, notes: notes, commit: commit, evaluatedAt: evaluatedAt, evaluationZone: evaluationZone,
                    findings: findings, suppressed: suppressed, newSince: newSince, existing: existing, documentPaths: documentPaths,
                    items: items, checked: checked, statuses: statuses)
    }

    /// Where the launch stands by this run's documents.
    public var status: LaunchStatus {
        LaunchStatus(source: source, commit: commit, evaluatedAt: evaluatedAt, evaluationZone: evaluationZone, documents: statuses)
    }
}
