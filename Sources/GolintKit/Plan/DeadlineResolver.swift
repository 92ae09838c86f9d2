import Foundation

/// Works out when each deliverable of a document is due and where that comes from, nearest
/// first: a date on the deliverable (or its date column), a deadline line in its section or an
/// enclosing one, a date or relative time in an enclosing heading, the document's deadline line,
/// the title's date (never for post-launch or rollback sections). Also finds the T-0 anchors,
/// infers missing years, and collects every date where a deadline belongs that cannot be read.
struct DeadlineResolver {
    let defaultZone: TimeZone
    let deadlineLines: [DeadlineLine]
    private(set) var datedHeadings: [DatedHeading] = []
    let anchors: [Anchor]
    /// Per section, the deadline its deliverables inherit when they name none themselves.
    private var sectionDeadlines: [Deadline?] = []
    /// Sections whose heading makes their content conditional (`If …`, `For NO-GO`, `(if needed)`): never due.
    private var conditional: [Bool] = []
    /// Unreadable dates on deliverables themselves, and anchor problems: always reported.
    private var unreadableOwn: [UnreadableDeadline] = []
    /// Unreadable section deadlines (lines, headings): reported only when a deliverable would take
    /// its deadline from one. Per section, which of them its deliverables would take.
    private var unreadableOfSection: [UnreadableDeadline] = []
    private var unreadableInScope: [Int?] = []
    private var unreadableUsed: Set<Int> = []
    /// `By May 7:` / `Bis 7. Mai:` label lines: a deadline for the list that follows, per section.
    private var listLabels: [Int: [(line: Int, deadline: Deadline)]] = [:]
    private var instants: InstantCache
    /// Date cells repeat (`Mar 3` in many rows): each distinct text is read once per document.
    private var cellDates: [String: CellReading] = [:]
    /// What a date cell was read as: empty (`-`, `n/a`, `[Date]`), or the date it names, if any.
    private enum CellReading {
        case empty
        case written(WrittenDate?)
    }
    private let referenceYear: Int?
    private let order: DateOrder?
    private let sections: [Section]
    private let configuredAnchor: Anchor?
    private let configuration: Configuration

    /// Everything unreadable that matters: dates on deliverables, anchor problems, and section
    /// deadlines that some deliverable would have taken.
    var unreadable: [UnreadableDeadline] {
        unreadableOwn + unreadableUsed.sorted().map { unreadableOfSection[$0] }
    }

    init(document: Document, configuration: Configuration) {
        order = configuration.dateOrder
        self.configuration = configuration
        sections = document.sections
        referenceYear = DeadlineResolver.referenceYear(in: document, order: configuration.dateOrder)
        configuredAnchor = configuration.anchor.map { Anchor(instant: $0.date, timeZone: $0.zone, line: 0, scope: 0, text: "anchor") }
        let namedZone = DeadlineResolver.namedZone(in: document)
        var unreadable: [UnreadableDeadline] = []
        anchors = DeadlineResolver.anchors(in: document, order: order, referenceYear: referenceYear,
                                           zone: namedZone ?? configuration.timezone ?? TimeZones.utc, unreadable: &unreadable)
        // Dates without a zone are in the zone the document names: an IANA zone anywhere, else the
        // one its launch line names (`CET` as the region's time, so that summer time follows).
        let zone = namedZone ?? anchors.lazy.compactMap(\.writtenZone).first.flatMap(TimeZones.region(ofAbbreviation:))
            ?? configuration.timezone ?? TimeZones.utc
        defaultZone = zone
        instants = InstantCache(defaultZone: zone)
        unreadableOwn = unreadable
        let count = document.sections.count
        var conditional = [Bool](repeating: false, count: count)
        for section in document.sections {
            let inherited = section.parent.map { conditional[$0] } == true
            conditional[section.index] = inherited || section.heading.map { $0.level >= 2 && ConditionalText.isConditionalHeading($0.text) } == true
        }
        self.conditional = conditional

        let lines = DeadlineResolver.deadlineLines(in: document, labelled: configuration.deadlineLinePattern, order: order)
        deadlineLines = lines
        var own = [Deadline?](repeating: nil, count: count)
        var ownUnreadable = [Int?](repeating: nil, count: count)
        // The first deadline line of a section counts: read from the last, the first one is kept.
        for line in lines.reversed() {
            let isDocument = line.section == 0 || document.sections[line.section].level == 1
            let column = document.column(of: line.value, line: line.line) ?? document.indentColumn(line.line)
            if line.isListLabel {
                if let date = line.deadlineDate, let deadline = resolve(date, origin: .section, line: line.line, written: line.value, column: column) {
                    listLabels[line.section, default: []].insert((line.line, deadline), at: 0)
                }
                continue
            }
            if let date = line.deadlineDate {
                if let deadline = resolve(date, origin: isDocument ? .document : .section, line: line.line, written: line.value, column: column) {
                    (own[line.section], ownUnreadable[line.section]) = (deadline, nil)
                }
                continue
            }
            // Nothing to read is nothing to say: `Deadline: -`, `Frist: [Datum]`.
            guard !EmptyValue.isEmpty(line.value, configuration) else { continue }
            if let relative = RelativeTime.deadline(in: line.value) {
                switch relativeDeadline(relative, section: line.section, line: line.line, column: column, written: relative.text) {
                case let .success(deadline): (own[line.section], ownUnreadable[line.section]) = (deadline, nil)
                case let .failure(problem): (own[line.section], ownUnreadable[line.section]) = (nil, record(problem))
                }
                continue
            }
            let reason = line.dates.isEmpty ? "names no date golint can read" : "is not a calendar date"
            (own[line.section], ownUnreadable[line.section]) = (nil, record(UnreadableDeadline(line: line.line, column: column, text: line.value, reason: reason)))
        }
        var datedHeadings: [DatedHeading] = []
        for section in document.sections {
            guard let heading = section.heading else { continue }
            // `## 3. Rollout` names no date nor offset: most headings' only digits are their number.
            let mayBeDated = DeadlineResolver.mayBeDated(heading.text)
            let dates = mayBeDated ? DeadlineResolver.headingDates(heading.text, order: order) : []
            if !dates.isEmpty { datedHeadings.append(DatedHeading(heading: heading, section: section.index, dates: dates)) }
            guard own[section.index] == nil, ownUnreadable[section.index] == nil else { continue }
            switch headingDeadline(section, heading, dates: dates, mayBeDated: mayBeDated, document: document) {
            case let .success(deadline)?: own[section.index] = deadline
            case let .failure(problem)?: ownUnreadable[section.index] = record(problem)
            case nil: break
            }
        }
        self.datedHeadings = datedHeadings

        // A section without a deadline of its own inherits its parent's; parents come first. The
        // title's date ends the launch, not what comes after it. Whether a section comes after the
        // launch is worked out once per section.
        var postLaunch = [Bool?](repeating: nil, count: count)
        func isPostLaunch(_ index: Int) -> Bool {
            if let known = postLaunch[index] { return known }
            let section = document.sections[index]
            let answer = section.parent.map(isPostLaunch) == true || (section.heading.map { DeadlineResolver.isPostLaunch($0.text) } ?? false)
            postLaunch[index] = answer
            return answer
        }
        let launch = launchAnchor
        // A plan runs in time order: once a section or item is due after T-0, the sections that
        // follow are no longer before the launch (unless their heading says they are).
        let launchPassedLine = launch.flatMap { firstLineDue(after: $0.instant, own: own, items: document.items) } ?? Int.max
        var inherited = [Deadline?](repeating: nil, count: count)
        unreadableInScope = [Int?](repeating: nil, count: count)
        for section in document.sections {
            let index = section.index
            if conditional[index] { continue }
            var candidate = own[index] ?? (ownUnreadable[index] == nil ? section.parent.flatMap { inherited[$0] } : nil)
            if candidate?.origin == .title && isPostLaunch(index) { candidate = nil }
            unreadableInScope[index] = own[index] == nil ? ownUnreadable[index] ?? section.parent.flatMap { unreadableInScope[$0] } : nil
            inherited[index] = candidate
        }
        // In an anchored plan, a pre-launch section with no date of its own is due at T-0; each
        // section is judged by itself, so the default is not inherited past the launch.
        sectionDeadlines = inherited
        for section in document.sections where launch != nil && inherited[section.index] == nil && !conditional[section.index] {
            guard let anchor = anchor(for: section.index), !isPostLaunch(section.index),
                  (section.heading?.line ?? 0) < launchPassedLine || section.heading.map({ DeadlineResolver.isPreLaunch($0.text) }) == true
            else { continue }
            sectionDeadlines[section.index] = Deadline(instant: anchor.instant, timeZone: anchor.timeZone, origin: .launch, line: anchor.line,
                                                       written: "T-0", anchorLine: anchor.line)
        }
    }

    /// Keeps an unreadable section deadline until a deliverable takes it; its index.
    private mutating func record(_ problem: UnreadableDeadline) -> Int {
        unreadableOfSection.append(problem)
        return unreadableOfSection.count - 1
    }

    // MARK: Deliverables

    /// The deadline a deliverable of `section` takes when it names none itself; an unreadable one
    /// it would have taken is reported from now on.
    mutating func sectionDeadline(_ section: Int) -> Deadline? {
        if let problem = unreadableInScope[section] { unreadableUsed.insert(problem) }
        return sectionDeadlines[section]
    }

    /// Whether a section's content is conditional (`If …`, `For NO-GO`): never due.
    func isConditional(section: Int) -> Bool { conditional[section] }

    /// A deliverable's deadline: a date or relative time it names after a marker (`bis`, `due`) or
    /// as its leading label (`4. May:`), else the `By <date>:` line over its list, else its section's.
    mutating func deadline(ofText text: String, line: Int, column: Int, section: Int, in document: Document) -> Deadline? {
        if conditional[section] || ConditionalText.isConditional(text) { return nil }
        for date in Self.ownDates(in: text, order: order) {
            let written = String(text[date.range])
            if let deadline = resolve(date, origin: .item, line: line, written: written,
                                      column: document.column(of: written, line: line) ?? column) {
                return deadline
            }
        }
        if let label = listLabels[section]?.last(where: { $0.line < line }) { return label.deadline }
        return sectionDeadline(section)
    }

    /// A table row's deadline: its date cell (a range ends at its last day; `Day 2`, `T-24h`
    /// count from the anchor), else its section's.
    mutating func deadline(ofDateCell cell: (text: String, column: Int)?, line: Int, section: Int) -> Deadline? {
        if conditional[section] { return nil }
        guard let cell else { return sectionDeadline(section) }
        let reading = cellDates[cell.text] ?? {
            let read: CellReading = EmptyValue.isEmpty(cell.text, configuration) ? .empty
                : .written(DateParser.dates(in: cell.text, order: order).last)
            cellDates[cell.text] = read
            return read
        }()
        // `-`, `n/a`, `[Date]`: no date given, the section's deadline applies.
        guard case let .written(parsed) = reading else { return sectionDeadline(section) }
        if let date = parsed {
            return resolve(date, origin: .table, line: line, written: cell.text, column: cell.column) ?? sectionDeadline(section)
        }
        if let relative = RelativeTime.deadline(in: cell.text) {
            switch relativeDeadline(relative, section: section, line: line, column: cell.column, written: cell.text) {
            case let .success(deadline): return deadline
            case let .failure(problem): unreadableOwn.append(problem)
            }
            return sectionDeadline(section)
        }
        unreadableOwn.append(UnreadableDeadline(line: line, column: cell.column, text: cell.text, reason: "names no date golint can read"))
        return sectionDeadline(section)
    }

    // MARK: Reading dates

    /// The instant of a written date, its year taken from the document when it names none; an
    /// unreadable one is recorded and gives nil.
    private mutating func resolve(_ date: WrittenDate, origin: Deadline.Origin, line: Int, written: String,
                                  column: @autoclosure () -> Int) -> Deadline? {
        switch instant(of: date, line: line, written: written, column: column()) {
        case let .success(instant): return Deadline(instant: instant.date, timeZone: instant.zone, origin: origin, line: line, written: written)
        case let .failure(problem):
            unreadableOwn.append(problem)
            return nil
        }
    }

    private mutating func instant(of date: WrittenDate, line: Int, written: String, column: @autoclosure () -> Int)
        -> Result<(date: Date, zone: TimeZone), UnreadableDeadline> {
        guard let dated = date.dated(inferring: referenceYear) else {
            return .failure(UnreadableDeadline(line: line, column: column(), text: written,
                                               reason: "has no year, and the document names none to take it from"))
        }
        guard let instant = instants.instant(of: dated) else {
            return .failure(UnreadableDeadline(line: line, column: column(), text: written, reason: "is not a calendar date"))
        }
        return .success(instant)
    }

    /// The launch's T-0: the first anchor the document names, else the configuration's.
    var launchAnchor: Anchor? { anchors.min { $0.line < $1.line } ?? configuredAnchor }

    /// The innermost anchor whose scope holds `section`, else the configuration's.
    private func anchor(for section: Int) -> Anchor? {
        var current: Int? = section
        while let index = current {
            if let anchor = anchors.first(where: { $0.scope == index }) { return anchor }
            current = sections[index].parent
        }
        return configuredAnchor
    }

    private func relativeDeadline(_ relative: RelativeTime, section: Int, line: Int, column: Int, written: String)
        -> Result<Deadline, UnreadableDeadline> {
        guard let anchor = anchor(for: section) else {
            return .failure(UnreadableDeadline(line: line, column: column, text: relative.text,
                                               reason: "is relative, but no T-0 anchor is in scope: add a Go-Live: line with date and time (such as 'Go-Live: 2026-03-06 10:00 CET'), or anchor: in .golint.yml"))
        }
        if anchor.isDayOnly && relative.needsTimeOfDay {
            return .failure(UnreadableDeadline(line: line, column: column, text: relative.text,
                                               reason: "counts hours from T-0, but the launch line on line \(anchor.line) names a day and no time; add the time to it"))
        }
        guard let instant = relative.instant(from: anchor) else {
            return .failure(UnreadableDeadline(line: line, column: column, text: relative.text, reason: "is not a calendar date"))
        }
        return .success(Deadline(instant: instant, timeZone: anchor.timeZone, origin: .relative, line: line, written: relative.text, anchorLine: anchor.line))
    }

    /// A heading's own deadline: its date (the explicit date wins over a relative time, and says
    /// so when the two disagree by more than a day), else its relative time, else a clock time or
    /// window below an anchor (on the anchor's day); nil when it names none.
    private mutating func headingDeadline(_ section: Section, _ heading: Heading, dates: [WrittenDate], mayBeDated: Bool, document: Document)
        -> Result<Deadline, UnreadableDeadline>? {
        let origin: Deadline.Origin = heading.level == 1 ? .title : .heading
        let relative = heading.level == 1 || !mayBeDated ? nil : RelativeTime.deadline(in: heading.text)
        func column(_ text: String) -> Int { document.column(of: text, line: heading.line) ?? 1 }
        // A range in a heading ("2026-03-01 → 2026-03-06") is one date that ends at its last day.
        if let date = dates.last {
            let written = String(heading.text[date.range])
            switch instant(of: date, line: heading.line, written: written, column: column(written)) {
            case let .failure(problem): return .failure(problem)
            case let .success(instant):
                let deadline = Deadline(instant: instant.date, timeZone: instant.zone, origin: origin, line: heading.line, written: written)
                if let relative, !relative.isZero, let anchor = anchor(for: section.index), anchor.line != heading.line,
                   let implied = relative.instant(from: anchor), abs(implied.timeIntervalSince(deadline.instant)) > 86_400 {
                    unreadableOwn.append(UnreadableDeadline(
                        line: heading.line, column: column(relative.text), text: relative.text,
                        reason: "means \(ISOTime.format(implied, in: anchor.timeZone)) from T-0 on line \(anchor.line), but the heading's date '\(written)' says \(deadline.iso8601); the date is used"))
                }
                return .success(deadline)
            }
        }
        // `### T-0` without a date of its own: the anchor's moment.
        if let relative {
            return relativeDeadline(relative, section: section.index, line: heading.line, column: column(relative.text), written: relative.text)
        }
        guard heading.level >= 2, let anchor = anchor(for: section.index), !anchor.isDayOnly,
              let clock = ClockTime.last(in: heading.text) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = anchor.timeZone
        let day = calendar.dateComponents([.year, .month, .day], from: anchor.instant)
        guard let instant = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: clock.hour,
                                                              minute: clock.minute, second: clock.second)) else { return nil }
        return .success(Deadline(instant: instant, timeZone: anchor.timeZone, origin: .heading, line: heading.line, written: clock.text))
    }

    /// Whether a heading may name a date or an offset: a digit besides its leading number
    /// (`3.`, `2.1`, `4)`), or a word that may be a month's name (`5. März`).
    static func mayBeDated(_ text: String) -> Bool {
        let (digitAfterNumber, anyDigit) = text.withUTF8Bytes { bytes -> (Bool, Bool) in
            var start = 0
            while start < bytes.count, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
            var end = start
            while end < bytes.count, bytes[end] &- 0x30 < 10 || bytes[end] == 0x2E { end += 1 }
            if end > start, end < bytes.count, bytes[end] == 0x20 || bytes[end] == 0x29 || bytes[end - 1] == 0x2E { start = end }
            let later = bytes[start...].contains { $0 &- 0x30 < 10 }
            return (later, later || bytes[..<start].contains { $0 &- 0x30 < 10 })
        }
        return digitAfterNumber || (anyDigit && DateParser.mayNameMonth(text))
    }

    /// Dates in a heading, less status stamps: `## Blockers (updated 2025-10-19)` states no deadline.
    private static func headingDates(_ text: String, order: DateOrder?) -> [WrittenDate] {
        let dates = DateParser.dates(in: text, order: order)
        guard !dates.isEmpty, let stamps = try? stampPattern.matches(in: text), !stamps.isEmpty else { return dates }
        return dates.filter { date in !stamps.contains { $0.range.overlaps(date.range) } }
    }

    /// Status stamps: `(updated …)`, `(Stand: …)`, `Last Updated: …`, `Status as of …`, `(Completed …)`.
    private static let stampPattern = try! Pattern(
        #"\((?:last\s+)?(?:updated|stand|aktualisiert|as of|status as of|completed|erledigt|done|fertig|abgeschlossen)\b[^)]*\)|(?:last\s+updated|status\s+as\s+of|stand|as\s+of|aktualisiert)\s*:?\s*\S+(?:\s+[0-9:]+)?"#,
        caseInsensitive: true)

    /// `T+…`, post-launch, after go-live, nach dem Go-Live, rollback, `If …` sections.
    static func isPostLaunch(_ heading: String) -> Bool {
        (try? postLaunchPattern.firstMatch(in: heading)) != nil || ConditionalText.isConditionalHeading(heading)
    }

    private static let postLaunchPattern = try! Pattern(
        #"(?:^|[^\p{L}])(?:(?-i:T)\s?\+\s?[0-9]|(?-i:[DJ])\s?\+\s?[1-9]|post[- ]?(?:launch|go[- ]?live)|after\s+(?:the\s+)?(?:go[- ]?live|launch)|nach\s+(?:dem\s+)?(?:go[- ]?live|launch)|rollback|roll-back|r[üu]ckfall|hypercare|nachbereitung|retrospective|lessons\s+learned|despu[ée]s\s+del?\s+lanzamiento|apr[èe]s\s+(?:la\s+)?mise\s+en\s+production)"#,
        caseInsensitive: true)

    /// Headings that say they come before the launch, wherever they stand in the plan.
    static func isPreLaunch(_ heading: String) -> Bool { (try? preLaunchPattern.firstMatch(in: heading)) != nil }

    private static let preLaunchPattern = try! Pattern(
        #"(?:^|[^\p{L}])(?:pre[- ]?(?:launch|go[- ]?live|deploy(?:ment)?|release|cutover|flight)|before\s+(?:the\s+)?(?:go[- ]?live|launch|release)|vor\s+(?:dem\s+)?(?:go[- ]?live|launch|release))"#,
        caseInsensitive: true)

    /// The first line whose deadline (a section's own, or a task item's own date) falls after the
    /// launch: where the plan moves past T-0.
    private mutating func firstLineDue(after launch: Date, own: [Deadline?], items: [TaskItem]) -> Int? {
        let section = sections.first { own[$0.index].map { $0.instant > launch } == true && $0.heading != nil }
        let first = section?.heading?.line ?? Int.max
        for item in items where item.line < first && item.text.containsASCIIDigit {
            guard let date = Self.ownDates(in: item.text, order: order).first,
                  case let .success(instant) = instant(of: date, line: item.line, written: "", column: 1) else { continue }
            if instant.date > launch { return item.line }
        }
        return section?.heading?.line
    }

    // MARK: The document

    private static let zonePattern = try! Pattern(
        #"\b(?:Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)/[A-Za-z_]+(?:/[A-Za-z_]+)?\b"#)

    /// The first IANA zone a document names (`Stand: 2026-03-01 (Europe/Berlin)`).
    private static func namedZone(in document: Document) -> TimeZone? {
        for block in document.blocks where block.text.containsASCII("/") {
            if let match = try? zonePattern.firstMatch(in: block.text), let zone = TimeZone(identifier: String(block.text[match.range])) {
                return zone
            }
        }
        return nil
    }

    private static let statusLine = try! Pattern(#"^\s*(?:stand|status|status as of|as of|last updated|updated|aktualisiert|datum|date)\b"#,
                                                 caseInsensitive: true)

    /// The year a date without one belongs to: the status line's, else the title's, else the
    /// document's first full date.
    private static func referenceYear(in document: Document, order: DateOrder?) -> Int? {
        func firstYear(_ text: String) -> Int? { DateParser.dates(in: text, order: order).lazy.compactMap(\.year).first }
        for block in document.blocks where block.kind == .paragraph && block.text.containsFourDigitRun {
            var found: Int?
            block.text.forEachLine { line, _ in
                if found == nil, (try? statusLine.firstMatch(in: String(line))) != nil { found = firstYear(String(line)) }
            }
            if let found { return found }
        }
        if let title = document.headings.first(where: { $0.level == 1 }), let year = firstYear(title.text) { return year }
        for block in document.blocks where block.text.containsFourDigitRun {
            if let year = firstYear(block.text) { return year }
        }
        return nil
    }

    /// The launch moment: a heading with `T-0` and a date with its time, or a labelled line
    /// (`Go-Live: 2026-02-01 00:00 UTC`, `Cutover:`, `Launch Date:`, `Lanzamiento:`). A line with a
    /// day and no time anchors day offsets (its end). A heading's anchor applies to its parent
    /// section (its `T-48h` and `T+1h` siblings); a line's to its section.
    private static func anchors(in document: Document, order: DateOrder?, referenceYear: Int?, zone: TimeZone,
                                unreadable: inout [UnreadableDeadline]) -> [Anchor] {
        var found: [Anchor] = []
        func moment(_ text: String, dayOnly allowed: Bool) -> Anchor? {
            let dates = DateParser.dates(in: text, order: order)
            let timed = dates.first { $0.hour != nil && !$0.endOfDayWritten }
            guard let date = timed ?? (allowed ? dates.first : nil),
                  let instant = date.dated(inferring: referenceYear)?.instant(defaultZone: zone) else { return nil }
            var anchor = Anchor(instant: instant.date, timeZone: instant.zone, line: 0, scope: 0, text: text, writtenZone: date.zoneName)
            anchor.isDayOnly = timed == nil
            return anchor
        }
        for section in document.sections {
            // An anchor heading says T-0; most headings have no capital T at all.
            guard let heading = section.heading, heading.level >= 2, heading.text.containsASCII("T"),
                  RelativeTime.first(in: heading.text)?.isZero == true,
                  let anchor = moment(heading.text, dayOnly: false) else { continue }
            found.append(anchor.placed(line: heading.line, scope: section.parent ?? 0))
        }
        for block in document.blocks where block.kind == .paragraph && block.item == nil && block.text.containsASCIIDigit {
            block.text.forEachLine { line, offset in
                // An anchor line names a date: it has digits and a colon.
                guard line.containsASCIIDigit, line.containsASCII(":") else { return }
                let text = String(line)
                guard let match = try? anchorLine.firstMatch(in: text), let value = text.text(match.ranges[1]),
                      let anchor = moment(value, dayOnly: true) else { return }
                found.append(Anchor(instant: anchor.instant, timeZone: anchor.timeZone, line: block.line + offset, scope: block.section,
                                    text: text, isDayOnly: anchor.isDayOnly, writtenZone: anchor.writtenZone))
            }
        }
        // Two anchors in one scope: the first counts, the second is a warning naming both.
        var kept: [Anchor] = []
        for anchor in found.sorted(by: { $0.line < $1.line }) {
            if let first = kept.first(where: { $0.scope == anchor.scope }) {
                // The same moment written twice (a summary line and a heading) is one anchor.
                guard first.instant != anchor.instant else { continue }
                unreadable.append(UnreadableDeadline(
                    line: anchor.line, column: document.indentColumn(anchor.line), text: anchor.text.trimmedSpaces.capped(80),
                    reason: "is a second T-0 anchor in the same scope as line \(first.line); relative times count from line \(first.line)"))
            } else {
                kept.append(anchor)
            }
        }
        return kept
    }

    private static let anchorLine = try! Pattern(
        #"^\W*(?:go[- ]?live|launch|cutover|cut-over|deploy(?:ment)?|release|livegang|produktivstart|umstellung|t-?0|lanzamiento|puesta\s+en\s+producci[óo]n|salida\s+a\s+producci[óo]n|mise\s+en\s+production|lancement|mise\s+en\s+service|lancio|rilascio|messa\s+in\s+produzione|lan[çc]amento|entrada\s+em\s+produ[çc][ãa]o|go[- ]?live[- ]?datum|リリース|本番リリース|稼働開始)(?:[- ]?(?:date|datum|termin|time|zeit|zeitpunkt|moment|day|tag|fecha|date\s+et\s+heure|data|日|日時))?\W*?\s*[:：]\s*(.+?)\s*$"#,
        caseInsensitive: true)

    /// A deadline marker and what may stand between it and the date: `bis`, `Frist: am`, `due on`.
    private static let markerWords = ["bis", "due", "until", "by", "deadline", "frist", "fällig", "spätestens", "before", "hasta", "avant", "entro", "até"]
    private static let marker = try! Pattern(
        #"\b(?:\#(markerWords.joined(separator: "|")))(?:(?<=fällig)\s+am)?\b\s*:?\s*(?:zum\s+|am\s+|on\s+|the\s+|el\s+|le\s+)?"#,
        caseInsensitive: true)

    /// A leading date label on a deliverable: `4. May: Send the invites`, `2026-05-04 – Send`,
    /// `8.-9. Feb: Outreach`; the label is at most a few words and starts with its date.
    private static let leadingLabel = try! Pattern(#"^\s*((?:[^:–—\n]|:(?=[0-9])){1,40}?)\s*(?::\s|:$|\s[–—-]\s)"#, anchored: true)
    private static let leadingScalars = CharacterSet(charactersIn: "0123456789.-–/ ")

    /// A screen on the bytes: a leading label ends within its first few words at `:`, ` – ` or ` - `.
    private static func mayHaveLeadingLabel(_ text: String) -> Bool {
        text.withUTF8Bytes { bytes in
            guard let base = bytes.baseAddress else { return false }
            let count = min(bytes.count, 64)
            if memchr(base, 0x3A, count) != nil || memchr(base, 0xE2, count) != nil { return true }
            // ` - `: a hyphen between spaces.
            var from = 0
            while from < count, let found = memchr(base + from, 0x2D, count - from) {
                let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if index > 0, index + 1 < count, bytes[index - 1] == 0x20, bytes[index + 1] == 0x20 { return true }
                from = index + 1
            }
            return false
        }
    }

    /// Dates a deliverable names for itself: after a deadline marker (`bis`, `due`, `Frist:`), or
    /// as its leading label; valid or not.
    static func ownDates(in text: String, order: DateOrder? = nil) -> [WrittenDate] {
        // Most items carry no date: a byte scan for a digit spares the patterns.
        guard text.containsASCIIDigit else { return [] }
        var dates: [WrittenDate] = []
        if mayHaveLeadingLabel(text), let label = try? leadingLabel.prefixMatch(in: text, at: text.startIndex),
           let labelRange = label.ranges[1] {
            // Only a label that starts with its date, or with a day range ending in it, is a date label.
            let lead = text[labelRange].unicodeScalars.prefix { leadingScalars.contains($0) }.count
            var position = labelRange.lowerBound
            for _ in 0...lead {
                if let date = DateParser.date(at: position, in: text, order: order) {
                    dates.append(date)
                    break
                }
                guard position < labelRange.upperBound else { break }
                position = text.unicodeScalars.index(after: position)
            }
        }
        if mayHaveMarker(text), let markers = try? marker.matches(in: text) {
            dates += markers.compactMap { DateParser.date(at: $0.range.upperBound, in: text, order: order) }
        }
        return dates
    }

    /// A screen on the bytes before the marker pattern: a word that starts like a marker, `by`,
    /// or a letter outside ASCII (`fällig`, `spätestens`, `até`).
    private static func mayHaveMarker(_ text: String) -> Bool {
        text.withUTF8Bytes { bytes in
            if markerStarts.mayMatch(bytes) { return true }
            for index in bytes.indices {
                if bytes[index] >= 0x80 { return true }
                // `by` as a whole word.
                if bytes[index] | 0x20 == 0x62, index + 1 < bytes.count, bytes[index + 1] | 0x20 == 0x79,
                   index == 0 || !isASCIILetterOrDigit(bytes[index - 1]), index + 2 == bytes.count || !isASCIILetterOrDigit(bytes[index + 2]) {
                    return true
                }
            }
            return false
        }
    }

    private static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 || byte &- 0x30 < 10 }

    /// The markers that start with three ASCII letters; `by` and the others are screened apart.
    private static let markerStarts = WordStarts(markerWords.filter { $0.utf8.count >= 3 && $0.utf8.prefix(3).allSatisfy { $0 < 0x80 } })!

    /// Label lines: `Deadline: …` and the configured labels, with a qualifier before them
    /// (`Final deadline:`, `**Review Due**:`); `By <date>:` / `Bis <date>:` / `Until <date>:` over
    /// a list; `Bis 2026-03-05` alone.
    private static let until = try! Pattern(#"^\s*(Bis)\s+(.+?)\s*$"#, caseInsensitive: true)
    private static let listLabel = try! Pattern(#"^\W*(by|bis|until|till|hasta\s+el|avant\s+le|entro\s+il|até)\s+(.+?)\s*[:：]\s*$"#, caseInsensitive: true)

    private static func deadlineLines(in document: Document, labelled: Pattern?, order: DateOrder?) -> [DeadlineLine] {
        guard let labelled else { return [] }
        var result: [DeadlineLine] = []
        for block in document.blocks where block.item == nil && block.kind == .paragraph && block.text.containsASCIIDigitOrColon {
            block.text.forEachLine { line, offset in
                let lineNumber = block.line + offset
                // A labelled line needs its colon; "Bis 2026-03-05" needs a year.
                let colon = line.containsASCII(":") || line.contains("："), year = line.containsFourDigitRun
                guard colon || year else { return }
                let text = String(line)
                if colon, line.containsASCIIDigit, let match = try? listLabel.firstMatch(in: text), let value = text.text(match.ranges[2]) {
                    let dates = DateParser.dates(in: value, order: order)
                    // "By the end of the sprint:" is prose; only "By May 7:" is a deadline.
                    guard dates.first.map({ $0.range.lowerBound == value.startIndex }) == true else { return }
                    result.append(DeadlineLine(line: lineNumber, section: block.section, label: text.text(match.ranges[1]) ?? "By", value: value,
                                               dates: dates, isListLabel: true))
                } else if colon, let match = try? labelled.firstMatch(in: text) {
                    let value = text.text(match.ranges[2]) ?? ""
                    let label = text.text(match.ranges[1]) ?? ""
                    result.append(DeadlineLine(line: lineNumber, section: block.section, label: label, value: value,
                                               dates: DateParser.dates(in: value, order: order)))
                } else if year, let match = try? until.firstMatch(in: text) {
                    let value = text.text(match.ranges[2]) ?? ""
                    let dates = DateParser.dates(in: value, order: order)
                    // "Bis morgen" is prose; only "Bis 2026-03-05" is a deadline.
                    guard dates.first.map({ $0.range.lowerBound == value.startIndex }) == true else { return }
                    result.append(DeadlineLine(line: lineNumber, section: block.section, label: "Bis", value: value, dates: dates))
                }
            }
        }
        return result
    }
}

extension String {
    /// Deadline lines need a label with a colon or a date ("Bis 2026-03-05"): skip blocks with neither.
    var containsASCIIDigitOrColon: Bool { utf8.contains { ($0 >= 0x30 && $0 <= 0x3A) } }
}

/// Items repeat a handful of dates: each distinct one is turned into an instant once per document
/// (the calendar conversion through the time zone is the costly part).
private struct InstantCache {
    private struct Key: Hashable {
        let year, month, day: Int
        let week: Int?
        let hour, minute: Int?
        let zoneName: String?
        let endOfDay: Bool
    }

    let defaultZone: TimeZone
    private var known: [Key: (date: Date, zone: TimeZone)?] = [:]

    init(defaultZone: TimeZone) { self.defaultZone = defaultZone }

    mutating func instant(of date: WrittenDate) -> (date: Date, zone: TimeZone)? {
        guard let year = date.year else { return nil }
        let key = Key(year: year, month: date.month, day: date.day, week: date.week, hour: date.hour, minute: date.minute,
                      zoneName: date.zoneName, endOfDay: date.endOfDayWritten)
        if let cached = known[key] { return cached }
        let instant = date.instant(defaultZone: defaultZone)
        known[key] = instant
        return instant
    }
}

/// `**Deadline:** 2026-03-03 EOD`, `Frist: 03.03.2026`, `Bis **2026-03-05**`, `Zeitraum: KW 9 (24.02. - 02.03.2026)`.
public struct DeadlineLine: Sendable {
    public let line: Int
    public let section: Int
    public let label: String
    public let value: String
    public let dates: [WrittenDate]
    /// `By May 7:` over a list: the deadline of the items that follow it in its section.
    public var isListLabel = false

    private static let windowLabels: Set<String> = ["zeitraum", "zeitfenster", "window", "time window", "timeframe", "time frame", "timebox"]

    /// The date that sets the deadline: a window's last one, else the first.
    var deadlineDate: WrittenDate? {
        DeadlineLine.windowLabels.contains(label.lowercased()) ? dates.last : dates.first
    }
}

/// A date that names no existing day or cannot be read, where a deadline was meant; also an
/// anchor problem (a relative time without one, two in one scope, an offset against its date).
public struct UnreadableDeadline: Sendable, Equatable, Error {
    public let line: Int
    public let column: Int
    public let text: String
    public let reason: String
}

/// A heading that names dates (`### T-24h: 2026-03-05 10:00 CET`).
public struct DatedHeading: Sendable {
    public let heading: Heading
    public let section: Int
    public let dates: [WrittenDate]

    /// The heading without its dates, as history names the deadline it states.
    public var label: String {
        var label = heading.text
        for date in dates.reversed() { label.removeSubrange(date.range) }
        return label.trimmingCharacters(in: .whitespaces)
    }

    /// The dates as written, joined by an arrow.
    public var value: String { dates.map { String(heading.text[$0.range]) }.joined(separator: " → ") }
}
