public enum Golint {
    public static let version = "0.1.0"
    /// What `golint --version` prints: another program named golint (Go's linter) is told apart by
    /// the words after the version, which the hook and the GitHub Action look for.
    public static let versionLine = "golint \(version) (go-live checklist linter)"
}
