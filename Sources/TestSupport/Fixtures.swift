public import Foundation

/// Paths to the repository's test inputs, resolved from this source file's
/// location so tests work from any working directory.
public enum Fixtures {
  /// The repository root (the folder holding `Package.swift`).
  public static let repositoryRoot: URL = {
    URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent()  // TestSupport
      .deletingLastPathComponent()  // Sources
      .deletingLastPathComponent()
  }()

  /// A file under `fixtures/`, e.g. `url("csv/crlf.csv")`.
  public static func url(_ relativePath: String) -> URL {
    repositoryRoot.appendingPathComponent("fixtures").appendingPathComponent(relativePath)
  }

  /// A file under `samples/`.
  public static func sample(_ relativePath: String) -> URL {
    repositoryRoot.appendingPathComponent("samples").appendingPathComponent(relativePath)
  }

  /// The shared folder beside the checkout (`../shared`), holding the seed
  /// tracker and `ooxml/check-xlsx`.
  public static let shared: URL = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")

  /// A fresh empty scratch folder under the system's temporary folder.
  public static func scratchDirectory(_ name: String = "wsoa-test") throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("\(name)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}
