import CLibGit2

/// libgit2 must be initialised once per process before any call; there is no constructor on Linux.
enum LibGit2 {
    private static let initialised: Bool = {
        git_libgit2_init()
        // Trees and commits are re-read while walking history; blobs are parsed once and their
        // parsed form is cached by golint, so libgit2's cache holds no blobs and stays small.
        _ = golint_git_set_cache_object_limit(GIT_OBJECT_BLOB, 0)
        // libgit2 caches no tree over 4 KiB by default: a directory of a few hundred documents
        // would be inflated again for every path looked up in it.
        _ = golint_git_set_cache_object_limit(GIT_OBJECT_TREE, 1 << 20)
        _ = golint_git_set_cache_max_size(32 << 20)
        // Packs are read through mapped windows (1 GiB each, 8 GiB in all by default): a walk over
        // a long history touches most of the pack, and every page touched stays resident. Smaller
        // windows, fewer of them mapped at once, bound that by a constant instead of the pack's size.
        _ = golint_git_set_mwindow_size(8 << 20)
        _ = golint_git_set_mwindow_mapped_limit(32 << 20)
        // libgit2 hashes every object it reads to compare with its id, which git does not do on
        // read either; a damaged object still fails to inflate or to parse.
        _ = golint_git_disable_strict_hash_verification()
        return true
    }()

    static func ensureInitialised() {
        _ = initialised
    }

    /// Process-wide: called only once `safe.directory` trusts a repository of another user.
    static func disableOwnerValidation() {
        _ = golint_git_disable_owner_validation()
    }
}
