import Foundation

/// Paths given on the command line: a document is kept when it is one of them or lies below one.
enum PathFilter {
    static func matches(_ path: String, _ filters: [String]) -> Bool {
        guard !filters.isEmpty else { return true }
        return filters.contains { filter in
            let trimmed = filter.hasSuffix("/") ? String(filter.dropLast()) : filter
            return trimmed.isEmpty || trimmed == "." || path == trimmed || path.hasPrefix(trimmed + "/") || Glob(trimmed).matches(path)
        }
    }
}
