import Foundation
import TestSupport

/// A scratch copy of `fixtures/merge/` to run `wsoa merge` in, so paths in
/// provenance are the short relative ones a user would type.
struct MergeScratch {
  let dir: URL

  static let returns = [
    "returns/ehcp-return.tsv", "returns/gr-return.csv", "returns/joint-comm-q4.csv", "returns/old-template-return.xlsx",
  ]
  static let inputs = ["master.tsv"] + returns

  init() throws {
    dir = try Fixtures.scratchDirectory("wsoa-merge")
    let manager = FileManager.default
    try manager.createDirectory(at: dir.appendingPathComponent("returns"), withIntermediateDirectories: true)
    for file in Self.inputs {
      try manager.copyItem(at: Fixtures.url("merge/" + file), to: dir.appendingPathComponent(file))
    }
  }

  /// Runs `wsoa merge` with arguments in the scratch folder.
  func merge(_ arguments: [String]) throws -> ProcessRunner.Result {
    try ProcessRunner.wsoa(["merge"] + arguments, in: dir)
  }

  /// A file's bytes.
  func data(_ name: String) throws -> Data { try Data(contentsOf: dir.appendingPathComponent(name)) }

  /// A JSON file as a dictionary.
  func json(_ name: String) throws -> [String: Any] {
    (try JSONSerialization.jsonObject(with: data(name)) as? [String: Any]) ?? [:]
  }

  /// Whether a file exists in the scratch folder.
  func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: dir.appendingPathComponent(name).path) }

  /// The names in a folder of the scratch copy.
  func list(_ folder: String = "") throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent(folder).path).sorted()
  }
}

extension Dictionary where Key == String, Value == Any {
  /// A nested value by keys and indices (`["plan", "actions", 3, "key"]`).
  func at(_ path: [Any]) -> Any? {
    var current: Any? = self
    for step in path {
      if let key = step as? String { current = (current as? [String: Any])?[key] }
      else if let index = step as? Int, let array = current as? [Any], array.indices.contains(index) { current = array[index] }
      else { return nil }
    }
    return current
  }
}
