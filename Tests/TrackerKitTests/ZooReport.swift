import Foundation
import Testing

/// Writes the zoo's failure report (Markdown) to the file `ZOO_REPORT`
/// names: for each dimension value, whether the rendering that differs from
/// its reference by that value alone reads alike (with the first difference
/// when not), and how many mixed renderings with that value fail although
/// every other value they have passes alone. Run it after merging features:
/// `ZOO=all ZOO_REPORT=/tmp/zoo.md swift test --skip-build --filter ZooReport`.
@Suite struct ZooReport {
  @Test(.enabled(if: ProcessInfo.processInfo.environment["ZOO_REPORT"] != nil))
  func writeReport() throws {
    let path = try #require(ProcessInfo.processInfo.environment["ZOO_REPORT"])
    let renderings = ZooReadings.checked.filter { !$0.reference }
    var failing: [String: String] = [:]
    for r in renderings { if let d = ZooReadings.difference(r) { failing[r.file] = d } }
    // A value fails alone when a single rendering carrying it fails. (An
    // XLSX single also carries container=xlsx, which has its own single.)
    var failsAlone: [String: [String]] = [:]
    for r in renderings where r.kind == "single" && failing[r.file] != nil {
      if let v = r.changed { failsAlone[v, default: []].append(r.file) }
    }
    let xlsxAlone = failsAlone["container=xlsx"] ?? []
    func clean(_ text: String, _ n: Int) -> String {
      String(text.prefix(n)).replacingOccurrences(of: "\n", with: " ⏎ ").replacingOccurrences(of: "|", with: "\\|")
    }
    let values = Array(Set(renderings.flatMap(\.values))).sorted()
    let mixed = renderings.filter { $0.kind == "mixed" }
    var out = "# Zoo report\n\n"
    out += "\(renderings.count) renderings besides the 4 references (ZOO=\(ZooReadings.readsAll ? "all" : "sample")); "
    out += "\(failing.count) read differently from their reference.\n\n"
    out += "| value | alone | first difference when alone | mixed: failing / with no other value failing alone |\n|---|---|---|---|\n"
    for v in values {
      let singles = renderings.filter { $0.changed == v }
      let bad = singles.filter { failing[$0.file] != nil }
      let alone: String
      let diff: String
      if singles.isEmpty {
        alone = "base value"
        diff = ""
      } else {
        alone = bad.isEmpty ? "ok (\(singles.count))" : "**fails \(bad.count)/\(singles.count)**"
        diff = bad.first.map { "`\($0.file)`: " + clean(failing[$0.file] ?? "", 700) } ?? ""
      }
      let inMixed = mixed.filter {
        $0.values.contains(v) && !$0.values.contains { $0 != v && failsAlone[$0] != nil }
      }
      let mixedBad = inMixed.filter { failing[$0.file] != nil }
      let example = mixedBad.first.map { " — `\($0.file)`: " + clean(failing[$0.file] ?? "", 300) } ?? ""
      out += "| `\(v)` | \(alone) | \(diff) | \(mixedBad.count) / \(inMixed.count)\(example) |\n"
    }
    if !xlsxAlone.isEmpty { out += "\nNote: the plain XLSX rendering itself fails, so every XLSX single fails too.\n" }
    out += "\n## Every rendering that reads differently\n\n"
    for r in renderings where failing[r.file] != nil {
      out += "- `\(ZooManifest.shared.describe(r))`: \(clean(failing[r.file] ?? "", 400))\n"
    }
    try out.write(toFile: path, atomically: true, encoding: .utf8)
  }
}
