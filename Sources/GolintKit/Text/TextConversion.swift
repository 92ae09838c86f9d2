import Glibc

/// Converts text in another encoding to UTF-8 with iconv, as git does for `working-tree-encoding`.
enum TextConversion {
    struct Failure: Error {
        let reason: String
    }

    static func utf8(from bytes: [UInt8], encoding: String) throws -> [UInt8] {
        let converter = iconv_open("UTF-8", encoding)
        guard converter != iconv_t(bitPattern: -1) else { throw Failure(reason: "iconv does not know the encoding") }
        defer { iconv_close(converter) }
        var input = bytes.map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: bytes.count * 3 + 16)
        let written: Int = input.withUnsafeMutableBufferPointer { inputBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer in
                var inPointer = inputBuffer.baseAddress
                var inLeft = inputBuffer.count
                var outPointer = outputBuffer.baseAddress
                var outLeft = outputBuffer.count
                guard iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1 || inLeft == 0 else { return -1 }
                return outputBuffer.count - outLeft
            }
        }
        guard written >= 0 else {
            throw Failure(reason: errno == EILSEQ || errno == EINVAL ? "the file is not valid in that encoding" : String(cString: strerror(errno)))
        }
        var result = output[..<written].map { UInt8(bitPattern: $0) }
        // A byte order mark is how UTF-16 announces itself, not text.
        if result.starts(with: [0xEF, 0xBB, 0xBF]) { result.removeFirst(3) }
        return result
    }
}
