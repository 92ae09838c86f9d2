/// Small string helpers in pure Swift: Foundation's equivalents bridge through NSString (UTF-16)
/// on Linux, which dominated profiles of `history`.
extension StringProtocol {
    /// Without leading and trailing spaces and tabs.
    var trimmedSpaces: SubSequence {
        var start = startIndex, end = endIndex
        while start < end, self[start] == " " || self[start] == "\t" { start = index(after: start) }
        while end > start {
            let before = index(before: end)
            guard self[before] == " " || self[before] == "\t" else { break }
            end = before
        }
        return self[start..<end]
    }

    /// Whether any ASCII digit occurs: a cheap test before looking for dates.
    var containsASCIIDigit: Bool { utf8.contains { $0 >= 0x30 && $0 <= 0x39 } }

    /// How many times `character` occurs.
    func count(of character: Character) -> Int { reduce(0) { $1 == character ? $0 + 1 : $0 } }
}
