import Foundation
import GolintGit

/// A person as history knows them, after `.mailmap`.
public struct Identity: Sendable, Equatable {
    public let name: String
    public let email: String

    public var description: String { "\(name) <\(email)>" }
}

extension Identity {
    /// The person `.mailmap` says a name and email stand for.
    init(name: String, email: String, mailmap: Mailmap) {
        let mapped = mailmap.resolve(name: name, email: email)
        self.init(name: mapped.name, email: mapped.email)
    }

    /// Whether this person is among `approvers` (nil: no approvers are configured, anyone may approve).
    public func isAmong(_ approvers: [Glob]?) -> Bool {
        approvers.map { $0.contains { $0.matches(email.lowercased()) } } ?? true
    }

    /// One person, by email (after `.mailmap`), in any case.
    public func isSamePerson(as other: Identity) -> Bool { email.lowercased() == other.email.lowercased() }

    /// Whether a signer's name as written is this person: their name or email, letters compared
    /// without case or accents (nil: the approval names nobody, so nothing contradicts).
    public func isNamed(by signer: String?) -> Bool {
        guard let signer else { return true }
        let written = signer.foldedForComparison
        return written == name.foldedForComparison || written == email.foldedForComparison
    }
}

extension Identity {
    /// Who would author a commit made here now: `GIT_AUTHOR_NAME`/`GIT_AUTHOR_EMAIL`, else git's
    /// `user.name`/`user.email` (empty when neither says).
    public static func local(in repository: Repository, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Identity {
        Identity(name: try environment["GIT_AUTHOR_NAME"] ?? repository.configString("user.name") ?? "",
                 email: try environment["GIT_AUTHOR_EMAIL"] ?? repository.configString("user.email") ?? "")
    }
}
