import Foundation
import GolintGit

/// Which repository a command reads, as the user named it: `--repo DIR`, or the one git's
/// environment (`GIT_DIR`, `GIT_WORK_TREE`, `GIT_INDEX_FILE`, …) and the current directory name.
public struct RepositoryAccess: Sendable {
    public var directory: String?
    public var environment: [String: String]
    public var currentDirectory: String

    public init(directory: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment,
                currentDirectory: String = FileManager.default.currentDirectoryPath) {
        self.directory = directory
        self.environment = environment
        self.currentDirectory = currentDirectory
    }

    func open() throws -> Repository {
        do {
            let location = try RepositoryLocation.resolve(directory: directory, environment: environment, currentDirectory: currentDirectory)
            return try Repository(location, environment: environment)
        } catch let error as GitError {
            throw GolintError.repository(error.message)
        }
    }

    /// Command-line paths made relative to the repository's working directory.
    func repositoryPaths(_ paths: [String], in repository: Repository) -> [String] {
        guard let workdir = repository.workdir else { return paths }
        let root = URL(fileURLWithPath: workdir).resolvingSymlinksInPath().path
        let cwd = URL(fileURLWithPath: currentDirectory).resolvingSymlinksInPath().path
        return paths.map { path in
            let absolute = path.hasPrefix("/") ? path : cwd + "/" + path
            let resolved = URL(fileURLWithPath: absolute).standardizedFileURL.path
            if resolved == root { return "" }
            if resolved.hasPrefix(root + "/") { return String(resolved.dropFirst(root.count + 1)) }
            return path
        }
    }
}
