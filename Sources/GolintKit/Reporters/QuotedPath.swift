/// A path as text output shows it: as is, or, when it holds a control character, a quote or a
/// backslash, C-quoted the way git prints such names (`"docs/a\nb.md"`), so that one finding stays
/// one line and a name cannot forge another. Non-ASCII letters are shown as they are.
enum QuotedPath {
    static func text(_ path: String) -> String {
        guard path.unicodeScalars.contains(where: needsEscape) else { return path }
        var quoted = "\""
        for scalar in path.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\t": quoted += "\\t"
            case "\r": quoted += "\\r"
            default:
                if needsEscape(scalar) {
                    let octal = String(scalar.value, radix: 8)
                    quoted += "\\" + String(repeating: "0", count: max(0, 3 - octal.count)) + octal
                } else {
                    quoted.unicodeScalars.append(scalar)
                }
            }
        }
        return quoted + "\""
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0x7F || scalar == "\"" || scalar == "\\"
    }
}
