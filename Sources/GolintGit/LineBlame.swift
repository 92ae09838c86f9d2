import CLibGit2

extension Repository {
    /// The commit that last changed each line of `path` as of `commit` (index 0 is line 1). With
    /// `pending`, the lines are those bytes instead (a staged or working version): a line no commit
    /// holds is nil. Meant for small files such as the configuration.
    public func lineOrigins(path: String, at commit: ObjectID, pending: [UInt8]? = nil) throws -> [ObjectID?] {
        var options = git_blame_options()
        try check(git_blame_options_init(&options, UInt32(GIT_BLAME_OPTIONS_VERSION)), "git_blame_options_init")
        options.newest_commit = commit.raw
        var blame: OpaquePointer?
        try check(git_blame_file(&blame, pointer, path, &options), "git_blame_file")
        defer { git_blame_free(blame) }
        var lines = blame
        var buffered: OpaquePointer?
        if let pending {
            try check(pending.withUnsafeBufferPointer { bytes in
                bytes.withMemoryRebound(to: CChar.self) { git_blame_buffer(&buffered, blame, $0.baseAddress, bytes.count) }
            }, "git_blame_buffer")
            lines = buffered
        }
        defer { if buffered != nil { git_blame_free(buffered) } }
        var origins: [ObjectID?] = []
        for index in 0..<git_blame_get_hunk_count(lines) {
            guard let hunk = git_blame_get_hunk_byindex(lines, index)?.pointee else { continue }
            let id = ObjectID(hunk.final_commit_id)
            let committed = id.bytes.contains { $0 != 0 }
            origins += Array(repeating: committed ? id : nil, count: Int(hunk.lines_in_hunk))
        }
        return origins
    }
}
