import Foundation

/// "walking commits 1200/10000" on stderr, only on a terminal and only for long walks.
final class ProgressLine {
    private let enabled = isatty(STDERR_FILENO) == 1
    private var shown = false

    func update(_ done: Int, _ total: Int) {
        guard enabled, total >= 500, done % 100 == 0 || done == total else { return }
        FileHandle.standardError.write(Data("\rwalking commits \(done)/\(total)".utf8))
        shown = true
    }

    func finish() {
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
