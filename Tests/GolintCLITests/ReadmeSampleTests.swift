import Foundation
import GolintKit
import GolintTestSupport
import XCTest

/// Every console sample in the README is a command `make demo` runs, and its output on the demo
/// repository: a `<!-- make demo: ARGUMENTS -->` line names the command, the block below it shows
/// `$ golint ARGUMENTS` and what it prints (`…` stands for lines left out).
final class ReadmeSampleTests: CLITestCase {
    struct Sample {
        let arguments: [String]
        let lines: [String]
    }

    static func samples(in readme: String) -> [Sample] {
        var samples: [Sample] = []
        let lines = readme.components(separatedBy: "\n")
        for (index, line) in lines.enumerated() where line.hasPrefix("<!-- make demo: ") {
            let command = line.dropFirst("<!-- make demo: ".count).dropLast(" -->".count)
            let body = lines[(index + 2)...].prefix { $0 != "```" }
            samples.append(Sample(arguments: command.split(separator: " ").map(String.init), lines: Array(body)))
        }
        return samples
    }

    /// Whether `lines` are `sample` with each `…` standing for any run of lines.
    static func matches(_ sample: ArraySlice<String>, _ lines: ArraySlice<String>) -> Bool {
        guard let first = sample.first else { return lines.isEmpty }
        if first == "…" { return lines.indices.map { lines[$0...] }.contains { matches(sample.dropFirst(), $0) } || matches(sample.dropFirst(), []) }
        return lines.first == first && matches(sample.dropFirst(), lines.dropFirst())
    }

    func testEveryConsoleSampleIsWhatMakeDemoPrints() throws {
        let readme = try String(contentsOfFile: Self.packageRoot + "/README.md", encoding: .utf8)
        let makefile = try String(contentsOfFile: Self.packageRoot + "/Makefile", encoding: .utf8)
        let samples = Self.samples(in: readme)
        XCTAssertGreaterThanOrEqual(samples.count, 5)
        XCTAssertEqual(readme.components(separatedBy: "```console\n$ golint ").count - 1, samples.count, "every golint console sample names its demo command")
        let repository = try demoRepository()
        for sample in samples {
            var recipe = sample.arguments
            recipe.insert(contentsOf: ["--repo", "\"$(DEMO_DIR)\""], at: 1)
            XCTAssertTrue(makefile.contains(".build/release/golint " + recipe.joined(separator: " ")), "make demo runs golint \(sample.arguments.joined(separator: " "))")
            let arguments = sample.arguments.map { $0.hasPrefix("examples/") ? Self.packageRoot + "/" + $0 : $0 }
            let result = try golint(arguments, in: repository.path)
            XCTAssertEqual(sample.lines.first, "$ golint " + sample.arguments.joined(separator: " "))
            let printed = result.stdout.components(separatedBy: "\n").dropLast()
            XCTAssertTrue(Self.matches(sample.lines.dropFirst(), printed[...]),
                          "README sample of golint \(sample.arguments.joined(separator: " ")) differs from what it prints:\n\(result.stdout)")
        }
    }

    /// The pre-commit and Action snippets pin the release tag of this version, the tag the
    /// Action downloads the release archive by.
    func testSnippetsPinTheReleaseTagOfThisVersion() throws {
        let tag = "v" + Golint.version
        var texts = [try String(contentsOfFile: Self.packageRoot + "/README.md", encoding: .utf8)]
        for name in try FileManager.default.contentsOfDirectory(atPath: Self.packageRoot + "/examples/ci") {
            texts.append(try String(contentsOfFile: Self.packageRoot + "/examples/ci/" + name, encoding: .utf8))
        }
        let pins = try NSRegularExpression(pattern: #"(?:rev: |golint/golint@)(v[0-9][^\s`'"]*)"#)
        var found = 0
        for text in texts {
            for match in pins.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                XCTAssertEqual(String(text[Range(match.range(at: 1), in: text)!]), tag)
                found += 1
            }
        }
        XCTAssertGreaterThanOrEqual(found, 3)
    }

    func testAnEllipsisStandsForAnyRunOfLines() {
        XCTAssertTrue(Self.matches(["a", "…", "d"], ["a", "b", "c", "d"]))
        XCTAssertTrue(Self.matches(["a", "…"], ["a"]))
        XCTAssertFalse(Self.matches(["a", "…", "d"], ["a", "b", "c"]))
        XCTAssertFalse(Self.matches(["a", "c"], ["a", "b", "c"]))
    }
}
