// swift-tools-version:6.0
import PackageDescription

/// Settings every Swift target shares: explicit imports, so C types never leak
/// through a public API and a module uses only what it imports.
let strictImports: [SwiftSetting] = [
  .enableUpcomingFeature("InternalImportsByDefault"),
  .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
  name: "wsoa",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "wsoa", targets: ["wsoa"]),
    .library(name: "TrackerKit", targets: ["TrackerKit"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    // wsoa.toml: a complete TOML 1.0 parser (toml++) rather than a hand-written subset.
    .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
  ],
  targets: [
    // C libraries, each imported by exactly one wrapper module.
    .systemLibrary(
      name: "CLibZip", pkgConfig: "libzip", providers: [.apt(["libzip-dev"])]),
    .systemLibrary(
      name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),

    // Locations, diagnostics, A1 addressing. Depends on nothing.
    .target(name: "Diagnostics", swiftSettings: strictImports),
    // Word-at-a-time byte scans, ASCII case (inlinable) and SHA-256. Depends on nothing.
    .target(name: "ByteScan", swiftSettings: strictImports),
    // Atomic, buffered output files (temp file, fsync, rename). Depends on nothing.
    .target(name: "AtomicOutput", swiftSettings: strictImports),
    // Format-neutral workbook / sheet / cell model.
    .target(name: "Grid", dependencies: ["Diagnostics"], swiftSettings: strictImports),
    // The only importer of libzip.
    .target(name: "ZipArchive", dependencies: ["CLibZip", "ByteScan"], swiftSettings: strictImports),
    // The only importer of libxml2.
    .target(name: "XMLStream", dependencies: ["CLibXML2"], swiftSettings: strictImports),
    // XLSX <-> Grid. Knows no trackers.
    .target(
      name: "XLSXFormat",
      dependencies: ["Grid", "Diagnostics", "ZipArchive", "XMLStream", "AtomicOutput"],
      swiftSettings: strictImports),
    // CSV/TSV <-> Grid. Knows no trackers.
    .target(
      name: "DelimitedFormat", dependencies: ["Grid", "Diagnostics", "AtomicOutput", "ByteScan"],
      swiftSettings: strictImports),
    // The canonical tracker model, validation rules and merge. Knows no XML, zip, CSV or Grid.
    .target(name: "TrackerModel", dependencies: ["Diagnostics", "ByteScan"], swiftSettings: strictImports),
    // Grid <-> tracker mapping and the facade the CLI calls.
    .target(
      name: "TrackerKit",
      dependencies: [
        "TrackerModel", "Grid", "Diagnostics", "XLSXFormat", "DelimitedFormat", "AtomicOutput", "ByteScan",
        .product(name: "TOMLKit", package: "TOMLKit"),
      ],
      swiftSettings: strictImports),
    // Commands, printing, exit codes (a library so tests can run it in-process).
    .target(
      name: "TrackerCLI",
      dependencies: [
        "TrackerKit", "TrackerModel", "Grid", "Diagnostics", "AtomicOutput", "DelimitedFormat",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: strictImports),
    .executableTarget(name: "wsoa", dependencies: ["TrackerCLI"], swiftSettings: strictImports),
    // Benchmarks: prints figures; build with -c release (scripts/bench.sh).
    .executableTarget(
      name: "wsoa-bench",
      dependencies: [
        "TrackerKit", "Grid", "Diagnostics", "XLSXFormat", "DelimitedFormat", "TrackerModel", "AtomicOutput",
      ],
      swiftSettings: strictImports),
    // The fuzz targets (CSV, XLSX, recognition, merge), shared by the libFuzzer
    // binary and the replay tests.
    .target(
      name: "FuzzTargets",
      dependencies: [
        "DelimitedFormat", "XLSXFormat", "ZipArchive", "TrackerKit", "TrackerModel", "Grid", "Diagnostics", "TestSupport",
      ],
      swiftSettings: strictImports),
    // libFuzzer entry point: scripts/fuzz.sh builds it with --sanitize=fuzzer,address.
    .executableTarget(name: "wsoa-fuzz", dependencies: ["FuzzTargets"], swiftSettings: strictImports),
    // Test-only helpers: fixture paths, golden files, running the binary.
    .target(
      name: "TestSupport", dependencies: ["Grid", "Diagnostics"], swiftSettings: strictImports),

    .testTarget(name: "ByteScanTests", dependencies: ["ByteScan", "TestSupport"]),
    .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics", "TestSupport"]),
    .testTarget(name: "AtomicOutputTests", dependencies: ["AtomicOutput", "TestSupport"]),
    .testTarget(name: "GridTests", dependencies: ["Grid", "Diagnostics", "TestSupport"]),
    .testTarget(name: "DelimitedFormatTests", dependencies: ["DelimitedFormat", "Grid", "Diagnostics", "TestSupport"]),
    .testTarget(
      name: "XLSXFormatTests",
      dependencies: ["XLSXFormat", "ZipArchive", "XMLStream", "Grid", "Diagnostics", "TestSupport"]),
    .testTarget(name: "TrackerModelTests", dependencies: ["TrackerModel", "TestSupport"]),
    .testTarget(
      name: "TrackerKitTests", dependencies: ["TrackerKit", "TrackerModel", "Grid", "Diagnostics", "AtomicOutput", "TestSupport"]),
    .testTarget(
      name: "TrackerCLITests", dependencies: ["TrackerCLI", "TrackerKit", "Grid", "TestSupport", "XMLStream"]),
    .testTarget(name: "FuzzTargetsTests", dependencies: ["FuzzTargets", "TestSupport"]),
  ]
)
