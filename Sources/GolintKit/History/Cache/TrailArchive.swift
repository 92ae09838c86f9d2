import Crypto
import Foundation
import GolintGit

/// The cache file's bytes: commit records in a compact binary form, every string once in a table,
/// closed by a SHA-256 of the whole, so that a file cut short, edited or written by another
/// version reads as nothing rather than as wrong events.
///
///     "golint-trail" format(1) key(32) strings records sha256(32)
enum TrailArchive {
    static let magic = Array("golint-trail".utf8)
    static let format: UInt8 = 1

    static func encode(_ records: [CommitRecord], key: [UInt8]) -> [UInt8] {
        var strings = StringTable()
        var body = ByteWriter()
        body.varint(records.count)
        for record in records {
            body.varint(record.commit.bytes.count)
            body.bytes(record.commit.bytes)
            body.time(record.committerTime)
            body.varint(record.events.count)
            for event in record.events { encode(event, into: &body, strings: &strings) }
            body.varint(record.openWork.count)
            for work in record.openWork {
                body.varint(strings.index(work.path))
                body.varint(work.open)
            }
        }
        var file = ByteWriter()
        file.bytes(magic)
        file.bytes([format])
        file.bytes(key)
        file.varint(strings.all.count)
        for string in strings.all {
            file.varint(string.utf8.count)
            file.bytes(Array(string.utf8))
        }
        file.bytes(body.output)
        file.bytes(Array(SHA256.hash(data: file.output)))
        return file.output
    }

    /// The records, or nil when the bytes are not a whole archive of this format for `key`.
    static func decode(_ bytes: [UInt8], key: [UInt8]) -> [CommitRecord]? {
        let header = magic.count + 1 + key.count
        guard bytes.count >= header + 32, Array(bytes[0..<magic.count]) == magic, bytes[magic.count] == format,
              Array(bytes[(magic.count + 1)..<header]) == key,
              Array(SHA256.hash(data: bytes[0..<(bytes.count - 32)])) == Array(bytes[(bytes.count - 32)...])
        else { return nil }
        var reader = ByteReader(bytes: bytes, position: header, end: bytes.count - 32)
        do {
            var strings: [String] = []
            for _ in 0..<(try reader.count()) {
                strings.append(String(decoding: try reader.bytes(try reader.count()), as: UTF8.self))
            }
            var records: [CommitRecord] = []
            for _ in 0..<(try reader.count()) {
                guard let commit = ObjectID(bytes: try reader.bytes(try reader.count())) else { return nil }
                let time = try reader.time()
                var events: [HistoryEvent] = []
                for _ in 0..<(try reader.count()) { events.append(try decodeEvent(&reader, strings: strings)) }
                var openWork: [CommitRecord.OpenWork] = []
                for _ in 0..<(try reader.count()) {
                    openWork.append(CommitRecord.OpenWork(path: try reader.string(strings), open: try reader.count()))
                }
                records.append(CommitRecord(commit: commit, committerTime: time, events: events, openWork: openWork))
            }
            return reader.isAtEnd ? records : nil
        } catch {
            return nil
        }
    }

    private static func encode(_ event: HistoryEvent, into body: inout ByteWriter, strings: inout StringTable) {
        for string in [event.commit, event.authorName, event.authorEmail, event.committerName, event.committerEmail,
                       event.signature.status.rawValue, event.path, event.kind.rawValue] {
            body.varint(strings.index(string))
        }
        for string in [event.signature.format?.rawValue, event.signature.signer, event.signature.reason, event.item,
                       event.before, event.after, event.substance, event.approval?.role, event.approval?.signer,
                       event.approval?.section] {
            body.varint(string.map { strings.index($0) + 1 } ?? 0)
        }
        body.varint(event.verified.map { $0 ? 2 : 1 } ?? 0)
        body.time(event.time)
        body.varint(Int(bitPattern: UInt(bitPattern: (event.offsetMinutes << 1) ^ (event.offsetMinutes >> 63))))
        body.varint(event.line.map { $0 + 1 } ?? 0)
    }

    private static func decodeEvent(_ reader: inout ByteReader, strings: [String]) throws -> HistoryEvent {
        let commit = try reader.string(strings), authorName = try reader.string(strings), authorEmail = try reader.string(strings)
        let committerName = try reader.string(strings), committerEmail = try reader.string(strings)
        guard let status = SignatureCheck.Status(rawValue: try reader.string(strings)) else { throw ByteReader.Invalid() }
        let path = try reader.string(strings)
        guard let kind = HistoryEvent.Kind(rawValue: try reader.string(strings)) else { throw ByteReader.Invalid() }
        let optional = try (0..<10).map { _ in try reader.optionalString(strings) }
        let format = try optional[0].map { raw in
            guard let format = SignatureCheck.Format(rawValue: raw) else { throw ByteReader.Invalid() }
            return format
        }
        let verified: Bool? = switch try reader.count() { case 0: nil; case 1: false; default: true }
        let time = try reader.time()
        let zigzag = UInt(try reader.count())
        let offset = Int(bitPattern: zigzag >> 1) ^ -Int(bitPattern: zigzag & 1)
        let line = try reader.count()
        let approval = optional[7].map { EventDraft.Approval(role: $0, signer: optional[8], section: optional[9] ?? "") }
        return HistoryEvent(commit: commit, authorName: authorName, authorEmail: authorEmail, committerName: committerName,
                            committerEmail: committerEmail,
                            signature: SignatureCheck(status: status, format: format, signer: optional[1], reason: optional[2]),
                            verified: verified, time: time, offsetMinutes: offset, path: path, kind: kind, item: optional[3],
                            line: line == 0 ? nil : line - 1, before: optional[4], after: optional[5], stale: nil,
                            approval: approval, substance: optional[6])
    }
}

/// Each distinct string once, by first use.
private struct StringTable {
    private(set) var all: [String] = []
    private var indexes: [String: Int] = [:]

    mutating func index(_ string: String) -> Int {
        if let known = indexes[string] { return known }
        indexes[string] = all.count
        all.append(string)
        return all.count - 1
    }
}

private struct ByteWriter {
    private(set) var output: [UInt8] = []

    mutating func bytes(_ bytes: [UInt8]) { output += bytes }

    /// LEB128: seven bits a byte, the high bit set on all but the last.
    mutating func varint(_ value: Int) {
        var rest = UInt(bitPattern: value)
        while rest >= 0x80 {
            output.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        output.append(UInt8(rest))
    }

    /// A time to the bit, as git's whole seconds or anything else.
    mutating func time(_ date: Date) {
        withUnsafeBytes(of: date.timeIntervalSince1970.bitPattern.littleEndian) { output += $0 }
    }
}

private struct ByteReader {
    struct Invalid: Error {}

    let bytes: [UInt8]
    var position: Int
    let end: Int

    var isAtEnd: Bool { position == end }

    mutating func count() throws -> Int {
        var value: UInt = 0, shift: UInt = 0
        while true {
            guard position < end, shift < 64 else { throw Invalid() }
            let byte = bytes[position]
            position += 1
            value |= UInt(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        guard value <= UInt(Int.max) else { throw Invalid() }
        return Int(value)
    }

    mutating func bytes(_ count: Int) throws -> ArraySlice<UInt8> {
        guard count <= end - position else { throw Invalid() }
        defer { position += count }
        return bytes[position..<(position + count)]
    }

    mutating func string(_ table: [String]) throws -> String {
        let index = try count()
        guard index < table.count else { throw Invalid() }
        return table[index]
    }

    mutating func optionalString(_ table: [String]) throws -> String? {
        let index = try count()
        guard index <= table.count else { throw Invalid() }
        return index == 0 ? nil : table[index - 1]
    }

    mutating func time() throws -> Date {
        var bits: UInt64 = 0
        for (shift, byte) in try bytes(8).enumerated() { bits |= UInt64(byte) << (8 * UInt64(shift)) }
        return Date(timeIntervalSince1970: Double(bitPattern: bits))
    }
}
