import Diagnostics
import Foundation
import Grid
import XLSXFormat
import Testing
import TestSupport

/// Helpers for the writer tests: run `../shared/ooxml/check-xlsx` on every
/// file written, and read parts back with `unzip`.
enum WriterTestSupport {
  /// A fresh scratch folder.
  static func scratch() throws -> URL { try Fixtures.scratchDirectory("wsoa-xlsx-write") }

  /// Runs check-xlsx on the files, and reads each back with our XLSXReader;
  /// records a test issue with the checker's output when any fails. Returns
  /// the checker's output.
  @discardableResult
  static func expectValid(_ files: [URL], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> String {
    for file in files {
      #expect(throws: Never.self, "our reader cannot read \(file.lastPathComponent)", sourceLocation: sourceLocation) {
        _ = try readBack(file)
      }
    }
    let outcome = try SchemaCheck.run(files.map(\.path))
    #expect(outcome.isAcceptable, "\(outcome.message)", sourceLocation: sourceLocation)
    return outcome.message
  }

  /// The entry names of a zip, in archive order.
  static func entryNames(_ file: URL) throws -> [String] {
    let result = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/unzip"), ["-Z1", file.path])
    return result.stdout.split(separator: "\n").map(String.init)
  }

  /// One part's bytes as text.
  static func part(_ file: URL, _ name: String) throws -> String {
    String(decoding: try partData(file, name), as: UTF8.self)
  }

  /// One part's bytes (`unzip -p`; `[` and `]` escaped, unzip treats them as wildcards).
  static func partData(_ file: URL, _ name: String) throws -> Data {
    let pattern = name.replacingOccurrences(of: "[", with: "\\[").replacingOccurrences(of: "]", with: "\\]")
    return try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/unzip"), ["-p", file.path, pattern]).stdoutData
  }
}

extension WriterTestSupport {
  /// Whether this run re-records golden files (`RECORD_GOLDEN=1`).
  static var isRecording: Bool { ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" }

  /// Compares every part of `file` with `fixtures/xlsx-writer/golden/<name>.xlsx.d/`
  /// (same part list, byte-identical parts). With `RECORD_GOLDEN=1` the
  /// folder is rewritten and the test fails, so a recording run never passes.
  static func expectGolden(_ file: URL, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    let folder = Fixtures.url("xlsx-writer/golden/\(name).xlsx.d")
    let fm = FileManager.default
    if isRecording {
      try? fm.removeItem(at: folder)
      try fm.createDirectory(at: folder, withIntermediateDirectories: true)
      _ = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/unzip"), ["-q", "-o", file.path, "-d", folder.path])
      Issue.record("recorded golden \(name).xlsx.d; run again without RECORD_GOLDEN=1", sourceLocation: sourceLocation)
      return
    }
    let parts = try entryNames(file)
    var golden: [String] = []
    if let walker = fm.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) {
      for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
        golden.append(String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1)))
      }
    }
    #expect(parts.sorted() == golden.sorted(), "parts differ from golden \(name)", sourceLocation: sourceLocation)
    for part in parts where golden.contains(part) {
      let expected = try Data(contentsOf: folder.appendingPathComponent(part))
      let actual = try partData(file, part)
      #expect(actual == expected, "\(name): \(part) differs from its golden (RECORD_GOLDEN=1 re-records)", sourceLocation: sourceLocation)
    }
  }
}

extension WriterTestSupport {
  /// Reads a written file back with our XLSXReader.
  static func readBack(_ file: URL) throws -> Workbook {
    try XLSXReader(path: file.path).readWorkbook()
  }

  /// Expects two grids to hold the same sheets, rows and values, naming the
  /// first cells that differ ("mismatch at 'Sheet'!B7"). Dates compare by
  /// calendar fields and display (a written date gains its serial); text ""
  /// counts as empty; cells with no value and no style are skipped.
  static func expectSameGrid(
    _ actual: Workbook, _ expected: Workbook, comparesStyles: Bool = false,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    #expect(actual.sheets.map(\.name) == expected.sheets.map(\.name), sourceLocation: sourceLocation)
    var mismatches: [String] = []
    for (got, want) in zip(actual.sheets, expected.sheets) {
      let gotCells = cells(got, actual, comparesStyles)
      let wantCells = cells(want, expected, comparesStyles)
      for key in Set(gotCells.keys).union(wantCells.keys).sorted(by: { ($0.row, $0.column) < ($1.row, $1.column) })
      where gotCells[key] != wantCells[key] {
        mismatches.append(
          "mismatch at \(Diagnostics.SourceLocation(file: "", sheet: want.name, cell: key).sheetCell ?? key.a1): "
            + "expected \(wantCells[key].map { "\($0)" } ?? "nothing"), got \(gotCells[key].map { "\($0)" } ?? "nothing")")
      }
      let hidden = { (s: Sheet) in Set(s.rows.filter(\.isHidden).map(\.number)) }
      if hidden(got) != hidden(want) { mismatches.append("\(want.name): hidden rows \(hidden(got)) != \(hidden(want))") }
      if got.visibility != want.visibility { mismatches.append("\(want.name): visibility \(got.visibility)") }
    }
    #expect(mismatches.isEmpty, "\(mismatches.prefix(10).joined(separator: "\n"))", sourceLocation: sourceLocation)
  }

  /// A comparable description of every meaningful cell of a sheet.
  private static func cells(_ sheet: Sheet, _ book: Workbook, _ styles: Bool) -> [CellAddress: String] {
    var result: [CellAddress: String] = [:]
    for row in sheet.rows {
      for cell in row.cells {
        let style = book.style(of: cell)
        let styleText = styles && style != CellStyle() ? " \(style)" : ""
        var text: String
        switch cell.value {
        case .empty: text = ""
        case .text(let s): text = s.isEmpty ? "" : "text(\(s.debugDescription))"
        case .date(let d): text = "date(\(d.isoText), \(d.display))"
        default: text = "\(cell.value)"
        }
        if text.isEmpty && styleText.isEmpty { continue }
        if text.isEmpty { text = "blank" }
        result[CellAddress(row: row.number, column: cell.column)] = text + styleText
      }
    }
    return result
  }
}
