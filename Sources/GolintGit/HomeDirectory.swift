import Foundation

/// `~` in paths from git's configuration (`core.hooksPath`, `core.attributesFile`,
/// `safe.directory`), expanded as git does: from `$HOME`, not the password database.
public enum HomeDirectory {
    public static func expanding(_ path: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let home = environment["HOME"] ?? NSHomeDirectory()
        if path == "~" { return home }
        return path.hasPrefix("~/") ? home + path.dropFirst() : path
    }

    /// git's folder for per-user files besides `~/.gitconfig`: `$XDG_CONFIG_HOME/git`, else `~/.config/git`.
    public static func gitConfigFolder(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        (environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? expanding("~/.config", environment: environment)) + "/git"
    }
}
