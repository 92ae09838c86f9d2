import Foundation
import GolintGit

/// `check --new-since REF`: the findings the evaluated content has and `REF` has not, both at the
/// same evaluation time. A finding is the same when its rule is and it sits on the same item — the
/// identity history keeps across edits and moves, through a renamed document — or, off items, on a
/// line of the same text; a placeholder is the same when its token is too (off items, the token
/// alone: a line that gains a second placeholder keeps its first). Findings are matched as a
/// multiset: two equal placeholders where `REF` had one leave one new.
enum NewFindings {
    /// Where a finding sits: an item of the reference's version of its document, or a line's text.
    private enum Anchor: Hashable {
        case item(Int)
        /// An item the reference does not have: nothing there existed before.
        case newItem
        case text(String)
        /// A placeholder off items: the same token anywhere off items is the same placeholder,
        /// whatever else its line says now.
        case offItems
    }

    private struct Key: Hashable {
        let rule: String
        let anchor: Anchor
        let token: String?
    }

    struct Split {
        var new: [Finding] = []
        var existing: [Finding] = []
    }

    /// The documents the reference run needs: the evaluated ones, and the reference's documents the
    /// evaluated source does not have under their path (a renamed document's old version).
    static func referencePaths(evaluated: [String], allEvaluated: Set<String>, reference: [String]) -> Set<String> {
        Set(evaluated).union(reference.filter { !allEvaluated.contains($0) })
    }

    static func split(_ findings: [Finding], reference referenceFindings: [Finding], documents: [String], referenceDocuments: [String],
                      read: (String) throws -> DocumentSnapshot?, readReference: (String) throws -> DocumentSnapshot?) throws -> Split {
        let byPath = Dictionary(grouping: findings, by: \.path)
        let referenceByPath = Dictionary(grouping: referenceFindings, by: \.path)
        let referenceSet = Set(referenceDocuments)
        // Reference documents not under an evaluated path: where a renamed document came from.
        let evaluated = Set(documents)
        var renameCandidates = referenceDocuments.filter { !evaluated.contains($0) }
        var split = Split()
        for path in documents {
            guard let found = byPath[path] else { continue }
            guard let current = try read(path) else {
                split.new += found
                continue
            }
            var oldPath: String? = referenceSet.contains(path) ? path : nil
            var old = try oldPath.flatMap(readReference)
            if old == nil, let (candidate, snapshot) = try renamedFrom(current, candidates: renameCandidates, read: readReference) {
                oldPath = candidate
                old = snapshot
                renameCandidates.removeAll { $0 == candidate }
            }
            guard let old, let oldPath else {
                split.new += found
                continue
            }
            let pairing = ItemMatcher.match(old: old.items.map(\.text), new: current.items.map(\.text))
            let currentItemAt = Dictionary(current.items.enumerated().map { ($1.line, $0) }, uniquingKeysWith: { first, _ in first })
            let oldItemAt = Dictionary(old.items.enumerated().map { ($1.line, $0) }, uniquingKeysWith: { first, _ in first })
            var before: [Key: Int] = [:]
            for finding in referenceByPath[oldPath] ?? [] {
                before[key(finding, anchor: oldItemAt[finding.line].map(Anchor.item)), default: 0] += 1
            }
            for finding in found {
                let anchor = currentItemAt[finding.line].map { pairing[$0].map(Anchor.item) ?? .newItem }
                let key = key(finding, anchor: anchor)
                if let count = before[key], count > 0 {
                    before[key] = count - 1
                    split.existing.append(finding)
                } else {
                    split.new.append(finding)
                }
            }
        }
        return split
    }

    private static func key(_ finding: Finding, anchor: Anchor?) -> Key {
        let isPlaceholder = finding.rule == PlaceholderRule.description.id
        return Key(rule: finding.rule, anchor: anchor ?? (isPlaceholder ? .offItems : .text(finding.sourceLine)),
                   token: isPlaceholder ? finding.excerpt : nil)
    }

    /// The reference document that most of `current`'s items continue (at least half, by text).
    private static func renamedFrom(_ current: DocumentSnapshot, candidates: [String],
                                    read: (String) throws -> DocumentSnapshot?) throws -> (String, DocumentSnapshot)? {
        guard !current.items.isEmpty else { return nil }
        let texts = Set(current.items.map(\.text))
        var best: (path: String, snapshot: DocumentSnapshot, shared: Int)?
        for path in candidates {
            guard let snapshot = try read(path) else { continue }
            let shared = snapshot.items.count { texts.contains($0.text) }
            if shared * 2 >= current.items.count, shared > (best?.shared ?? 0) { best = (path, snapshot, shared) }
        }
        return best.map { ($0.path, $0.snapshot) }
    }
}
