/// A path glob as in `.gitignore` and markdownlint: `*` and `?` within one path segment,
/// `**` across any number of segments (`**/TASK_*.md` matches `TASK_A.md` and `docs/a/TASK_A.md`).
public struct Glob: Sendable, Equatable, CustomStringConvertible {
    public let pattern: String
    private let segments: [String]

    public init(_ pattern: String) {
        self.pattern = pattern
        var trimmed = pattern
        while trimmed.hasPrefix("./") { trimmed.removeFirst(2) }
        // "dir/" means everything below dir.
        if trimmed.hasSuffix("/") { trimmed += "**" }
        segments = trimmed.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    }

    public var description: String { pattern }

    public func matches(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        return match(segments[...], parts[...])
    }

    private func match(_ pattern: ArraySlice<String>, _ path: ArraySlice<String>) -> Bool {
        guard let first = pattern.first else { return path.isEmpty }
        if first == "**" {
            let rest = pattern.dropFirst()
            if rest.isEmpty { return true }
            var remaining = path
            while true {
                if match(rest, remaining) { return true }
                guard !remaining.isEmpty else { return false }
                remaining = remaining.dropFirst()
            }
        }
        guard let segment = path.first, Glob.wildcard(Array(first)[...], Array(segment)[...]) else { return false }
        return match(pattern.dropFirst(), path.dropFirst())
    }

    /// `*`, `?` and `[a-z]`/`[!x]` within one segment, by Character (fnmatch counts bytes in the C locale,
    /// so `?` would not match `ä`). A leading dot must be matched literally, as in git and the shell.
    static func wildcard(_ pattern: ArraySlice<Character>, _ name: ArraySlice<Character>) -> Bool {
        if name.first == ".", pattern.first != "." { return false }
        return wildcardMatch(pattern, name)
    }

    private static func wildcardMatch(_ pattern: ArraySlice<Character>, _ name: ArraySlice<Character>) -> Bool {
        guard let head = pattern.first else { return name.isEmpty }
        switch head {
        case "*":
            var rest = name
            while true {
                if wildcardMatch(pattern.dropFirst(), rest) { return true }
                guard !rest.isEmpty else { return false }
                rest = rest.dropFirst()
            }
        case "?":
            return !name.isEmpty && wildcardMatch(pattern.dropFirst(), name.dropFirst())
        case "[":
            guard let character = name.first, let close = pattern.dropFirst(2).firstIndex(of: "]") else {
                return name.first == "[" && wildcardMatch(pattern.dropFirst(), name.dropFirst())
            }
            var set = pattern[pattern.index(after: pattern.startIndex)..<close]
            let negated = set.first == "!" || set.first == "^"
            if negated { set = set.dropFirst() }
            var matched = false
            var index = set.startIndex
            while index < set.endIndex {
                let low = set[index]
                if index + 2 < set.endIndex, set[index + 1] == "-" {
                    matched = matched || (low...set[index + 2]).contains(character)
                    index += 3
                } else {
                    matched = matched || low == character
                    index += 1
                }
            }
            return matched != negated && wildcardMatch(pattern[(close + 1)...], name.dropFirst())
        default:
            return name.first == head && wildcardMatch(pattern.dropFirst(), name.dropFirst())
        }
    }
}
