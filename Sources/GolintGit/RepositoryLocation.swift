import Foundation

/// Where a repository's parts are, found the way git finds them: from a start directory, or from
/// the environment git sets for hooks and scripts. A value, so that every worker thread opens its
/// own handle on exactly the same repository, index and object stores.
public struct RepositoryLocation: Sendable, Equatable {
    /// A directory to search upwards from, or (with `search` off) the git directory itself.
    var path: String
    var search: Bool
    /// `GIT_CEILING_DIRECTORIES`: discovery never climbs into these.
    var ceilings: String?
    var crossFilesystems = false
    /// `GIT_WORK_TREE`, or the current directory when `GIT_DIR` is set without one (git's rule).
    var workTree: String?
    /// Whether `workTree` came from `GIT_DIR` alone: then `core.worktree` and bare repositories win.
    var workTreeIsImplicit = false
    /// `GIT_INDEX_FILE`: the temporary index of `git commit -a`, `git commit PATH`, `git commit -i`.
    var indexFile: String?
    /// `GIT_OBJECT_DIRECTORY` and `GIT_ALTERNATE_OBJECT_DIRECTORIES`.
    var objectDirectory: String?
    var alternateObjectDirectories: [String] = []

    /// The repository `directory` names (searching upwards, as `git -C directory` does), or, when
    /// it is nil, the one git's environment and `currentDirectory` name. The index and object
    /// variables apply to an explicit directory only when it is the environment's repository too,
    /// so that a hook's `golint --repo .` still reads `git commit -a`'s temporary index.
    public static func resolve(directory: String?, environment: [String: String], currentDirectory: String) throws -> RepositoryLocation {
        func value(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        func absolute(_ path: String) -> String {
            path.hasPrefix("/") ? path : (currentDirectory as NSString).appendingPathComponent(path)
        }
        var fromEnvironment: RepositoryLocation
        if let gitDirectory = value("GIT_DIR") {
            fromEnvironment = RepositoryLocation(path: absolute(gitDirectory), search: false)
            fromEnvironment.workTree = value("GIT_WORK_TREE").map(absolute) ?? currentDirectory
            fromEnvironment.workTreeIsImplicit = value("GIT_WORK_TREE") == nil
        } else {
            fromEnvironment = RepositoryLocation(path: currentDirectory, search: true)
            fromEnvironment.ceilings = value("GIT_CEILING_DIRECTORIES")
            fromEnvironment.workTree = value("GIT_WORK_TREE").map(absolute)
        }
        fromEnvironment.crossFilesystems = ["1", "true", "yes", "on"].contains(value("GIT_DISCOVERY_ACROSS_FILESYSTEM")?.lowercased() ?? "")
        fromEnvironment.indexFile = value("GIT_INDEX_FILE").map(absolute)
        fromEnvironment.objectDirectory = value("GIT_OBJECT_DIRECTORY").map(absolute)
        fromEnvironment.alternateObjectDirectories = value("GIT_ALTERNATE_OBJECT_DIRECTORIES")
            .map { $0.split(separator: ":").map { absolute(String($0)) } } ?? []
        guard let directory else { return fromEnvironment }

        var explicit = RepositoryLocation(path: absolute(directory), search: true)
        let redirects = fromEnvironment.indexFile != nil || fromEnvironment.objectDirectory != nil
            || !fromEnvironment.alternateObjectDirectories.isEmpty
        if redirects, let theirs = try? Repository(fromEnvironment), let ours = try? Repository(explicit),
           theirs.commonDirectory == ours.commonDirectory {
            explicit.indexFile = fromEnvironment.indexFile
            explicit.objectDirectory = fromEnvironment.objectDirectory
            explicit.alternateObjectDirectories = fromEnvironment.alternateObjectDirectories
        }
        return explicit
    }

    /// A location that opens `path` (or the repository above it) with no environment.
    public static func directory(_ path: String) -> RepositoryLocation {
        RepositoryLocation(path: path, search: true)
    }
}
