/// The contract's JSON object for `check`: tool, version, source, commit, evaluatedAt, findings, summary.
public enum JSONReporter {
    public static func report(_ report: CheckReport) -> ReportOutput {
        // With --new-since: the reference, and how many of its findings are not shown.
        let compared: [(String, JSONValue)] = report.newSince.map { [("newSince", .string($0))] } ?? []
        let existing: [(String, JSONValue)] = report.newSince == nil ? [] : [("existing", .int(report.existing.count))]
        return JSONValue.object([
            ("tool", .string("golint")),
            ("version", .string(Golint.version)),
            ("source", .string(report.source)),
            ("commit", .optional(report.commit)),
            ("evaluatedAt", .string(ISOTime.format(report.evaluatedAt, in: report.evaluationZone))),
        ] + compared + [
            ("findings", .array(writing: report.findings, atIndent: 1, write)),
            ("summary", .object([
                ("documents", .int(report.documents)),
                ("items", .int(report.items)),
                ("checked", .int(report.checked)),
                ("errors", .int(report.count(.error))),
                ("warnings", .int(report.count(.warning))),
            ] + existing)),
        ]).renderedOutput()
    }

    /// One finding, written in place (reports carry tens of thousands).
    static func write(_ finding: Finding, into output: inout JSONBytes, atIndent indent: Int) {
        var object = JSONObjectWriter(indent: indent)
        object.string("rule", finding.rule, &output)
        object.string("severity", finding.severity.rawValue, &output)
        object.string("path", finding.path, &output)
        object.int("line", finding.line, &output)
        object.int("column", finding.column, &output)
        object.int("endLine", finding.endLine, &output)
        object.int("endColumn", finding.endColumn, &output)
        object.string("message", finding.message, &output)
        object.string("excerpt", finding.excerpt, &output)
        object.string("owner", finding.owner, &output)
        object.string("deadline", finding.deadline, &output)
        object.value("deadlineSource", &output) { output, indent in
            guard let source = finding.deadlineSource else { return output.append(literal: "null") }
            var nested = JSONObjectWriter(indent: indent)
            nested.string("kind", source.kind, &output)
            nested.int("line", source.line, &output)
            nested.string("text", source.text, &output)
            nested.int("anchorLine", source.anchorLine, &output)
            nested.end(&output)
        }
        object.end(&output)
    }
}
