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
        var output = JSONBytes()
        write(to: &output, indent: 0)
        output.append(UInt8(ascii: "\n"))
        return output.string
    }

    /// The value as it is written `indent` levels deep, for a `.fragment`.
    public func fragment(atIndent indent: Int) -> JSONValue {
        var output = JSONBytes()
        write(to: &output, indent: indent)
        return .fragment(output.bytes)
    }

    /// Written as UTF-8 bytes: appending to a byte array costs a fraction of appending to a String,
    /// and reports of tens of thousands of findings or events are mostly this.
    private func write(to output: inout JSONBytes, indent: Int) {
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
        // Most strings need no escaping: copied whole.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
            output.append(text)
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

/// The bytes of a JSON document being written.
struct JSONBytes {
    private(set) var bytes: [UInt8] = []

    var string: String { String(decoding: bytes, as: UTF8.self) }

    mutating func append(_ byte: UInt8) { bytes.append(byte) }

    mutating func append(contentsOf other: [UInt8]) { bytes.append(contentsOf: other) }

    mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }

    mutating func indent(_ level: Int) {
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * level))
    }
}
