// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "golint",
    products: [
        .executable(name: "golint", targets: ["golint"]),
        .library(name: "GolintKit", targets: ["GolintKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // SSH signatures on commits are verified by golint itself: Ed25519 and ECDSA (Crypto), RSA (CryptoExtras).
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.0"),
        // The HTML report's templates: Mustache escapes every value by default, attributes included.
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        .systemLibrary(name: "CLibGit2", pkgConfig: "libgit2", providers: [.apt(["libgit2-dev"])]),
        .systemLibrary(
            name: "CCmarkGFM", pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .systemLibrary(name: "CPCRE2", pkgConfig: "libpcre2-8", providers: [.apt(["libpcre2-dev"])]),
        .target(name: "GolintGit", dependencies: ["CLibGit2"]),
        .target(
            name: "GolintKit",
            dependencies: [
                "GolintGit", "CCmarkGFM", "CPCRE2", "Yams",
                .product(name: "Crypto", package: "swift-crypto"), .product(name: "CryptoExtras", package: "swift-crypto"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.embedInCode("Resources/golint.yml"), .embedInCode("Resources/pre-commit"), .embedInCode("Resources/report.mustache")]),
        .executableTarget(
            name: "golint",
            dependencies: ["GolintKit", "CSkipCertificates", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            // mimalloc replaces glibc's malloc: documents allocate many small strings and cmark-gfm
            // many small nodes on two threads; check and history run 12-14% faster (bench/RESULTS.md).
            linkerSettings: [.linkedLibrary("mimalloc")]),
        // Linked into the command only: the CA bundle load libgit2 does at start-up, skipped.
        .target(name: "CSkipCertificates"),
        // A libFuzzer target with -sanitize=fuzzer (make fuzz); otherwise it replays inputs.
        .executableTarget(name: "golint-fuzz", dependencies: ["GolintKit"]),
        .target(name: "GolintTestSupport", path: "Tests/GolintTestSupport"),
        .testTarget(name: "GolintGitTests", dependencies: ["GolintGit", "GolintTestSupport"]),
        .testTarget(name: "GolintKitTests", dependencies: ["GolintKit", "GolintGit", "GolintTestSupport"]),
        .testTarget(name: "GolintCLITests", dependencies: ["golint", "golint-fuzz", "GolintKit", "GolintTestSupport", "Yams"]),
    ]
)
