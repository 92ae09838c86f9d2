import Foundation

public enum Golint {
    public static let version = "0.1.0"
    /// What `golint --version` prints: another program named golint (Go's linter) is told apart by
    /// the words after the version, which the hook and the GitHub Action look for.
    public static let versionLine = "golint \(version) (go-live checklist linter)"

    /// This build: the version, and the running program's size and modification time, so that
    /// what a build cached is not read by another build of the same version.
    static let buildIdentity: String = {
        var status = stat()
        guard stat("/proc/self/exe", &status) == 0 || stat(CommandLine.arguments[0], &status) == 0 else { return version }
        return "\(version) \(status.st_size) \(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)"
    }()
}
