import Foundation
import GolintGit

/// `waivers.approvers` and `waivers.max-days`: each waiver is traced to the commit that last
/// changed its lines in `.golint.yml` (the pending change, for lines not committed yet), and does
/// not count when someone else added it or it lasts longer than allowed.
struct WaiverGovernance {
    let policy: WaiverPolicy
    let repository: Repository
    /// Where the waivers were read: its commit, or HEAD under a pending change.
    let source: DocumentSource
    let kind: SourceKind
    let mailmap: Mailmap
    let localIdentity: Identity
    let now: Date
    let zone: TimeZone

    /// Who added a waiver, and when.
    private struct Addition {
        let author: Identity
        let time: Date
        /// `in 3f2a91c` or `in the pending change`
        let place: String
    }

    /// The waivers with `refusal` set where the policy does not let them count.
    func govern(_ waivers: [Waiver]) throws -> [Waiver] {
        let file = Configuration.fileName
        let origins = try lineOrigins(of: file)
        let lines = try source.read(path: file).map { String(decoding: $0, as: UTF8.self).components(separatedBy: "\n") } ?? []
        return try waivers.map { waiver in
            var waiver = waiver
            guard waiver.file == file else {
                waiver.refusal = "is in \(waiver.file), outside the repository's history, so nobody can tell who added it"
                return waiver
            }
            let addition = try self.addition(of: Self.span(of: waiver.line, in: lines), origins: origins)
            waiver.refusal = refusal(of: waiver, addition)
            return waiver
        }
    }

    private func refusal(of waiver: Waiver, _ addition: Addition) -> String? {
        if !addition.author.isAmong(policy.approvers) {
            return "was added \(addition.place) by \(addition.author.description), who is not among waivers.approvers"
        }
        guard let days = policy.maximumDays else { return nil }
        let added = String(ISOTime.format(addition.time, in: zone).prefix(10))
        guard let expires = waiver.expires, let end = expires.instant(hour: 23, minute: 59, second: 59, in: zone) else {
            return "has no expires date; waivers.max-days asks for one at most \(days) days after it was added (\(added))"
        }
        let length = Int((end.timeIntervalSince(addition.time) / 86_400).rounded(.up))
        guard length > days else { return nil }
        return "lasts \(length) days, from \(added) (added \(addition.place)) to \(ISOTime.day(expires)); waivers.max-days allows \(days)"
    }

    /// The lines of the waiver that starts at `line` (1-based): the item and what is indented under it.
    static func span(of line: Int, in lines: [String]) -> ClosedRange<Int> {
        guard line >= 1, line <= lines.count else { return line...line }
        let indent = { (text: String) in text.prefix { $0 == " " }.count }
        let dash = indent(lines[line - 1])
        var last = line
        var end = line
        while end < lines.count {
            let next = lines[end]
            let blank = next.trimmingCharacters(in: .whitespaces).isEmpty
            guard blank || indent(next) > dash else { break }
            end += 1
            if !blank { last = end }
        }
        return line...last
    }

    /// The commit of each line of the configuration file (nil: not committed).
    private func lineOrigins(of file: String) throws -> [ObjectID?] {
        switch kind {
        case .revision:
            guard let commit = source.commit else { return [] }
            return try repository.lineOrigins(path: file, at: commit.id)
        case .index, .worktree:
            let pending = try source.read(path: file) ?? []
            guard !repository.isHeadUnborn, let head = try? repository.commit("HEAD"), try repository.tree(head.treeID).entry(at: file) != nil else {
                return []
            }
            return try repository.lineOrigins(path: file, at: head.id, pending: pending)
        }
    }

    /// The newest change among a waiver's lines: the pending change when one of them is not committed.
    private func addition(of span: ClosedRange<Int>, origins: [ObjectID?]) throws -> Addition {
        var newest: CommitInfo?
        for line in span {
            guard line <= origins.count, let id = origins[line - 1] else {
                return Addition(author: Identity(name: localIdentity.name, email: localIdentity.email, mailmap: mailmap), time: now,
                                place: "in the pending change")
            }
            let commit = try repository.commit(id)
            if newest.map({ commit.committer.time > $0.committer.time }) ?? true { newest = commit }
        }
        let commit = newest!
        return Addition(author: Identity(name: commit.author.name, email: commit.author.email, mailmap: mailmap), time: commit.author.time,
                        place: "in \(commit.id.description.prefix(7))")
    }
}
