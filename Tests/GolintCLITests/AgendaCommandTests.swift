import Foundation
import GolintTestSupport
import XCTest

/// `golint agenda` as a scheduled job runs it: its calendar read by PyPI's icalendar, its options
/// refused with one line.
final class AgendaCommandTests: CLITestCase {
    static let plan = "# Launch\n\nOwner: Release-Manager\n\n- [ ] Cut the release, draft notes (bis 2026-03-07)\n- [ ] Brief support; train the desk (bis 2026-03-09)\n- [x] Freeze (bis 2026-03-01)\n"

    /// The calendar as PyPI's icalendar reads it: one VTODO per dated entry with every field, and
    /// the same UIDs after a commit that edits other lines.
    func testTheCalendarIsReadByIcalendarWithStableUIDs() throws {
        let tools = try pytools()
        let repository = try TestRepository()
        try repository.write("docs/TASK_RELEASE.md", Self.plan)
        try repository.commit("plan")
        let reader = """
            import sys, icalendar
            calendar = icalendar.Calendar.from_ical(sys.stdin.read())
            for todo in calendar.walk("VTODO"):
                print("|".join([str(todo["UID"]), todo["DUE"].dt.isoformat(), str(todo["SUMMARY"]), str(todo["DESCRIPTION"]),
                                str(todo["STATUS"]), ",".join(todo["CATEGORIES"].cats)]))
            """
        func read() throws -> [String] {
            let ics = try golint(["agenda", "--now", "2026-03-06T12:00+01:00", "--format", "ics"], in: repository.path)
            XCTAssertEqual(ics.status, 0, ics.stderr)
            let parsed = try TestRepository.run(tools + "/bin/python", ["-c", reader], in: repository.path, input: ics.stdout)
            return parsed.stdout.split(separator: "\n").map(String.init)
        }
        let first = try read()
        XCTAssertEqual(first.map { $0.split(separator: "|").dropFirst().joined(separator: "|") }, [
            "2026-03-07T23:59:59+00:00|Cut the release, draft notes (bis 2026-03-07)|docs/TASK_RELEASE.md:5|NEEDS-ACTION|Release-Manager",
            "2026-03-09T23:59:59+00:00|Brief support; train the desk (bis 2026-03-09)|docs/TASK_RELEASE.md:6|NEEDS-ACTION|Release-Manager",
        ])
        try repository.write("docs/TASK_RELEASE.md", "Intro.\n\n" + Self.plan.replacingOccurrences(of: "- [x] Freeze", with: "- [x] Freeze the code"))
        try repository.commit("edit elsewhere")
        XCTAssertEqual(try read().map { $0.split(separator: "|")[0] }, first.map { $0.split(separator: "|")[0] })
    }

    func testASpanItCannotReadIsRefused() throws {
        let repository = try TestRepository()
        try repository.write("docs/TASK_RELEASE.md", Self.plan)
        try repository.commit("plan")
        let refused = try golint(["agenda", "--due-within", "a week"], in: repository.path)
        XCTAssertEqual(refused.status, 2)
        XCTAssertEqual(refused.stderr, "golint: --due-within takes a span such as 7d, 36h or 90m: 'a week' (see golint --help)\n")
    }
}
