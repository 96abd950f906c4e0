import Foundation
import TestSupport

/// The seed tracker's cells by A1 name, read with a plain tab/newline split
/// (the model tests need no CSV reader).
enum SeedCells {
  static let cells: [String: String] = {
    let url = Fixtures.sample("staffordshire-priority-2.tsv")
    guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [:] }
    var out: [String: String] = [:]
    for (r, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      for (c, field) in line.split(separator: "\t", omittingEmptySubsequences: false).enumerated() where !field.isEmpty {
        let letter = String(UnicodeScalar(UInt8(65 + c)))
        out["\(letter)\(r + 1)"] = String(field)
      }
    }
    return out
  }()

  static subscript(_ a1: String) -> String { cells[a1] ?? "" }
}
