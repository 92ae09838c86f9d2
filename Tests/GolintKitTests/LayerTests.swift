import Foundation
import XCTest

/// The engine's folders are layers: a file names only types declared in its own folder or in the
/// folders below it. A type's folder is where its top-level declaration is.
final class LayerTests: XCTestCase {
    /// Lowest first; folders on one line are one layer and do not name each other's types.
    static let layers: [[String]] = [
        ["Core", "Text"],
        ["Deadlines", "Markdown", "DocumentSources"],
        ["Configuration"],
        ["Signatures", "Plan"],
        ["Filters", "History"],
        ["Signoff"],
        ["Rules"],
        ["Status"],
        ["Reporters"],
        ["Engine"],
        ["Report"],
    ]

    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")

    func testFoldersOnlyLookDown() throws {
        let kit = Self.sources.appendingPathComponent("GolintKit")
        let rank = Dictionary(uniqueKeysWithValues: Self.layers.enumerated().flatMap { index, folders in folders.map { ($0, index) } })
        let folders = try FileManager.default.contentsOfDirectory(atPath: kit.path).filter { $0 != "Resources" }.sorted()
        XCTAssertEqual(Set(folders), Set(rank.keys), "every folder has a layer")
        var files: [(folder: String, name: String, text: String)] = []
        for folder in folders {
            for name in try FileManager.default.contentsOfDirectory(atPath: kit.appendingPathComponent(folder).path) where name.hasSuffix(".swift") {
                files.append((folder, name, try String(contentsOf: kit.appendingPathComponent(folder).appendingPathComponent(name), encoding: .utf8)))
            }
        }
        let declaration = try NSRegularExpression(
            pattern: #"^(?:(?:public|package|internal|private|fileprivate|final|indirect|@\w+) )*(?:struct|class|enum|protocol|typealias|actor) ([A-Z]\w*)"#,
            options: .anchorsMatchLines)
        var home: [String: String] = [:]
        for file in files {
            for match in declaration.matches(in: file.text, range: NSRange(file.text.startIndex..., in: file.text)) {
                home[String(file.text[Range(match.range(at: 1), in: file.text)!])] = file.folder
            }
        }
        let word = try NSRegularExpression(pattern: #"\b[A-Z]\w*\b"#)
        var upward: [String] = []
        for file in files {
            let code = file.text.split(separator: "\n").map { line in line.range(of: "//").map { line[..<$0.lowerBound] } ?? line }.joined(separator: "\n")
            let names = Set(word.matches(in: code, range: NSRange(code.startIndex..., in: code)).map { String(code[Range($0.range, in: code)!]) })
            for name in names.sorted() {
                guard let folder = home[name], folder != file.folder, rank[folder]! >= rank[file.folder]! else { continue }
                upward.append("\(file.folder)/\(file.name) names \(name) of \(folder)/")
            }
        }
        XCTAssertEqual(upward, [], "ties that go up or sideways:\n" + upward.joined(separator: "\n"))
    }

    /// libgit2 is read through GolintGit only; the command-line target is options and one call.
    func testLibgit2StaysInsideGolintGit() throws {
        for target in ["GolintKit", "golint"] {
            let root = Self.sources.appendingPathComponent(target)
            let enumerator = try XCTUnwrap(FileManager.default.enumerator(atPath: root.path))
            for case let path as String in enumerator where path.hasSuffix(".swift") {
                let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
                XCTAssertFalse(text.contains("import CLibGit2"), "\(target)/\(path) imports libgit2")
                if target == "golint" { XCTAssertFalse(text.contains("import GolintGit"), "\(target)/\(path) reads the repository itself") }
            }
        }
    }
}
