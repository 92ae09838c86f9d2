import CLibGit2

/// A libgit2 call that failed, with the function name and libgit2's own message.
public struct GitError: Error, CustomStringConvertible, Equatable {
    public let function: String
    public let code: Int32
    public let message: String

    public var description: String { message }

    init(function: String, code: Int32) {
        self.function = function
        self.code = code
        // git_error_last() may be NULL in libgit2 1.5; fall back to the function name.
        if let last = git_error_last(), let text = last.pointee.message {
            self.message = String(cString: text).trimmingTrailingNewlines()
        } else {
            self.message = "\(function) failed (\(code))"
        }
    }

    public init(function: String, message: String) {
        self.function = function
        self.code = -1
        self.message = message
    }
}

/// Throws a `GitError` for a negative libgit2 return code.
@discardableResult
func check(_ code: Int32, _ function: String = #function) throws -> Int32 {
    guard code >= 0 else { throw GitError(function: function, code: code) }
    return code
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var text = self
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
