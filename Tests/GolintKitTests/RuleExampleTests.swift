import GolintKit
import GolintTestSupport
import XCTest

/// Every rule's examples are its tests: each triggering example must yield findings of that rule
/// exactly at its `↓` markers, with the message it states, each non-triggering example none.
final class RuleExampleTests: XCTestCase {
    /// Every registered rule, so that a new rule's examples run without a line here.
    func testEveryRegisteredRuleMeetsItsExamples() throws {
        XCTAssertGreaterThanOrEqual(RuleRegistry.rules.count, 12)
        for rule in RuleRegistry.rules {
            XCTAssertFalse(rule.description.triggering.isEmpty, "\(rule.description.id) has examples that must trigger it")
            XCTAssertFalse(rule.description.nonTriggering.isEmpty, "\(rule.description.id) has examples that must not")
            XCTAssertNotNil(rule.description.triggering.first?.message, "\(rule.description.id)'s first example states the message it yields")
            try verify(rule)
        }
    }

    private func verify(_ rule: any Rule.Type, file: StaticString = #filePath, line: UInt = #line) throws {
        let id = rule.description.id
        for example in rule.description.triggering {
            let (bytes, markers) = Self.strip(example)
            let found = try findings(of: rule.description, in: bytes, example)
            if let message = example.message {
                XCTAssertEqual(found.first.map { Self.commitsNamed($0.message) }, message, "\(id) on:\n\(example.markdown)", file: file, line: line)
            }
            if markers.isEmpty {
                XCTAssertFalse(found.isEmpty, "\(id) should trigger on bytes \(bytes.prefix(40))", file: file, line: line)
            } else {
                XCTAssertEqual(found.map { Position(line: $0.line, column: $0.column) }.sorted(), markers.sorted(),
                               "\(id) on:\n\(example.markdown)", file: file, line: line)
            }
        }
        for example in rule.description.nonTriggering {
            let found = try findings(of: rule.description, in: Self.strip(example).bytes, example)
            XCTAssertEqual(found.map(\.message), [], "\(id) must not trigger on:\n\(example.markdown)", file: file, line: line)
        }
    }

    private func findings(of rule: RuleDescription, in bytes: [UInt8], _ example: Example) throws -> [Finding] {
        let id = rule.id
        if let author = example.author { return try historyFindings(of: id, in: bytes, example, by: author) }
        var configuration = Configuration.shipped()
        // An opt-in rule's examples show it switched on.
        if rule.isOptIn { configuration.severities[id] = rule.severity }
        if let yaml = example.configuration {
            try ConfigurationLoader.apply(yaml: yaml, file: ".golint.yml", kind: .configuration, to: &configuration)
        }
        let now = try XCTUnwrap(ISOTime.parse(example.now)?.date, example.now)
        return try Linter.lint(path: "docs/TASK_EXAMPLE.md", bytes: bytes, configuration: configuration, now: now)
            .findings.filter { $0.rule == id }
    }

    /// A history rule's example: a real repository whose commits are the example's history, then
    /// its document by its author, checked at HEAD.
    private func historyFindings(of id: String, in bytes: [UInt8], _ example: Example, by author: String) throws -> [Finding] {
        let repository = try TestRepository()
        try repository.write(".golint.yml", example.configuration ?? "")
        func commit(_ markdown: [UInt8], by person: String) throws {
            try repository.write("docs/TASK_EXAMPLE.md", bytes: markdown)
            let name = person.prefix { $0 != "<" }.trimmingCharacters(in: .whitespaces)
            let email = person.drop { $0 != "<" }.dropFirst().prefix { $0 != ">" }
            try repository.commit("step", author: name, email: String(email))
        }
        for step in example.history { try commit(Array(step.markdown.utf8), by: step.author) }
        try commit(bytes, by: author)
        var request = CheckRequest(now: try XCTUnwrap(ISOTime.parse(example.now)?.date))
        request.repository = RepositoryAccess(directory: repository.path)
        request.options.release = example.release
        request.options.base = example.base
        return try CheckRun.run(request).report.findings.filter { $0.rule == id }
    }

    /// A message with each abbreviated commit id as `<commit>`: an example's commits are made
    /// afresh on every run.
    static func commitsNamed(_ message: String) -> String {
        message.replacingOccurrences(of: #"\b[0-9a-f]{7}\b"#, with: "<commit>", options: .regularExpression)
    }

    struct Position: Comparable, CustomStringConvertible {
        let line: Int
        let column: Int
        static func < (a: Position, b: Position) -> Bool { (a.line, a.column) < (b.line, b.column) }
        var description: String { "\(line):\(column)" }
    }

    /// Removes the `↓` markers and returns where each stood (1-based line, column in scalars).
    static func strip(_ example: Example) -> (bytes: [UInt8], markers: [Position]) {
        if let bytes = example.bytes { return (bytes, []) }
        var markers: [Position] = []
        var output = String.UnicodeScalarView()
        var line = 1, column = 1
        for scalar in example.markdown.unicodeScalars {
            if scalar == "↓" {
                markers.append(Position(line: line, column: column))
                continue
            }
            output.append(scalar)
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return (Array(String(output).utf8), markers)
    }
}
