/// A JSON value whose objects keep their key order, so that output is byte-for-byte deterministic
/// (Foundation's encoder on Linux orders keys by hash, which changes from run to run).
public indirect enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])
    /// A value rendered as UTF-8 at the indentation it stands at, in parts written one after the
    /// other: large arrays are rendered in chunks on all cores as they are written out.
    case fragments([ReportOutput.Part])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.rendered() == rhs.rendered() }

    public static func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }

    /// Two-space indented, one key per line, newline at the end of the document.
    public func rendered() -> String { String(decoding: renderedOutput().bytes, as: UTF8.self) }

    /// The same as UTF-8 in parts, as reports are written out: a report of tens of megabytes is
    /// neither validated again as a String nor copied into one piece on its way to the file.
    public func renderedOutput() -> ReportOutput {
        var output = JSONBytes()
        write(to: &output, indent: 0)
        output.append(UInt8(ascii: "\n"))
        return ReportOutput(output.parts)
    }

    /// An array of many values rendered on all cores, in chunks, as it is written `indent` levels
    /// deep: the same bytes as `.array(elements.map(transform))`.
    static func array<Element: Sendable>(rendering elements: [Element], atIndent indent: Int,
                                         _ transform: @escaping @Sendable (Element) -> JSONValue) -> JSONValue {
        array(writing: elements, atIndent: indent) { element, output, indent in transform(element).write(to: &output, indent: indent) }
    }

    /// The same, with each element written straight into the bytes (`write(element, into:
    /// atIndent:)`), for the values reports write by the ten thousand: no tree of values first, and
    /// no copy of the whole array in memory: its chunks are rendered when the report is written.
    static func array<Element: Sendable>(writing elements: [Element], atIndent indent: Int,
                                         _ write: @escaping @Sendable (Element, inout JSONBytes, Int) -> Void) -> JSONValue {
        guard !elements.isEmpty else { return .array([]) }
        let size = 256
        let chunks = ReportOutput.Part.chunks(count: (elements.count + size - 1) / size) { chunk in
            let range = chunk * size..<min(chunk * size + size, elements.count)
            // A finding or an event is about half a kilobyte: room for most chunks at once.
            var output = JSONBytes(capacity: range.count * 640)
            for index in range {
                output.indent(indent + 1)
                write(elements[index], &output, indent + 1)
                if index == elements.count - 1 { output.append(UInt8(ascii: "\n")) } else { output.append(literal: ",\n") }
            }
            return output.bytes
        }
        var end = JSONBytes(capacity: 2 * indent + 1)
        end.indent(indent)
        end.append(UInt8(ascii: "]"))
        return .fragments([.bytes(Array("[\n".utf8)), chunks, .bytes(end.bytes)])
    }

    /// Written as UTF-8 bytes: appending to a byte array costs a fraction of appending to a String,
    /// and reports of tens of thousands of findings or events are mostly this.
    func write(to output: inout JSONBytes, indent: Int) {
        switch self {
        case let .fragments(parts): output.append(parts: parts)
        case .null: output.append(literal: "null")
        case let .bool(value): if value { output.append(literal: "true") } else { output.append(literal: "false") }
        case let .int(value): output.append(String(value))
        case let .string(value): JSONValue.quote(value, into: &output)
        case let .array(values):
            guard !values.isEmpty else { output.append(literal: "[]"); return }
            output.append(literal: "[\n")
            for (index, value) in values.enumerated() {
                output.indent(indent + 1)
                value.write(to: &output, indent: indent + 1)
                if index == values.count - 1 { output.append(UInt8(ascii: "\n")) } else { output.append(literal: ",\n") }
            }
            output.indent(indent)
            output.append(UInt8(ascii: "]"))
        case let .object(members):
            guard !members.isEmpty else { output.append(literal: "{}"); return }
            output.append(literal: "{\n")
            for (index, (key, value)) in members.enumerated() {
                output.indent(indent + 1)
                JSONValue.quote(key, into: &output)
                output.append(literal: ": ")
                value.write(to: &output, indent: indent + 1)
                if index == members.count - 1 { output.append(UInt8(ascii: "\n")) } else { output.append(literal: ",\n") }
            }
            output.indent(indent)
            output.append(UInt8(ascii: "}"))
        }
    }

    /// Whether any byte is a control character, `"` or `\\`: eight bytes at a time (reports quote
    /// tens of megabytes of text, nearly all of it plain).
    static func needsEscaping(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        var index = 0
        while index + 8 <= bytes.count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            // A byte below 0x20; a byte equal to 0x22 or 0x5C (a zero byte after XOR). Exact for
            // whether such a byte exists, which is all that is asked.
            let below = (word &- ones &* 0x20) & ~word & highs
            let quote = word ^ (ones &* 0x22), backslash = word ^ (ones &* 0x5C)
            let equal = ((quote &- ones) & ~quote | (backslash &- ones) & ~backslash) & highs
            if below | equal != 0 { return true }
            index += 8
        }
        while index < bytes.count {
            let byte = base[index]
            if byte < 0x20 || byte == 0x22 || byte == 0x5C { return true }
            index += 1
        }
        return false
    }

    static func quote(_ text: String, into output: inout JSONBytes) {
        output.append(UInt8(ascii: "\""))
        var text = text
        // Most strings need no escaping: copied whole, by their bytes in place.
        let copied = text.withUTF8 { bytes in
            guard !needsEscaping(bytes) else { return false }
            output.append(contentsOf: bytes)
            return true
        }
        if copied {
            output.append(UInt8(ascii: "\""))
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output.append(literal: "\\\"")
            case UInt8(ascii: "\\"): output.append(literal: "\\\\")
            case UInt8(ascii: "\n"): output.append(literal: "\\n")
            case UInt8(ascii: "\r"): output.append(literal: "\\r")
            case UInt8(ascii: "\t"): output.append(literal: "\\t")
            case ..<0x20:
                let hex = String(byte, radix: 16)
                output.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}

/// An object written member by member into the bytes, laid out as `JSONValue.object` lays it out
/// (at least one member).
struct JSONObjectWriter {
    private let indent: Int
    private var empty = true

    /// Starts an object that stands `indent` levels deep.
    init(indent: Int) { self.indent = indent }

    /// Keys are written as given: the ones reports use need no escaping.
    private mutating func key(_ key: StaticString, _ output: inout JSONBytes) {
        if empty { output.append(literal: "{\n") } else { output.append(literal: ",\n") }
        empty = false
        output.indent(indent + 1)
        output.append(UInt8(ascii: "\""))
        output.append(literal: key)
        output.append(literal: "\": ")
    }

    mutating func string(_ key: StaticString, _ value: String?, _ output: inout JSONBytes) {
        self.key(key, &output)
        if let value { JSONValue.quote(value, into: &output) } else { output.append(literal: "null") }
    }

    mutating func bool(_ key: StaticString, _ value: Bool?, _ output: inout JSONBytes) {
        self.key(key, &output)
        switch value {
        case true?: output.append(literal: "true")
        case false?: output.append(literal: "false")
        case nil: output.append(literal: "null")
        }
    }

    mutating func int(_ key: StaticString, _ value: Int?, _ output: inout JSONBytes) {
        self.key(key, &output)
        if let value { output.append(String(value)) } else { output.append(literal: "null") }
    }

    mutating func value(_ key: StaticString, _ value: JSONValue, _ output: inout JSONBytes) {
        self.key(key, &output)
        value.write(to: &output, indent: indent + 1)
    }

    /// A member whose value is written by `value` at this object's members' depth.
    mutating func value(_ key: StaticString, _ output: inout JSONBytes, _ value: (inout JSONBytes, Int) -> Void) {
        self.key(key, &output)
        value(&output, indent + 1)
    }

    func end(_ output: inout JSONBytes) {
        output.append(UInt8(ascii: "\n"))
        output.indent(indent)
        output.append(UInt8(ascii: "}"))
    }
}

/// The bytes of a JSON document being written: appended into memory of its own, grown by
/// doubling. Reports append a few bytes at a time by the million; an array's append costs a
/// uniqueness and capacity check and a generic copy each time.
struct JSONBytes {
    private final class Storage {
        var base: UnsafeMutablePointer<UInt8>
        var count = 0
        var capacity: Int

        init(capacity: Int) {
            self.capacity = max(capacity, 64)
            base = .allocate(capacity: self.capacity)
        }

        deinit { base.deallocate() }

        @inline(__always) func reserve(_ extra: Int) {
            if count + extra > capacity { grow(extra) }
        }

        func grow(_ extra: Int) {
            let grown = max(capacity * 2, count + extra)
            let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
            moved.update(from: base, count: count)
            base.deallocate()
            base = moved
            capacity = grown
        }
    }

    // Never shared: a JSONBytes is written by one function and read once at the end.
    private let storage: Storage

    init(capacity: Int = 0) { storage = Storage(capacity: capacity) }

    /// Parts finished before the bytes being written: pieces rendered elsewhere, kept as they are.
    private var finished: [ReportOutput.Part] = []

    private var current: [UInt8] { Array(UnsafeBufferPointer(start: storage.base, count: storage.count)) }

    /// Everything written, in parts.
    var parts: [ReportOutput.Part] { storage.count == 0 ? finished : finished + [.bytes(current)] }

    var bytes: [UInt8] { finished.isEmpty ? current : ReportOutput(parts).bytes }

    var string: String { String(decoding: bytes, as: UTF8.self) }

    /// Pieces rendered elsewhere (or to be), taken as they are instead of copied.
    mutating func append(parts: [ReportOutput.Part]) {
        if storage.count > 0 {
            finished.append(.bytes(current))
            storage.count = 0
        }
        finished += parts
    }

    mutating func append(_ byte: UInt8) {
        storage.reserve(1)
        storage.base[storage.count] = byte
        storage.count += 1
    }

    mutating func append(contentsOf other: UnsafeBufferPointer<UInt8>) {
        guard let source = other.baseAddress, !other.isEmpty else { return }
        storage.reserve(other.count)
        (storage.base + storage.count).update(from: source, count: other.count)
        storage.count += other.count
    }

    /// Punctuation and keywords: no String to look into.
    mutating func append(literal text: StaticString) {
        text.withUTF8Buffer { append(contentsOf: $0) }
    }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append(contentsOf: $0) }
    }

    mutating func indent(_ level: Int) {
        storage.reserve(2 * level)
        (storage.base + storage.count).initialize(repeating: UInt8(ascii: " "), count: 2 * level)
        storage.count += 2 * level
    }
}
