/// JUnit XML for CI dashboards: one test case per document, one failure per finding.
public enum JUnitReporter {
    public static func report(_ report: CheckReport) -> String {
        let byPath = Dictionary(grouping: report.findings, by: \.path)
        var lines = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>"]
        let failures = report.findings.count
        lines.append("<testsuites name=\"golint\" tests=\"\(report.documents)\" failures=\"\(failures)\" errors=\"0\">")
        lines.append("  <testsuite name=\"golint \(escape(report.source))\" tests=\"\(report.documents)\" failures=\"\(failures)\" errors=\"0\" skipped=\"0\">")
        for path in report.documentPaths {
            let findings = byPath[path] ?? []
            guard !findings.isEmpty else {
                lines.append("    <testcase classname=\"golint\" name=\"\(escape(path))\"/>")
                continue
            }
            lines.append("    <testcase classname=\"golint\" name=\"\(escape(path))\">")
            for finding in findings {
                let text = "\(finding.path):\(finding.line):\(finding.column): \(finding.severity.rawValue): \(finding.message) [\(finding.rule)]"
                lines.append("      <failure type=\"\(finding.rule)\" message=\"\(escape(finding.message))\">\(escape(text))</failure>")
            }
            lines.append("    </testcase>")
        }
        lines.append("  </testsuite>")
        lines.append("</testsuites>")
        return lines.map { $0 + "\n" }.joined()
    }

    /// XML text and attribute escaping; characters XML 1.0 cannot carry at all are replaced.
    static func escape(_ text: String) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&apos;"
            case "\t", "\n", "\r": output.unicodeScalars.append(scalar)
            case let control where control.value < 0x20 || (0xFFFE...0xFFFF).contains(control.value):
                output += "\u{FFFD}"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
