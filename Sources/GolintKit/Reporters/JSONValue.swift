/// A JSON value whose objects keep their key order, so that output is byte-for-byte deterministic
/// (Foundation's encoder on Linux orders keys by hash, which changes from run to run).
public indirect enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])
    /// A value already rendered as UTF-8, at the indentation it stands at (large reports render
    /// parts on all cores).
    case fragment([UInt8])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.rendered() == rhs.rendered() }

    public static func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }

    /// Two-space indented, one key per line, newline at the end of the document.
    public func rendered() -> String {
        var output = JSONBytes(capacity: sizeHint)
        write(to: &output, indent: 0)
        output.append(UInt8(ascii: "\n"))
        return output.string
    }

    /// About as many bytes as the value takes written: a report of tens of megabytes, mostly
    /// fragments, is then copied once instead of at every doubling.
    private var sizeHint: Int {
        switch self {
        case let .fragment(bytes): bytes.count
        case let .string(text): text.utf8.count + 8
        case let .array(values): values.reduce(8) { $0 + $1.sizeHint + 8 }
        case let .object(members): members.reduce(8) { $0 + $1.0.utf8.count + $1.1.sizeHint + 12 }
        case .null, .bool, .int: 24
        }
    }

    /// The value as it is written `indent` levels deep, for a `.fragment`.
    public func fragment(atIndent indent: Int) -> JSONValue {
        var output = JSONBytes()
        write(to: &output, indent: indent)
        return .fragment(output.bytes)
    }

    /// An array of many values rendered on all cores, in chunks, as it is written `indent` levels
    /// deep: the same bytes as `.array(elements.map(transform))`.
    static func array<Element: Sendable>(rendering elements: [Element], atIndent indent: Int,
                                         _ transform: (Element) -> JSONValue) -> JSONValue {
        array(writing: elements, atIndent: indent) { element, output, indent in transform(element).write(to: &output, indent: indent) }
    }

    /// The same, with each element written straight into the bytes (`write(element, into:
    /// atIndent:)`), for the values reports write by the ten thousand: no tree of values first.
    static func array<Element: Sendable>(writing elements: [Element], atIndent indent: Int,
                                         _ write: (Element, inout JSONBytes, Int) -> Void) -> JSONValue {
        guard !elements.isEmpty else { return .array([]) }
        let chunk = 256
        let ranges = stride(from: 0, to: elements.count, by: chunk).map { $0..<min($0 + chunk, elements.count) }
        let parts = ranges.parallelMap { range -> [UInt8] in
            // A finding or an event is about half a kilobyte: room for most chunks at once.
            var output = JSONBytes(capacity: range.count * 640)
            for index in range {
                output.indent(indent + 1)
                write(elements[index], &output, indent + 1)
                output.append(index == elements.count - 1 ? "\n" : ",\n")
            }
            return output.bytes
        }
        var output = JSONBytes(capacity: parts.reduce(2 + 2 * indent) { $0 + $1.count })
        output.append("[\n")
        for part in parts { output.append(contentsOf: part) }
        output.indent(indent)
        output.append(UInt8(ascii: "]"))
        return .fragment(output.bytes)
    }

    /// Written as UTF-8 bytes: appending to a byte array costs a fraction of appending to a String,
    /// and reports of tens of thousands of findings or events are mostly this.
    func write(to output: inout JSONBytes, indent: Int) {
        switch self {
        case let .fragment(bytes): output.append(contentsOf: bytes)
        case .null: output.append("null")
        case let .bool(value): output.append(value ? "true" : "false")
        case let .int(value): output.append(String(value))
        case let .string(value): JSONValue.quote(value, into: &output)
        case let .array(values):
            guard !values.isEmpty else { output.append("[]"); return }
            output.append("[\n")
            for (index, value) in values.enumerated() {
                output.indent(indent + 1)
                value.write(to: &output, indent: indent + 1)
                output.append(index == values.count - 1 ? "\n" : ",\n")
            }
            output.indent(indent)
            output.append(UInt8(ascii: "]"))
        case let .object(members):
            guard !members.isEmpty else { output.append("{}"); return }
            output.append("{\n")
            for (index, (key, value)) in members.enumerated() {
                output.indent(indent + 1)
                JSONValue.quote(key, into: &output)
                output.append(": ")
                value.write(to: &output, indent: indent + 1)
                output.append(index == members.count - 1 ? "\n" : ",\n")
            }
            output.indent(indent)
            output.append(UInt8(ascii: "}"))
        }
    }

    static func quote(_ text: String, into output: inout JSONBytes) {
        output.append(UInt8(ascii: "\""))
        var text = text
        // Most strings need no escaping: copied whole, by their bytes in place.
        let copied = text.withUTF8 { bytes in
            for byte in bytes where byte < 0x20 || byte == 0x22 || byte == 0x5C { return false }
            output.append(contentsOf: bytes)
            return true
        }
        if copied {
            output.append(UInt8(ascii: "\""))
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output.append("\\\"")
            case UInt8(ascii: "\\"): output.append("\\\\")
            case UInt8(ascii: "\n"): output.append("\\n")
            case UInt8(ascii: "\r"): output.append("\\r")
            case UInt8(ascii: "\t"): output.append("\\t")
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

    private mutating func key(_ key: String, _ output: inout JSONBytes) {
        output.append(empty ? "{\n" : ",\n")
        empty = false
        output.indent(indent + 1)
        JSONValue.quote(key, into: &output)
        output.append(": ")
    }

    mutating func string(_ key: String, _ value: String?, _ output: inout JSONBytes) {
        self.key(key, &output)
        if let value { JSONValue.quote(value, into: &output) } else { output.append("null") }
    }

    mutating func int(_ key: String, _ value: Int?, _ output: inout JSONBytes) {
        self.key(key, &output)
        output.append(value.map(String.init) ?? "null")
    }

    mutating func value(_ key: String, _ value: JSONValue, _ output: inout JSONBytes) {
        self.key(key, &output)
        value.write(to: &output, indent: indent + 1)
    }

    /// A member whose value is written by `value` at this object's members' depth.
    mutating func value(_ key: String, _ output: inout JSONBytes, _ value: (inout JSONBytes, Int) -> Void) {
        self.key(key, &output)
        value(&output, indent + 1)
    }

    func end(_ output: inout JSONBytes) {
        output.append(UInt8(ascii: "\n"))
        output.indent(indent)
        output.append(UInt8(ascii: "}"))
    }
}

/// The bytes of a JSON document being written.
struct JSONBytes {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    var string: String { String(decoding: bytes, as: UTF8.self) }

    mutating func append(_ byte: UInt8) { bytes.append(byte) }

    mutating func append(contentsOf other: [UInt8]) { bytes.append(contentsOf: other) }

    mutating func append(contentsOf other: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: other) }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func indent(_ level: Int) {
        for _ in 0..<(2 * level) { bytes.append(UInt8(ascii: " ")) }
    }
}
