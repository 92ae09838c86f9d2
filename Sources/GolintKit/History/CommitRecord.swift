import Foundation
import GolintGit

/// What history learns from one commit: its events, and how many deliverables were open in each
/// document version it made (the report's burn-down). What the cache keeps of a commit.
struct CommitRecord: Equatable {
    /// Open deliverables of one version a commit made.
    struct OpenWork: Equatable {
        let path: String
        let open: Int
    }

    let commit: ObjectID
    let committerTime: Date
    let events: [HistoryEvent]
    /// In the order the versions were described.
    let openWork: [OpenWork]

    /// Whether the record depends only on the repository and the configuration: an OpenPGP or
    /// X.509 signature is checked against the user's keyring, which may change between runs.
    var isRepeatable: Bool {
        events.allSatisfy { event in
            event.signature.status != .unchecked && (event.signature.format == nil || event.signature.format == .ssh)
        }
    }
}
