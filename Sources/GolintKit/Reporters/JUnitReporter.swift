/// JUnit XML for CI dashboards: one test case per document, one failure per finding (an `info`
/// finding is a passing case that carries its message).
public enum JUnitReporter {
    /// One test case per finding (class name the path, a name unique within it, one failure), and
    /// one passing test case per document without findings: Jenkins shows one failure per case,
    /// GitLab keeps one case per name.
    public static func report(_ report: CheckReport) -> String {
        let byPath = Dictionary(grouping: report.findings, by: \.path)
        let cases = report.findings.count + report.documentPaths.count { byPath[$0] == nil }
        // An `info` finding is no failure: its case passes, with the message in its output.
        let failures = report.findings.count { $0.severity != .info }
        var lines = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>"]
        lines.append("<testsuites name=\"golint\" tests=\"\(cases)\" failures=\"\(failures)\" errors=\"0\">")
        lines.append("  <testsuite name=\"golint \(escape(report.source))\" tests=\"\(cases)\" failures=\"\(failures)\" errors=\"0\" skipped=\"0\">")
        for path in report.documentPaths {
            guard let findings = byPath[path] else {
                lines.append("    <testcase classname=\"\(escape(path))\" name=\"no findings\"/>")
                continue
            }
            var names: [String: Int] = [:]
            for finding in findings {
                var name = "\(finding.rule) at \(finding.line):\(finding.column)"
                let seen = names[name, default: 0]
                names[name] = seen + 1
                if seen > 0 { name += " (\(seen + 1))" }
                let text = "\(finding.path):\(finding.line):\(finding.column): \(finding.severity.rawValue): \(finding.message) [\(finding.rule)]"
                lines.append("    <testcase classname=\"\(escape(path))\" name=\"\(escape(name))\">")
                lines.append(finding.severity == .info
                    ? "      <system-out>\(escape(text))</system-out>"
                    : "      <failure type=\"\(finding.rule)\" message=\"\(escape(finding.message))\">\(escape(text))</failure>")
                lines.append("    </testcase>")
            }
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
