import Diagnostics
import Foundation
import Grid
import TestSupport

/// An expected grid from `fixtures/xlsx/expected/<name>.json` (written by the
/// fixture generators from the data they put in), and a full comparison with
/// what the reader produced that names every mismatching cell.
struct ExpectedGrid {
  let json: [String: Any]

  init(named name: String) throws {
    let data = try Data(contentsOf: Fixtures.url("xlsx/expected/\(name).json"))
    guard let json = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
      throw CocoaError(.fileReadCorruptFile)
    }
    self.json = json
  }

  /// The names of every fixture that has an expected grid.
  static func allNames() -> [String] {
    let folder = Fixtures.url("xlsx/expected")
    let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return files.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
  }

  /// Every difference between the workbook and the expectation, as
  /// `Sheet!B7: expected …, got …` lines (empty when they match).
  func differences(from book: Workbook) -> [String] {
    var problems: [String] = []
    let sheets = json["sheets"] as? [[String: Any]] ?? []
    let names = book.sheets.map(\.name)
    let expectedNames = sheets.map { $0["name"] as? String ?? "" }
    if names != expectedNames { problems.append("sheets: expected \(expectedNames), got \(names)") }
    let skipped = json["skippedSheets"] as? [String] ?? []
    if book.skippedSheets != skipped { problems.append("skipped: expected \(skipped), got \(book.skippedSheets)") }
    for (expected, actual) in zip(sheets, book.sheets) {
      problems += compare(sheet: expected, with: actual, styles: book.styles)
    }
    return problems
  }

  private func compare(sheet expected: [String: Any], with actual: Sheet, styles: [CellStyle]) -> [String] {
    var problems: [String] = []
    let name = actual.name
    if let visibility = expected["visibility"] as? String, visibility != actual.visibility.rawValue {
      problems.append("\(name): visibility expected \(visibility), got \(actual.visibility.rawValue)")
    }
    let merged = (expected["merged"] as? [String] ?? []).sorted()
    let actualMerged = actual.mergedRanges.map(\.a1).sorted()
    if merged != actualMerged { problems.append("\(name): merged expected \(merged), got \(actualMerged)") }
    let hidden = (expected["hiddenColumns"] as? [Int] ?? []).sorted()
    if hidden != actual.hiddenColumns.sorted() {
      problems.append("\(name): hidden columns expected \(hidden), got \(actual.hiddenColumns.sorted())")
    }
    if let widths = expected["columnWidths"] as? [String: Double] {
      let actualWidths = Dictionary(uniqueKeysWithValues: actual.columnWidths.map { (String($0.key), $0.value) })
      if widths != actualWidths { problems.append("\(name): widths expected \(widths), got \(actualWidths)") }
    }
    let rows = expected["rows"] as? [[String: Any]] ?? []
    let expectedNumbers = rows.map { $0["r"] as? Int ?? 0 }
    let actualNumbers = actual.rows.map(\.number)
    if expectedNumbers != actualNumbers {
      problems.append("\(name): rows expected \(expectedNumbers), got \(actualNumbers)")
    }
    for row in rows {
      let number = row["r"] as? Int ?? 0
      let actualRow = actual.row(number)
      if let hidden = row["hidden"] as? Bool, hidden != (actualRow?.isHidden ?? false) {
        problems.append("\(name)!row \(number): hidden expected \(hidden)")
      }
      let cells = row["cells"] as? [String: [String: Any]] ?? [:]
      let actualCells = actualRow?.cells ?? []
      let actualRefs = Set(actualCells.map { CellAddress(row: number, column: $0.column).a1 })
      for extra in actualRefs.subtracting(cells.keys).sorted() {
        problems.append("\(name)!\(extra): unexpected cell \(describe(actualRow, extra, styles))")
      }
      for (ref, cell) in cells.sorted(by: { $0.key < $1.key }) {
        guard let address = CellAddress(a1: ref),
          let found = actualCells.first(where: { $0.column == address.column })
        else {
          problems.append("\(name)!\(ref): expected \(cell), got no cell")
          continue
        }
        if let problem = compare(cell: cell, with: found, style: style(found, styles)) {
          problems.append("\(name)!\(ref): \(problem)")
        }
      }
    }
    return problems
  }

  /// A JSON number as a Double. JSONSerialization hands out
  /// NSDecimalNumber, whose `doubleValue` is not correctly rounded, so the
  /// number goes through its exact decimal text.
  static func double(_ value: Any?) -> Double? {
    guard let number = value as? NSNumber else { return nil }
    return Double(number.description) ?? number.doubleValue
  }

  private func style(_ cell: Cell, _ styles: [CellStyle]) -> CellStyle {
    styles.indices.contains(cell.style) ? styles[cell.style] : CellStyle()
  }

  private func describe(_ row: Row?, _ ref: String, _ styles: [CellStyle]) -> String {
    guard let address = CellAddress(a1: ref), let cell = row?.cells.first(where: { $0.column == address.column })
    else { return "?" }
    return "\(cell.value) \(style(cell, styles))"
  }

  private func compare(cell expected: [String: Any], with actual: Cell, style: CellStyle) -> String? {
    let type = expected["t"] as? String ?? ""
    let got = "got \(actual.value)"
    switch (type, actual.value) {
    case ("text", .text(let s)):
      if s != expected["v"] as? String { return "expected text \(String(reflecting: expected["v"] ?? "")), \(got)" }
    case ("number", .number(let n)):
      if n != Self.double(expected["v"]) { return "expected number \(expected["v"] ?? ""), \(got)" }
    case ("bool", .bool(let b)):
      if b != expected["v"] as? Bool { return "expected bool \(expected["v"] ?? ""), \(got)" }
    case ("error", .error(let e)):
      if e.code != expected["v"] as? String { return "expected error \(expected["v"] ?? ""), \(got)" }
    case ("date", .date(let d)):
      let serial = Self.double(expected["serial"])
      if d.isoText != expected["v"] as? String || d.serial != serial
        || d.display.rawValue != expected["display"] as? String
      {
        return "expected date \(expected["v"] ?? "") serial \(serial.map(String.init(describing:)) ?? "nil") "
          + "\(expected["display"] ?? ""), got \(d.isoText) serial \(d.serial.map(String.init(describing:)) ?? "nil") "
          + "\(d.display.rawValue)"
      }
    case ("empty", .empty):
      break
    default:
      return "expected \(type) \(expected["v"] ?? ""), \(got)"
    }
    let fill = expected["fill"] as? String
    let actualFill = style.fillRGB.map { String(format: "%06X", $0) }
    if fill != actualFill { return "fill expected \(fill ?? "none"), got \(actualFill ?? "none")" }
    if (expected["bold"] as? Bool ?? false) != style.isBold { return "bold expected \(expected["bold"] ?? false)" }
    if let format = expected["format"] as? String, format != style.numberFormat {
      return "format expected \(format), got \(style.numberFormat ?? "General")"
    }
    return nil
  }
}
