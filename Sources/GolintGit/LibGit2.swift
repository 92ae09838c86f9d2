import CLibGit2

/// libgit2 must be initialised once per process before any call; there is no constructor on Linux.
enum LibGit2 {
    private static let initialised: Bool = {
        git_libgit2_init()
        // Blobs are not cached by default; history re-reads parents, so give the cache room.
        _ = golint_git_set_cache_object_limit(GIT_OBJECT_BLOB, 4 << 20)
        _ = golint_git_set_cache_max_size(256 << 20)
        return true
    }()

    static func ensureInitialised() {
        _ = initialised
    }
}
