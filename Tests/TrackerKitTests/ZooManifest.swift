import Foundation
import TestSupport

/// `fixtures/zoo/manifest.json`: every rendering of the layout zoo with the
/// value it took on each dimension (written by `scripts/fixtures/zoo.py`).
struct ZooManifest: Sendable {
  /// One rendered file.
  struct Rendering: Sendable, Hashable, CustomStringConvertible {
    /// Path under `fixtures/zoo/`, e.g. `seed-p2/017.csv`.
    var file: String
    /// The content it renders (`fixtures/zoo/contents/<content>.json`).
    var content: String
    /// Whether it is its content's reference rendering (every dimension at its first value).
    var reference: Bool
    /// `reference`, `single` (the reference with one value changed) or `mixed`.
    var kind: String
    /// For a single: the one `name=value` it changes (`container=xlsx` for
    /// the XLSX base the XLSX-only values change).
    var changed: String?
    /// `name=value` for every dimension that applies to it, sorted.
    var values: [String]

    var description: String { "\(file) (\(values.joined(separator: ", ")))" }
  }

  var renderings: [Rendering]

  /// Every `name=value` that occurs, sorted.
  var values: [String] { Array(Set(renderings.flatMap(\.values))).sorted() }

  /// A rendering named with the values it has that its reference has not.
  func describe(_ rendering: Rendering) -> String {
    let base = Set(reference(of: rendering.content)?.values ?? [])
    let own = rendering.values.filter { !base.contains($0) }
    return "\(rendering.file) (\(own.isEmpty ? "as the reference" : own.joined(separator: ", ")))"
  }

  /// The content's reference rendering.
  func reference(of content: String) -> Rendering? { renderings.first { $0.content == content && $0.reference } }

  /// The canonical contents, by id.
  var contents: [String] { Array(Set(renderings.map(\.content))).sorted() }

  static let shared: ZooManifest = load()

  private static func load() -> ZooManifest {
    guard let data = try? Data(contentsOf: Fixtures.url("zoo/manifest.json")),
      let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      let list = root["renderings"] as? [[String: Any]]
    else { return ZooManifest(renderings: []) }
    let renderings = list.compactMap { entry -> Rendering? in
      guard let file = entry["file"] as? String, let content = entry["content"] as? String,
        let dimensions = entry["dimensions"] as? [String: Any]
      else { return nil }
      let values = dimensions.map { "\($0.key)=\($0.value)" }.sorted()
      return Rendering(
        file: file, content: content, reference: entry["reference"] as? Bool ?? false,
        kind: entry["kind"] as? String ?? "mixed", changed: entry["changed"] as? String, values: values)
    }
    return ZooManifest(renderings: renderings)
  }
}

/// What a content's JSON says its plan must hold (checked on the reference
/// rendering, so the property is not satisfied by every rendering reading to
/// the same empty plan).
struct ZooExpectation: Sendable {
  var keys: [String]
  var periods: Int
  var priorities: [String]
  var validateAsOf: String

  static func load(_ content: String) -> ZooExpectation? {
    guard let data = try? Data(contentsOf: Fixtures.url("zoo/contents/\(content).json")),
      let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      let expect = root["expect"] as? [String: Any],
      let keys = expect["keys"] as? [String], let periods = expect["periods"] as? Int,
      let priorities = expect["priorities"] as? [String], let asOf = root["validateAsOf"] as? String
    else { return nil }
    return ZooExpectation(keys: keys, periods: periods, priorities: priorities, validateAsOf: asOf)
  }
}
