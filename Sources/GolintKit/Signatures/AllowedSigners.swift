import Foundation

/// git's `gpg.ssh.allowedSignersFile` (ssh-keygen's ALLOWED SIGNERS format): which keys may sign
/// for which principals (emails or patterns), in which namespaces, and when.
struct AllowedSigners: Sendable {
    struct Entry: Sendable {
        let principals: [Glob]
        let publicKey: [UInt8]
        let namespaces: [String]?
        let validAfter: Date?
        let validBefore: Date?
        let line: Int

        func lists(_ email: String) -> Bool {
            principals.contains { $0.matches(email.lowercased()) }
        }

        func isValid(at time: Date) -> Bool {
            (validAfter.map { time >= $0 } ?? true) && (validBefore.map { time < $0 } ?? true)
                && (namespaces?.contains("git") ?? true)
        }
    }

    struct Invalid: Error {
        let line: Int
        let reason: String
    }

    let entries: [Entry]

    static let empty = AllowedSigners(entries: [])

    /// The file `signoff.allowed-signers` names, read from `source` (the trusted revision), with
    /// the name messages give it. A file that does not parse stops the run with its line.
    static func load(_ file: String?, from source: DocumentSource) throws -> (signers: AllowedSigners, name: String) {
        guard let file else { return (.empty, "the allowed signers (signoff.allowed-signers is not set)") }
        guard let bytes = try source.read(path: file) else {
            throw GolintError.configuration(file: Configuration.fileName, line: nil,
                                            message: "signoff.allowed-signers: \(file) does not exist in \(source.name)")
        }
        do {
            return (try AllowedSigners(text: String(decoding: bytes, as: UTF8.self)), file)
        } catch let error as Invalid {
            throw GolintError.configuration(file: file, line: error.line, message: error.reason)
        }
    }

    private init(entries: [Entry]) { self.entries = entries }

    init(text: String) throws {
        var entries: [Entry] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            var fields = Self.fields(line)
            guard fields.count >= 3 else { throw Invalid(line: index + 1, reason: "expected principals, key type and key") }
            let principals = fields.removeFirst().lowercased().split(separator: ",").map { Glob(String($0)) }
            var options: [String: String] = [:]
            if !Self.isKeyType(fields[0]) {
                for option in Self.options(fields.removeFirst()) {
                    let parts = option.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                    options[parts[0].lowercased()] = parts.count > 1 ? parts[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"")) : ""
                }
            }
            // Certificate authorities sign certificates, which golint does not verify.
            if options["cert-authority"] != nil { continue }
            guard fields.count >= 2, Self.isKeyType(fields[0]), let key = Data(base64Encoded: fields[1]) else {
                throw Invalid(line: index + 1, reason: "no public key after the principals")
            }
            func time(_ name: String) throws -> Date? {
                guard let value = options[name] else { return nil }
                guard let date = Self.time(value) else { throw Invalid(line: index + 1, reason: "\(name)=\(value) is not YYYYMMDD[HHMM[SS]][Z]") }
                return date
            }
            entries.append(Entry(principals: principals, publicKey: [UInt8](key),
                                 namespaces: options["namespaces"].map { $0.split(separator: ",").map(String.init) },
                                 validAfter: try time("valid-after"), validBefore: try time("valid-before"), line: index + 1))
        }
        self.entries = entries
    }

    /// The entries that list `key` for use at `time`.
    func entries(for key: [UInt8], at time: Date) -> [Entry] {
        entries.filter { $0.publicKey == key && $0.isValid(at: time) }
    }

    private static func isKeyType(_ field: String) -> Bool {
        field.hasPrefix("ssh-") || field.hasPrefix("ecdsa-sha2-") || field.hasPrefix("sk-")
    }

    /// Whitespace-separated fields; a double-quoted stretch (`namespaces="git,file"`) is one.
    private static func fields(_ line: String) -> [String] {
        var fields: [String] = [], current = "", quoted = false
        for character in line {
            if character == "\"" { quoted.toggle() }
            if !quoted && (character == " " || character == "\t") {
                if !current.isEmpty { fields.append(current); current = "" }
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { fields.append(current) }
        return fields
    }

    /// Comma-separated options; commas inside quotes belong to the value.
    private static func options(_ field: String) -> [String] {
        var options: [String] = [], current = "", quoted = false
        for character in field {
            if character == "\"" { quoted.toggle() }
            if character == "," && !quoted { options.append(current); current = "" } else { current.append(character) }
        }
        options.append(current)
        return options.filter { !$0.isEmpty }
    }

    /// `YYYYMMDD[HHMM[SS]]`, in UTC with a trailing `Z`, else in local time (as ssh-keygen reads it).
    private static func time(_ value: String) -> Date? {
        var digits = value
        var zone = TimeZone.current
        if digits.hasSuffix("Z") || digits.hasSuffix("z") {
            digits.removeLast()
            zone = TimeZones.utc
        }
        guard [8, 12, 14].contains(digits.count), digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
        let numbers = Array(digits)
        func number(_ start: Int, _ count: Int) -> Int? {
            start + count <= numbers.count ? Int(String(numbers[start..<start + count])) : nil
        }
        var components = DateComponents(calendar: Calendar(identifier: .gregorian), timeZone: zone,
                                        year: number(0, 4), month: number(4, 2), day: number(6, 2),
                                        hour: number(8, 2) ?? 0, minute: number(10, 2) ?? 0, second: number(12, 2) ?? 0)
        components.nanosecond = 0
        return components.isValidDate ? components.date : nil
    }
}
