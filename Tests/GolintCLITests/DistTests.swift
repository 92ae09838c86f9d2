import Foundation
import GolintTestSupport
import XCTest

/// The release archive `make dist` builds: unpacked anywhere, its golint runs with an empty
/// environment, needs nothing from the system but the base libraries, and brings its manual page
/// and completions. `make test` builds the archive first and names it in GOLINT_DIST_ARCHIVE;
/// without it this test runs `make dist` itself.
final class DistTests: CLITestCase {
    /// What every Debian installation has: libc6, libgcc-s1, libstdc++6, zlib1g.
    static let baseLibraries = ["linux-vdso.so", "ld-linux", "libc.so", "libm.so", "libdl.so", "libpthread.so", "librt.so", "libresolv.so",
                                "libgcc_s.so", "libstdc++.so", "libz.so"]

    private func archive() throws -> String {
        if let archive = ProcessInfo.processInfo.environment["GOLINT_DIST_ARCHIVE"] { return archive }
        let made = try TestRepository.run("/usr/bin/env", ["make", "-s", "dist"], in: CLITestCase.packageRoot, check: false, timeout: 1_800)
        XCTAssertEqual(made.status, 0, made.stderr)
        return CLITestCase.packageRoot + "/" + (made.stdout.split(separator: "\n").last.map(String.init) ?? "")
    }

    func testTheArchiveRunsOnItsOwn() throws {
        let archive = try archive()
        let folder = NSTemporaryDirectory() + "golint-dist-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try TestRepository.run("/bin/tar", ["-xzf", archive, "-C", folder], in: folder)
        let name = URL(fileURLWithPath: archive).lastPathComponent.replacingOccurrences(of: ".tar.gz", with: "")
        XCTAssertTrue(name.hasPrefix("golint-0.1.0-linux-"), name)
        let root = folder + "/" + name
        let binary = root + "/bin/golint"
        for file in ["share/man/man1/golint.1", "share/bash-completion/completions/golint", "share/zsh/site-functions/_golint",
                     "share/fish/vendor_completions.d/golint.fish"] {
            let text = try String(contentsOfFile: root + "/" + file, encoding: .utf8)
            XCTAssertTrue(text.contains("check") && text.contains("history"), "\(file) covers the commands")
        }
        let manual = try String(contentsOfFile: root + "/share/man/man1/golint.1", encoding: .utf8)
        for section in ["EXIT STATUS", "ENVIRONMENT", "FILES", "EXAMPLES", "GITHUB_STEP_SUMMARY"] {
            XCTAssertTrue(manual.contains(section), "the manual page names \(section)")
        }
        // Shipped without symbols: a third smaller, and nothing at run time reads them.
        let symbols = try TestRepository.run("/usr/bin/env", ["nm", binary], in: folder, check: false)
        XCTAssertTrue(symbols.stderr.contains("no symbols"), symbols.stderr)
        // Every library resolves, and the system provides only the base ones.
        let ldd = try TestRepository.run("/usr/bin/ldd", [binary], in: folder).stdout
        XCTAssertFalse(ldd.contains("not found"), ldd)
        for line in ldd.split(separator: "\n") {
            let resolved = line.split(separator: " ").first { $0.hasPrefix("/") }.map { URL(fileURLWithPath: String($0)).standardized.resolvingSymlinksInPath().path } ?? ""
            let name = line.trimmingCharacters(in: .whitespaces)
            guard !resolved.hasPrefix(URL(fileURLWithPath: root).resolvingSymlinksInPath().path + "/lib/") else { continue }
            XCTAssertTrue(Self.baseLibraries.contains { name.hasPrefix($0) || name.contains("/" + $0) }, "from the system: \(name)")
        }
        // An empty environment: no PATH, no HOME, no LD_LIBRARY_PATH.
        let repository = try seededRepository()
        try repository.commit("seeds")
        let version = try TestRepository.run("/usr/bin/env", ["-i", binary, "--version"], in: repository.path, check: false)
        XCTAssertEqual(version.stdout, "golint 0.1.0 (go-live checklist linter)\n", version.stderr)
        let check = try TestRepository.run("/usr/bin/env", ["-i", binary, "check", "--now", "2026-03-06T12:00:00+01:00", "--format", "json"],
                                           in: repository.path, check: false)
        XCTAssertEqual(check.status, 1, check.stderr)
        let summary = try XCTUnwrap(try json(check)["summary"] as? [String: Int])
        XCTAssertEqual(summary["errors"], 80)
    }
}
