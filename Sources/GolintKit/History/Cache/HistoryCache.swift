import Foundation

/// Where history keeps what it learnt of each commit, so that a later run computes only the new
/// ones: `$XDG_CACHE_HOME/golint` (else `~/.cache/golint`), never inside a repository.
///
/// One file per context: the events of a commit follow from the commit (its id names its trees,
/// its parents and so every blob pair it changed) and from everything the walk was configured
/// with, so the file is named by a digest of the latter (golint's build, the configuration and its
/// packs, `.mailmap`, the allowed signers, the paths, first-parent or not). Written whole into an
/// unnamed file and renamed into place: concurrent runs each leave a whole file, the last one wins.
public struct HistoryCache: Sendable {
    public let folder: String

    public init(folder: String) {
        self.folder = folder
    }

    /// The cache the environment names; nil when neither `XDG_CACHE_HOME` nor `HOME` is set.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> HistoryCache? {
        if let base = environment["XDG_CACHE_HOME"], base.hasPrefix("/") { return HistoryCache(folder: base + "/golint") }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return HistoryCache(folder: home + "/.cache/golint")
    }

    var trails: String { folder + "/history" }

    /// Removes every cached trail; returns how many files there were.
    public func clear() throws -> Int {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: trails)) ?? []
        for name in names {
            do {
                try FileManager.default.removeItem(atPath: trails + "/" + name)
            } catch {
                throw GolintError.usage("cannot remove \(trails)/\(name): \((error as NSError).localizedFailureReason ?? error.localizedDescription)")
            }
        }
        return names.count
    }
}
