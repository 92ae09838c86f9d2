import Foundation

extension Configuration {
    public static let fileName = ".golint.yml"

    /// The shipped pack, then `.golint.yml` and the packs it names, all read from `source` so that
    /// `--staged` lints with the staged configuration. An explicit `file` is read from disk instead.
    static func load(from source: DocumentSource, explicitFile file: String? = nil) throws -> Configuration {
        var configuration = Configuration.shipped()
        let name = file ?? fileName
        guard let bytes = try fileBytes(from: source, explicitFile: file) else { return configuration }
        let packs = try ConfigurationLoader.apply(yaml: try text(bytes, file: name), file: name, kind: .configuration, to: &configuration)
        configuration.packs = packs
        for pack in packs {
            guard let packBytes = try source.read(path: pack) else {
                throw GolintError.configuration(file: name, line: nil, message: "rule pack '\(pack)' not found in \(source.name)")
            }
            try ConfigurationLoader.apply(yaml: try text(packBytes, file: pack), file: pack, kind: .pack, to: &configuration)
        }
        return configuration
    }

    /// The configuration file's bytes: `.golint.yml` from `source` (nil when there is none), or an
    /// explicit file from disk.
    static func fileBytes(from source: DocumentSource, explicitFile file: String?) throws -> [UInt8]? {
        guard let file else { return try source.read(path: fileName) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) else {
            throw GolintError.configuration(file: file, line: nil, message: "no such file")
        }
        guard !isDirectory.boolValue else { throw GolintError.configuration(file: file, line: nil, message: "is a directory, not a file") }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw GolintError.configuration(file: file, line: nil, message: "cannot be read")
        }
        return [UInt8](data)
    }

    private static func text(_ bytes: [UInt8], file: String) throws -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw GolintError.configuration(file: file, line: nil, message: "is not valid UTF-8")
        }
        return text
    }
}
