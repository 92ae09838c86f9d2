import CPCRE2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A regular expression on PCRE2 with a match budget, so that a pattern from configuration that
/// backtracks without end fails with an error instead of hanging the run. Foundation's and Swift's
/// regex engines have no such bound.
public final class Pattern: @unchecked Sendable {
    // The compiled code is immutable after init and PCRE2 allows sharing it between threads;
    // match data belongs to a thread.
    private let code: OpaquePointer
    /// Capture groups plus the whole match: the offset pairs a match fills.
    private let pairs: Int
    private let context: OpaquePointer?
    /// Whether PCRE2 compiled the pattern to machine code; then `pcre2_jit_match` skips the
    /// interpreter's per-call set-up.
    private let jitCompiled: Bool
    private let anchored: Bool
    public let source: String

    /// How much backtracking one match may do before it is reported instead of finishing.
    public static let matchLimit: UInt32 = 2_000_000

    public struct Match {
        /// The whole match, then each capture group (nil where a group did not take part).
        public let ranges: [Range<String.Index>?]
        public var range: Range<String.Index> { ranges[0]! }
    }

    public struct CompileError: Error, CustomStringConvertible {
        public let pattern: String
        public let reason: String
        public var description: String { "invalid regular expression '\(pattern)': \(reason)" }
    }

    public struct BudgetExceeded: Error, CustomStringConvertible {
        public let pattern: String
        public var description: String { "regular expression '\(pattern)' exceeded its match budget (catastrophic backtracking)" }
    }

    /// `anchored` patterns match only where a search starts: `prefixMatch` then runs as machine code,
    /// which anchoring at match time would not allow.
    public init(_ source: String, caseInsensitive: Bool = false, anchored: Bool = false) throws {
        self.source = source
        var options = UInt32(PCRE2_UTF | PCRE2_UCP)
        if caseInsensitive { options |= UInt32(PCRE2_CASELESS) }
        if anchored { options |= UInt32(PCRE2_ANCHORED) }
        self.anchored = anchored
        var errorCode: Int32 = 0
        var errorOffset = 0
        let compiled = source.withCString { pointer in
            pointer.withMemoryRebound(to: UInt8.self, capacity: source.utf8.count) {
                pcre2_compile_8($0, source.utf8.count, options, &errorCode, &errorOffset, nil)
            }
        }
        guard let compiled else {
            var buffer = [UInt8](repeating: 0, count: 256)
            _ = pcre2_get_error_message_8(errorCode, &buffer, buffer.count)
            let reason = String(decoding: buffer.prefix { $0 != 0 }, as: UTF8.self)
            throw CompileError(pattern: source, reason: "\(reason) at offset \(errorOffset)")
        }
        code = compiled
        var captures: UInt32 = 0
        pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_CAPTURECOUNT), &captures)
        pairs = Int(captures) + 1
        jitCompiled = pcre2_jit_compile_8(compiled, UInt32(PCRE2_JIT_COMPLETE)) == 0
        context = pcre2_match_context_create_8(nil)
        if let context {
            pcre2_set_match_limit_8(context, Pattern.matchLimit)
            pcre2_set_depth_limit_8(context, 100_000)
        }
    }

    deinit {
        pcre2_match_context_free_8(context)
        pcre2_code_free_8(code)
    }

    /// Every non-overlapping match in `text`, left to right.
    public func matches(in text: String) throws -> [Match] {
        var result: [Match] = []
        try enumerate(in: text) { result.append(Match(text, $0, $1)); return true }
        return result
    }

    public func firstMatch(in text: String) throws -> Match? {
        var found: Match?
        try enumerate(in: text) { found = Match(text, $0, $1); return false }
        return found
    }

    /// Whether the pattern matches anywhere in `text`, without building the match.
    public func contains(_ text: String) throws -> Bool {
        var found = false
        try enumerate(in: text) { _, _ in found = true; return false }
        return found
    }

    /// A match that starts exactly at `position` (PCRE2_ANCHORED), without copying the text after it.
    public func prefixMatch(in text: String, at position: String.Index) throws -> Match? {
        var found: Match?
        let offset = text.utf8.distance(from: text.utf8.startIndex, to: position)
        try enumerate(in: text, from: offset, options: anchored ? 0 : UInt32(PCRE2_ANCHORED)) { found = Match(text, $0, $1); return false }
        return found
    }

    /// Calls `body` with each match's offset vector (start and end byte offsets, per group) and its
    /// number of pairs, until `body` returns false.
    private func enumerate(in text: String, from start: Int = 0, options: UInt32 = 0,
                           _ body: (UnsafeMutablePointer<Int>, Int) -> Bool) throws {
        // Most patterns fit the thread's match data; one with more groups gets its own.
        let shared = pairs <= ThreadMatchData.pairs ? ThreadMatchData.current : nil
        guard let data = shared ?? pcre2_match_data_create_from_pattern_8(code, nil) else { return }
        defer { if shared == nil { pcre2_match_data_free_8(data) } }
        try text.withUTF8Bytes { buffer in
            let length = buffer.count
            let subject = buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!
            var offset = start
            while offset <= length {
                // Swift strings are valid UTF-8: skip PCRE2's check, which rescans the whole subject per call.
                let rc = jitCompiled && options == 0
                    ? pcre2_jit_match_8(code, subject, length, offset, 0, data, context)
                    : pcre2_match_8(code, subject, length, offset, options | UInt32(PCRE2_NO_UTF_CHECK), data, context)
                if rc == PCRE2_ERROR_NOMATCH { return }
                if rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT {
                    throw BudgetExceeded(pattern: source)
                }
                guard rc > 0, let vector = pcre2_get_ovector_pointer_8(data) else { return }
                guard body(vector, pairs) else { return }
                let matchStart = vector[0], end = vector[1]
                if end > matchStart {
                    offset = end
                } else {
                    // An empty match: step over one whole UTF-8 character.
                    offset = end + 1
                    while offset < length, buffer[offset] & 0xC0 == 0x80 { offset += 1 }
                }
            }
        }
    }
}

/// One match data block per thread, large enough for every pattern golint compiles: creating and
/// freeing one per call showed in profiles (hundreds of thousands of calls per run). `body` in
/// `enumerate` never runs another pattern, so a thread never needs two at once.
private enum ThreadMatchData {
    static let pairs = 64

    static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { pointer in pointer.map { pcre2_match_data_free_8(OpaquePointer($0)) } }
        return key
    }()

    static var current: OpaquePointer? {
        if let existing = pthread_getspecific(key) { return OpaquePointer(existing) }
        guard let data = pcre2_match_data_create_8(UInt32(pairs), nil) else { return nil }
        pthread_setspecific(key, UnsafeRawPointer(data))
        return data
    }
}

extension Pattern.Match {
    /// From an offset vector: PCRE2_UNSET (~0, imported as -1) marks a group that took no part.
    fileprivate init(_ text: String, _ vector: UnsafeMutablePointer<Int>, _ pairs: Int) {
        let utf8 = text.utf8
        var ranges: [Range<String.Index>?] = []
        ranges.reserveCapacity(pairs)
        for group in 0..<pairs {
            let start = vector[2 * group], end = vector[2 * group + 1]
            if start < 0 || end < start {
                ranges.append(nil)
            } else {
                ranges.append(utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end))
            }
        }
        self.init(ranges: ranges)
    }
}

extension String {
    /// Subscript by a match range, as a new string.
    public func text(_ range: Range<String.Index>?) -> String? {
        range.map { String(self[$0]) }
    }
}
