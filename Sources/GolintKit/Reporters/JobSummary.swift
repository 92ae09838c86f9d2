import Foundation

/// GitHub Actions' job summary: Markdown appended to the file `GITHUB_STEP_SUMMARY` names.
public enum JobSummary {
    /// GitHub shows at most 1 MiB of one step's summary.
    static let limit = 1 << 20

    /// Whether this process runs as a GitHub Actions step that has a summary file.
    public static var isRequested: Bool { !(ProcessInfo.processInfo.environment["GITHUB_STEP_SUMMARY"] ?? "").isEmpty }

    /// Appends `markdown` when the variable is set; a summary over the limit is cut at a line with a note.
    public static func append(_ markdown: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard let path = environment["GITHUB_STEP_SUMMARY"], !path.isEmpty else { return }
        var text = markdown
        if text.utf8.count > limit {
            let note = "\n_… cut to GitHub's 1 MiB summary limit._\n"
            var cut = text.utf8.prefix(limit - note.utf8.count)
            while let last = cut.last, last != UInt8(ascii: "\n") { cut = cut.dropLast() }
            text = String(decoding: cut, as: UTF8.self) + note
        }
        guard let handle = FileHandle(forWritingAtPath: path) ?? (FileManager.default.createFile(atPath: path, contents: nil) ? FileHandle(forWritingAtPath: path) : nil) else {
            throw GolintError.usage("GITHUB_STEP_SUMMARY=\(path): cannot write the job summary (\(String(cString: strerror(errno))))")
        }
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
    }
}
