#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

extension TrackerConfig {
  /// `wsoa.toml` in the input's folder, else in the nearest folder above it;
  /// the search stops at the repository root (a folder holding `.git`), at
  /// `$HOME` and at `/`. A folder as `input` is searched from itself;
  /// standard input (`-`, `<stdin>`) from the current folder.
  public static func discover(from input: String) -> String? {
    let files = FileManager.default
    var folder: URL
    if input == "-" || input == InputSource.standardInputName {
      folder = URL(fileURLWithPath: files.currentDirectoryPath, isDirectory: true)
    } else {
      let url = URL(fileURLWithPath: input)
      folder = FileProbe.kind(input) == .directory ? url : url.deletingLastPathComponent()
    }
    folder = folder.standardizedFileURL
    let home = ProcessInfo.processInfo.environment["HOME"].map { URL(fileURLWithPath: $0).standardizedFileURL.path }
    while true {
      let candidate = folder.appendingPathComponent(fileName).path
      if files.isReadableFile(atPath: candidate) { return candidate }
      let path = folder.path
      if path == "/" || path.isEmpty || path == home || files.fileExists(atPath: folder.appendingPathComponent(".git").path) {
        return nil
      }
      let parent = folder.deletingLastPathComponent().standardizedFileURL
      if parent.path == path { return nil }
      folder = parent
    }
  }

  /// The config for an input: `explicit` (`--config`), else the discovered
  /// `wsoa.toml` when `discovers`, else the defaults.
  ///
  /// - Throws: `ConfigError` when the file chosen cannot be read or is wrong.
  public static func resolve(for input: String, explicit: String?, discovers: Bool = true) throws(ConfigError) -> TrackerConfig {
    if let explicit { return try load(path: explicit) }
    if discovers, let found = discover(from: input) { return try load(path: found) }
    return TrackerConfig()
  }
}
