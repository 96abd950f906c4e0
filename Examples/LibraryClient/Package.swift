// swift-tools-version:6.0
// A package outside wsoa's source tree that depends on its library product,
// as another project would (by URL and version once a release is tagged:
// `.package(url: "https://…/wsoa.git", from: "0.1.0")`).
// scripts/check-library-client.sh builds and runs it.
import PackageDescription

let package = Package(
  name: "LibraryClient",
  platforms: [.macOS(.v13)],
  dependencies: [
    .package(name: "wsoa", path: "../.."),
  ],
  targets: [
    .executableTarget(
      name: "LibraryClient",
      dependencies: [.product(name: "TrackerKit", package: "wsoa")]),
  ]
)
