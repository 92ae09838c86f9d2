import ArgumentParser
import Foundation
import GolintKit

/// Whether history and report remember the commits they walked.
struct CacheOptions: ParsableArguments {
    @Flag(name: .long, help: "Walk every commit: neither read nor write the history cache.")
    var noCache = false

    var cache: HistoryCache? { noCache ? nil : HistoryCache.standard() }
}

struct CacheCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cache",
        abstract: "The history cache: what history and report remember of the commits they walked.",
        subcommands: [Path.self, Clear.self])

    struct Path: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the cache's folder ($XDG_CACHE_HOME/golint, else ~/.cache/golint).")

        func run() throws {
            guard let cache = HistoryCache.standard() else { throw GolintError.usage("no cache folder: neither XDG_CACHE_HOME nor HOME is set") }
            print(cache.folder)
        }
    }

    struct Clear: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove everything the history cache holds.")

        @Flag(name: .long, help: "Print nothing.")
        var quiet = false

        func run() throws {
            guard let cache = HistoryCache.standard() else { throw GolintError.usage("no cache folder: neither XDG_CACHE_HOME nor HOME is set") }
            let removed = try cache.clear()
            if !quiet { FileHandle.standardError.write(Data("golint: removed \(removed) cached trail\(removed == 1 ? "" : "s") from \(cache.folder)\n".utf8)) }
        }
    }
}
