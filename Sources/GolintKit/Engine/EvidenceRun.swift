import Crypto
import Foundation
import GolintGit

/// `golint evidence`: a folder an auditor can take for a period — every approval given, every
/// history event, the findings at its end, the parameters that produced them, and SHA256SUMS —
/// and `golint evidence verify`, which derives it all again from the repository.
public struct EvidenceRequest: Sendable {
    public var repository = RepositoryAccess()
    /// Commits reachable from `since` are left out (as in `git log since..until`).
    public var since: String?
    public var until = "HEAD"
    public var release: String?
    public var trustRevision: String?
    public var now: Date
    public var configurationFile: String?
    /// The folder to create.
    public var output: String
    /// The command line, as recorded in parameters.json.
    public var commandLine: [String]

    public init(now: Date, output: String, commandLine: [String]) {
        self.now = now
        self.output = output
        self.commandLine = commandLine
    }
}

/// What a bundle was derived from. Revisions are recorded with the commits they named, and a
/// bundle is verified against those commits, so that a moved tag or branch does not change it.
struct EvidenceParameters: Codable, Equatable {
    struct Revision: Codable, Equatable {
        let revision: String
        let commit: String
    }

    struct ConfigurationFile: Codable, Equatable {
        /// `.golint.yml` (read at `until`) or the `--config` file as given.
        let path: String
        /// nil: there is none; the shipped rules alone applied.
        let sha256: String?
    }

    let golint: String
    /// The repository's `origin` remote, else its folder's name: recorded, not compared.
    let repository: String
    let since: Revision?
    let until: Revision
    let release: Revision?
    let trustRevision: Revision?
    let now: String
    let configuration: ConfigurationFile
    let command: [String]

    func encoded() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(self)) + [10]
    }
}

public enum EvidenceRun {
    /// The files of a bundle, in the order they are listed and verified.
    static let files = ["parameters.json", "approvals.csv", "events.csv", "findings.csv"]
    static let sums = "SHA256SUMS"

    public static func write(_ request: EvidenceRequest) throws -> Outcome {
        let repository = try request.repository.open()
        func revision(_ name: String?) throws -> EvidenceParameters.Revision? {
            try name.map { EvidenceParameters.Revision(revision: $0, commit: try repository.commit($0).id.description) }
        }
        let until = try revision(request.until)!
        let parameters = EvidenceParameters(
            golint: Golint.version, repository: try repositoryName(repository), since: try revision(request.since), until: until,
            release: try revision(request.release), trustRevision: try revision(request.trustRevision),
            now: ISOTime.format(request.now, in: TimeZones.utc),
            configuration: .init(path: request.configurationFile ?? Configuration.fileName,
                                 sha256: try configurationBytes(request.configurationFile, at: until.commit, in: repository).map(hex)),
            command: request.commandLine)
        let bundle = try derive(parameters, repository: repository, access: request.repository)
        try writeFolder(request.output, bundle.files)
        var outcome = Outcome()
        outcome.done.append("wrote \(request.output)/: \(bundle.approvals) approvals, \(bundle.events) events, \(bundle.findings) findings, "
                            + "\(files.count) files and \(sums)")
        return outcome
    }

    /// Derives every file again from the repository with the recorded parameters and compares:
    /// `failed` with the first difference named, or a confirmation.
    public static func verify(_ directory: String, access: RepositoryAccess) throws -> Outcome {
        var outcome = Outcome()
        func fail(_ message: String) -> Outcome {
            outcome.output = ReportOutput("\(directory): \(message)\n")
            outcome.failed = true
            return outcome
        }
        let read = { (name: String) in FileManager.default.contents(atPath: directory + "/" + name).map { [UInt8]($0) } }
        guard FileManager.default.fileExists(atPath: directory) else { throw GolintError.usage("\(directory): no such folder") }
        guard let sumsFile = read(sums) else { return fail("\(sums) is missing: not an evidence folder, or not a complete one") }
        var listed: [String: String] = [:]
        for line in String(decoding: sumsFile, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1)
            guard parts.count == 2 else { return fail("\(sums) has a line that is not '<sha256>  <file>': \(line)") }
            listed[String(parts[1].drop { $0 == " " || $0 == "*" })] = String(parts[0])
        }
        for name in files {
            guard let bytes = read(name) else { return fail("\(name) is missing") }
            guard listed[name] == hex(bytes) else { return fail("\(name) does not match its SHA-256 in \(sums): it changed after it was written") }
        }
        if let extra = listed.keys.sorted().first(where: { !files.contains($0) }) { return fail("\(sums) lists \(extra), which is not part of evidence") }
        let parameters: EvidenceParameters
        do {
            parameters = try JSONDecoder().decode(EvidenceParameters.self, from: Data(read(files[0])!))
        } catch {
            return fail("parameters.json cannot be read: \(error.localizedDescription)")
        }
        if parameters.golint != Golint.version {
            outcome.notes.append("the evidence was written by golint \(parameters.golint); this is \(Golint.version)")
        }
        let repository = try access.open()
        let configuration = try configurationBytes(parameters.configuration.path == Configuration.fileName ? nil : parameters.configuration.path,
                                                   at: parameters.until.commit, in: repository)
        guard configuration.map(hex) == parameters.configuration.sha256 else {
            return fail("parameters.json: the configuration \(parameters.configuration.path) is not the one recorded (its SHA-256 differs)")
        }
        let derived = try derive(parameters, repository: repository, access: access).files
        for (name, bytes) in derived where read(name) != bytes {
            return fail("\(name) differs from what the repository gives: \(firstDifference(read(name) ?? [], bytes))")
        }
        outcome.output = ReportOutput("\(directory): verified: \(files.joined(separator: ", ")) derived again from the repository are identical, "
                                      + "and \(sums) matches\n")
        return outcome
    }

    private struct Bundle {
        let files: [(name: String, bytes: [UInt8])]
        let approvals: Int
        let events: Int
        let findings: Int
    }

    /// Every file of a bundle from its parameters.
    /// `repository` is `access` opened already.
    private static func derive(_ parameters: EvidenceParameters, repository: Repository, access: RepositoryAccess) throws -> Bundle {
        let configurationFile = parameters.configuration.path == Configuration.fileName ? nil : parameters.configuration.path
        guard let now = ISOTime.parse(parameters.now)?.date else { throw GolintError.usage("parameters.json: now '\(parameters.now)' is not an ISO 8601 time") }
        let walker = try HistoryWalker(repository: repository, configurationRevision: parameters.until.commit, configurationFile: configurationFile,
                                       access: access)
        var options = HistoryOptions()
        options.since = parameters.since?.commit
        options.until = parameters.until.commit
        let events = try walker.history(options).events

        // The findings at `until`, through the repository and configuration the walker opened.
        var check = CheckOptions(now: now)
        check.source = .revision(parameters.until.commit)
        check.configurationFile = configurationFile
        check.trustRevision = parameters.trustRevision?.commit
        check.release = parameters.release?.commit
        let report = try reportingGitErrors { try Linter.check(repository: repository, options: check, configuration: walker.configuration) }

        let release = try parameters.release.map { try repository.commit($0.commit) }
        let window = walker.configuration.verification.emergencyWindow
        var standings: [String: String] = [:]
        let beforeRelease = { (event: HistoryEvent) -> String in
            guard let release else { return "" }
            if let known = standings[event.commit] { return known }
            let standing = (try? ObjectID(hex: event.commit).map { try ReleaseStanding(repository.commit($0), release: release, window: window, in: repository) }) ?? nil
            let text = switch standing?.kind {
            case .before: "yes"
            case .emergency: "emergency"
            default: "no"
            }
            standings[event.commit] = text
            return text
        }
        var files = [(name: String, bytes: [UInt8])]()
        files.append((Self.files[0], try parameters.encoded()))
        files.append((Self.files[1], Array(EvidenceTables.approvals(events, beforeRelease: beforeRelease).utf8)))
        files.append((Self.files[2], Array(EvidenceTables.events(events).utf8)))
        files.append((Self.files[3], Array(EvidenceTables.findings(report.findings).utf8)))
        // The format `sha256sum -c` reads: the digest, two spaces, the name.
        let sumsText = files.map { "\(hex($0.bytes))  \($0.name)\n" }.joined()
        files.append((sums, Array(sumsText.utf8)))
        return Bundle(files: files, approvals: events.count { $0.approval != nil }, events: events.count, findings: report.findings.count)
    }

    /// The configuration as `check` reads it at `commit`.
    private static func configurationBytes(_ explicitFile: String?, at commit: String, in repository: Repository) throws -> [UInt8]? {
        try Configuration.fileBytes(from: RevisionSource(repository: repository, revision: commit), explicitFile: explicitFile)
    }

    private static func repositoryName(_ repository: Repository) throws -> String {
        if let origin = try repository.configString("remote.origin.url") { return origin }
        let folder = repository.workdir ?? repository.gitDirectory
        return URL(fileURLWithPath: folder).lastPathComponent
    }

    /// The SHA-256 of `bytes` as `sha256sum` prints it.
    static func hex(_ bytes: [UInt8]) -> String { SHA256.hash(data: Data(bytes)).hexadecimal }

    /// `line 3: the folder has '…', the repository gives '…'`
    private static func firstDifference(_ written: [UInt8], _ derived: [UInt8]) -> String {
        // Split on bytes: Swift counts CR LF as one character.
        let lines = { (bytes: [UInt8]) in bytes.split(separator: 10, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) } }
        let a = lines(written), b = lines(derived)
        let index = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
        func shown(_ lines: [String]) -> String {
            index < lines.count ? "'\(lines[index].trimmingCharacters(in: .newlines).capped(160))'" : "nothing"
        }
        return "line \(index + 1): the folder has \(shown(a)), the repository gives \(shown(b))"
    }

    /// Creates `path` with `files` in it, or nothing: the files are written into a new folder
    /// beside it that is renamed into place at the end (which fails if `path` exists and is not
    /// an empty folder); on any failure the new folder is removed.
    private static func writeFolder(_ path: String, _ files: [(name: String, bytes: [UInt8])]) throws {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue, (try? manager.contentsOfDirectory(atPath: path))?.isEmpty == true else {
                throw GolintError.usage("\(path) exists: evidence is written to a new folder, never over an old one")
            }
        }
        let parent = (path as NSString).deletingLastPathComponent
        let staging = (parent.isEmpty ? "." : parent) + "/.golint-evidence-\(UUID().uuidString).tmp"
        func failure(_ reason: String) -> GolintError { GolintError.usage("\(path): cannot write the evidence (\(reason)); nothing was written") }
        // Registered, so that SIGINT, SIGTERM or SIGHUP removes the staging folder too.
        let staged = [staging] + files.map { staging + "/" + $0.name }
        staged.forEach(TemporaryFiles.register)
        defer { staged.forEach(TemporaryFiles.unregister) }
        guard mkdir(staging, 0o755) == 0 else { throw failure(String(cString: strerror(errno))) }
        var moved = false
        defer { if !moved { try? manager.removeItem(atPath: staging) } }
        for file in files {
            guard manager.createFile(atPath: staging + "/" + file.name, contents: Data(file.bytes)) else {
                throw failure("\(file.name): \(String(cString: strerror(errno)))")
            }
        }
        guard rename(staging, path) == 0 else { throw failure(String(cString: strerror(errno))) }
        moved = true
    }
}
