#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A document's bytes decoded for linting, split into lines, with what went wrong in the decoding.
public struct SourceText: Sendable {
    public enum Problem: Sendable, Equatable {
        /// Bytes that are not UTF-8, at a 1-based line and byte offset in that line.
        case invalidUTF8(line: Int, column: Int)
        /// A UTF-16 document (with a byte order mark): decoded, but tools around it will not read it.
        case utf16
        /// A NUL byte: a binary file matched a document glob; nothing else is checked.
        case binary
        /// A Git LFS pointer: the document itself is not in the repository.
        case lfsPointer
        /// Larger than `SourceText.maximumBytes`: not read.
        case tooLarge(bytes: Int)
        /// The file could not be read (permissions, I/O); the reason as the system gave it.
        case unreadable(String)
    }

    /// The text golint reads: mojibake repaired (`ausgefÃ¼llt` reads as `ausgefüllt`).
    public let text: String
    /// Lines of `text` without their terminators (`\n`, `\r\n` or a lone `\r`).
    public let lines: [Substring]
    /// Garbled runs (UTF-8 read as Windows-1252 and encoded again), by their place in the stored
    /// file; `text` has them repaired. Line numbers are the same in both.
    public let mojibake: [Mojibake.Run]
    /// Lines as stored, where they differ from `lines`.
    private let storedLineText: [Int: Substring]
    public let problems: [Problem]
    /// Whether the bytes started with a UTF-8 byte order mark (removed from `text`).
    public let hadByteOrderMark: Bool

    /// The largest document golint reads by default (`max-document-size` changes it). Real go-live
    /// plans are kilobytes; a bigger file is reported instead of parsed, which bounds time and memory.
    public static let maximumBytes = 10 << 20

    /// The text of `bytes`, or only their size when there are more than `limit`.
    init(bytes: [UInt8], limit: Int) {
        self = bytes.count > limit ? SourceText(unread: .tooLarge(bytes: bytes.count)) : SourceText(bytes: bytes)
    }

    /// Whether the content is not text golint checks (binary, LFS pointer, too large, unreadable).
    public var isUnchecked: Bool {
        problems.contains { problem in
            switch problem {
            case .binary, .lfsPointer, .tooLarge, .unreadable: return true
            case .invalidUTF8, .utf16: return false
            }
        }
    }

    /// A document that was not read, for the reason given.
    public init(unread problem: Problem) {
        text = ""
        lines = []
        problems = [problem]
        hadByteOrderMark = false
        mojibake = []
        storedLineText = [:]
    }

    public init(bytes: [UInt8]) {
        var problems: [Problem] = []
        var bom = false
        var text: String
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            text = SourceText.decodeUTF16(bytes)
            problems.append(.utf16)
        } else if bytes.prefix(8000).contains(0) {
            text = ""
            problems.append(.binary)
        } else if bytes.count < 1024, bytes.starts(with: Array("version https://git-lfs.github.com/spec/".utf8)) {
            text = ""
            problems.append(.lfsPointer)
        } else {
            var body = bytes[...]
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
                bom = true
                body = bytes.dropFirst(3)
            }
            if let decoded = body.withUnsafeBufferPointer({ String(validating: $0, as: UTF8.self) }) {
                text = decoded
            } else {
                text = String(decoding: body, as: UTF8.self)
                problems.append(SourceText.firstInvalidByte(in: body))
            }
        }
        self.problems = problems
        self.hadByteOrderMark = bom
        let stored = SourceText.splitLines(text)
        let runs = Mojibake.runs(in: stored)
        mojibake = runs
        guard !runs.isEmpty else {
            self.text = text
            self.lines = stored
            storedLineText = [:]
            return
        }
        self.text = SourceText.repairing(runs, in: text, lines: stored)
        self.lines = SourceText.splitLines(self.text)
        storedLineText = Dictionary(runs.map { ($0.line, stored[$0.line - 1]) }, uniquingKeysWith: { first, _ in first })
    }

    /// The text with every garbled run replaced by what it was meant to be; lines stay where they are.
    private static func repairing(_ runs: [Mojibake.Run], in text: String, lines: [Substring]) -> String {
        var repaired = text
        for run in runs.reversed() {
            let line = lines[run.line - 1]
            let start = line.unicodeScalars.index(line.unicodeScalars.startIndex, offsetBy: run.column - 1)
            let end = line.unicodeScalars.index(start, offsetBy: run.garbled.unicodeScalars.count)
            repaired.replaceSubrange(start..<end, with: run.intended)
        }
        return repaired
    }

    /// A line as stored in the file (before mojibake repair).
    public func storedLine(_ number: Int) -> Substring {
        storedLineText[number] ?? line(number)
    }

    /// The column in the stored line of a column in the repaired one: each repaired run is shorter
    /// than its garbled original by the difference of their lengths.
    public func storedColumn(line number: Int, column: Int) -> Int {
        guard storedLineText[number] != nil else { return column }
        var shift = 0
        for run in mojibake where run.line == number {
            let repairedStart = run.column - shift
            guard repairedStart < column else { break }
            shift += run.garbled.unicodeScalars.count - run.intended.unicodeScalars.count
        }
        return column + shift
    }

    public init(_ text: String) {
        self.text = text
        self.problems = []
        self.hadByteOrderMark = false
        self.lines = SourceText.splitLines(text)
        self.mojibake = []
        self.storedLineText = [:]
    }

    /// The text of a 1-based line, or "" past the end.
    public func line(_ number: Int) -> Substring {
        number >= 1 && number <= lines.count ? lines[number - 1] : ""
    }

    /// Converts cmark's 1-based byte column into a 1-based column in Unicode scalars.
    public func column(line number: Int, byteColumn: Int) -> Int {
        // Every scalar has exactly one byte that is not a continuation byte (10xxxxxx).
        line(number).withUTF8Bytes { bytes in
            bytes.prefix(max(0, byteColumn - 1)).reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
        }
    }

    static func splitLines(_ text: String) -> [Substring] {
        // Split on bytes: "\r\n" is one Character, which would hide the "\n" from a Character loop.
        // Offsets of ASCII bytes are valid String indices.
        var lines: [Substring] = []
        let utf8 = text.utf8
        func line(_ start: Int, _ end: Int) -> Substring {
            // Through the UTF-8 view: a line ends before an ASCII byte, so its bounds are scalar
            // boundaries, and the String subscript's rounding to Characters is not needed.
            Substring(utf8[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)])
        }
        text.withUTF8Bytes { bytes in
            guard let base = bytes.baseAddress else { return }
            // Without a carriage return, lines end at each line feed, found with memchr.
            if memchr(base, 0x0D, bytes.count) == nil {
                var start = 0
                while start < bytes.count {
                    let end = memchr(base + start, 0x0A, bytes.count - start).map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) }
                        ?? bytes.count
                    lines.append(line(start, end))
                    start = end + 1
                }
                return
            }
            var start = 0, index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x0A || byte == 0x0D {
                    lines.append(line(start, index))
                    index += byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
                    start = index
                } else {
                    index += 1
                }
            }
            if start < bytes.count { lines.append(line(start, bytes.count)) }
        }
        return lines
    }

    private static func decodeUTF16(_ bytes: [UInt8]) -> String {
        let bigEndian = bytes[0] == 0xFE
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = 2
        while index + 1 < bytes.count {
            let pair = (UInt16(bytes[index]), UInt16(bytes[index + 1]))
            units.append(bigEndian ? pair.0 << 8 | pair.1 : pair.1 << 8 | pair.0)
            index += 2
        }
        return String(decoding: units, as: UTF16.self)
    }

    private static func firstInvalidByte(in bytes: ArraySlice<UInt8>) -> Problem {
        var line = 1
        var lineStart = bytes.startIndex
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return .invalidUTF8(line: line, column: index - lineStart + 1)
            }
            let end = index + length
            if length > 1 {
                guard end <= bytes.endIndex,
                      String(validating: bytes[index..<end], as: UTF8.self) != nil
                else { return .invalidUTF8(line: line, column: index - lineStart + 1) }
            }
            if byte == 0x0A { line += 1; lineStart = end }
            index = end
        }
        return .invalidUTF8(line: line, column: 1)
    }
}
