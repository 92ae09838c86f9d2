import GolintGit

/// Why golint could not run (exit 2). Each prints as one line naming the file or argument.
public enum GolintError: Error, CustomStringConvertible, Equatable {
    case configuration(file: String, line: Int?, message: String)
    case repository(String)
    case revision(String)
    case usage(String)
    case pattern(pattern: String, file: String, message: String)

    public var description: String {
        switch self {
        case let .configuration(file, line, message):
            return line.map { "\(file):\($0): \(message)" } ?? "\(file): \(message)"
        case let .repository(message), let .revision(message), let .usage(message):
            return message
        case let .pattern(pattern, file, message):
            return "\(file): pattern '\(pattern)': \(message)"
        }
    }
}

/// Runs an engine entry point so that a libgit2 failure leaves it as one `GolintError` line (exit 2).
func reportingGitErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as GitError {
        throw GolintError.repository(error.message)
    }
}
