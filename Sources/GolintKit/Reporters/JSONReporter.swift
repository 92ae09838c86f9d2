/// The contract's JSON object for `check`: tool, version, source, commit, evaluatedAt, findings, summary.
public enum JSONReporter {
    public static func report(_ report: CheckReport) -> String {
        JSONValue.object([
            ("tool", .string("golint")),
            ("version", .string(Golint.version)),
            ("source", .string(report.source)),
            ("commit", .optional(report.commit)),
            ("evaluatedAt", .string(ISOTime.format(report.evaluatedAt, in: report.evaluationZone))),
            ("findings", .array(report.findings.map(json))),
            ("summary", .object([
                ("documents", .int(report.documents)),
                ("items", .int(report.items)),
                ("checked", .int(report.checked)),
                ("errors", .int(report.count(.error))),
                ("warnings", .int(report.count(.warning))),
            ])),
        ]).rendered()
    }

    static func json(_ finding: Finding) -> JSONValue {
        .object([
            ("rule", .string(finding.rule)),
            ("severity", .string(finding.severity.rawValue)),
            ("path", .string(finding.path)),
            ("line", .int(finding.line)),
            ("column", .int(finding.column)),
            ("endLine", .int(finding.endLine)),
            ("endColumn", .int(finding.endColumn)),
            ("message", .string(finding.message)),
            ("excerpt", .optional(finding.excerpt)),
            ("owner", .optional(finding.owner)),
            ("deadline", .optional(finding.deadline)),
            ("deadlineSource", finding.deadlineSource.map { source in
                .object([("kind", .string(source.kind)), ("line", .int(source.line)), ("text", .string(source.text)),
                         ("anchorLine", source.anchorLine.map(JSONValue.int) ?? .null)])
            } ?? .null),
        ])
    }
}
