#if !GOLINT_LIBFUZZER
import Foundation
import GolintKit

/// Without libFuzzer the target replays inputs: `golint-fuzz FILE|DIR…`, each file through the same
/// entry point. Tests replay Fuzz/regressions this way.
@main
struct Replay {
    static func main() {
        var count = 0
        for argument in CommandLine.arguments.dropFirst() {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) else {
                FileHandle.standardError.write(Data("golint-fuzz: no such file: \(argument)\n".utf8))
                exit(2)
            }
            let files = isDirectory.boolValue
                ? ((try? FileManager.default.contentsOfDirectory(atPath: argument)) ?? []).sorted().map { argument + "/" + $0 }
                : [argument]
            for file in files {
                guard let data = FileManager.default.contents(atPath: file) else { continue }
                FuzzEntry.run([UInt8](data))
                count += 1
            }
        }
        print("replayed \(count) inputs")
    }
}
#endif
