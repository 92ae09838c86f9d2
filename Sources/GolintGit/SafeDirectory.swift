import CLibGit2
import Foundation

/// git's `safe.directory`: a repository owned by another user is opened only when the system or
/// global configuration, or `git -c`, trusts it. libgit2 1.5 does the ownership check but knows no
/// `*`, and fails with "config value 'safe.directory' was not found" when there is no global
/// configuration, so golint reads the setting itself, from the same places git reads it.
enum SafeDirectory {
    /// Whether `path` (a work tree or git directory, with or without a trailing slash) is trusted.
    static func trusts(_ path: String, environment: [String: String]) -> Bool {
        let values = configuredValues(environment: environment)
        let candidates = Set([path, canonical(path)].map { $0.hasSuffix("/") && $0.count > 1 ? String($0.dropLast()) : $0 })
        return values.contains { value in
            if value == "*" { return true }
            let expanded = canonical(HomeDirectory.expanding(value, environment: environment))
            if expanded.hasSuffix("/*") {
                let prefix = String(expanded.dropLast())
                return candidates.contains { $0.hasPrefix(prefix) }
            }
            return candidates.contains(expanded.hasSuffix("/") ? String(expanded.dropLast()) : expanded)
        }
    }

    /// The effective list: system, then global, then command-line values; an empty value clears
    /// what came before, as in git.
    static func configuredValues(environment: [String: String]) -> [String] {
        var values: [String] = []
        for value in configFiles(environment: environment).flatMap(valuesInFile) + commandLineValues(environment) {
            if value.isEmpty { values.removeAll() } else { values.append(value) }
        }
        return values
    }

    private static func configFiles(environment: [String: String]) -> [String] {
        var files: [String] = []
        let noSystem = ["1", "true", "yes", "on"].contains(environment["GIT_CONFIG_NOSYSTEM"]?.lowercased() ?? "")
        if !noSystem { files.append(environment["GIT_CONFIG_SYSTEM"] ?? "/etc/gitconfig") }
        if let global = environment["GIT_CONFIG_GLOBAL"] {
            files.append(global)
        } else {
            files += [HomeDirectory.gitConfigFolder(environment: environment) + "/config",
                      HomeDirectory.expanding("~/.gitconfig", environment: environment)]
        }
        return files.filter { !$0.isEmpty && FileManager.default.isReadableFile(atPath: $0) }
    }

    private static func valuesInFile(_ path: String) -> [String] {
        var config: OpaquePointer?
        guard git_config_open_ondisk(&config, path) == 0 else { return [] }
        defer { git_config_free(config) }
        var iterator: OpaquePointer?
        guard git_config_multivar_iterator_new(&iterator, config, "safe.directory", nil) == 0 else { return [] }
        defer { git_config_iterator_free(iterator) }
        var values: [String] = []
        var entry: UnsafeMutablePointer<git_config_entry>?
        while git_config_next(&entry, iterator) == 0, let entry {
            values.append(entry.pointee.value.map { String(cString: $0) } ?? "")
        }
        return values
    }

    /// `git -c safe.directory=…` reaches child processes as GIT_CONFIG_PARAMETERS or GIT_CONFIG_COUNT.
    private static func commandLineValues(_ environment: [String: String]) -> [String] {
        var pairs: [(String, String)] = []
        for token in shellWords(environment["GIT_CONFIG_PARAMETERS"] ?? "") {
            guard let equals = token.firstIndex(of: "=") else { continue }
            pairs.append((String(token[..<equals]), String(token[token.index(after: equals)...])))
        }
        for index in 0..<(Int(environment["GIT_CONFIG_COUNT"] ?? "") ?? 0) {
            if let key = environment["GIT_CONFIG_KEY_\(index)"] {
                pairs.append((key, environment["GIT_CONFIG_VALUE_\(index)"] ?? ""))
            }
        }
        return pairs.filter { $0.0.lowercased() == "safe.directory" }.map(\.1)
    }

    /// Words of git's single-quoted parameter list (`'a'='b' 'c=d'`): quotes joined, `\x` kept as x.
    private static func shellWords(_ text: String) -> [String] {
        var words: [String] = []
        var current = "", inQuote = false, escaped = false, started = false
        for character in text {
            if escaped { current.append(character); escaped = false; continue }
            if character == "'" {
                inQuote.toggle(); started = true
            } else if inQuote {
                current.append(character)
            } else if character == "\\" {
                escaped = true
            } else if character.isWhitespace {
                if started { words.append(current) }
                current = ""; started = false
            } else {
                current.append(character); started = true
            }
        }
        if started { words.append(current) }
        return words
    }

    private static func canonical(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
