import Foundation

/// Sizes as people write them in configuration: `20MiB`, `500 KB`, `2000000`.
enum ByteSize {
    private static let units: [String: Int] = ["": 1, "b": 1, "kb": 1_000, "kib": 1 << 10, "k": 1 << 10, "mb": 1_000_000, "mib": 1 << 20,
                                               "m": 1 << 20, "gb": 1_000_000_000, "gib": 1 << 30, "g": 1 << 30]

    static func parse(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        guard let number = Int(digits), let unit = units[trimmed.dropFirst(digits.count).trimmingCharacters(in: .whitespaces).lowercased()] else {
            return nil
        }
        let (bytes, overflow) = number.multipliedReportingOverflow(by: unit)
        return overflow ? nil : bytes
    }

    /// `10 MiB`, `512 KiB`, `300 bytes`
    static func describe(_ bytes: Int) -> String {
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return "\(bytes) bytes"
    }
}
