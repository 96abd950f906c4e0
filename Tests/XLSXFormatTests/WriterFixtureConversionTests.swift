import Foundation
import Grid
import Testing
import TestSupport
import XLSXFormat

/// Every readable workbook in fixtures/xlsx/ (Excel-, LibreOffice-, openpyxl-
/// and XlsxWriter-made, and hand-made quirks) read by our reader, written
/// by our writer in both presentations, passes check-xlsx and reads back to
/// the same grid.
@Suite struct WriterFixtureConversionTests {
  static let sources: [URL] = {
    let folder = Fixtures.url("xlsx")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".xlsx") && !$0.hasPrefix("hostile-") }.sorted()
      .map { folder.appendingPathComponent($0) }
  }()

  @Test(arguments: GridPresentation.allCases)
  func everyReadableFixtureConvertsAndReadsBack(presentation: GridPresentation) throws {
    let dir = try WriterTestSupport.scratch()
    var written: [URL] = []
    var converted = 0
    for source in Self.sources {
      guard let book = try? XLSXReader(path: source.path).readWorkbook() else { continue }
      let name = source.deletingPathExtension().lastPathComponent
      do {
        let out = dir.appendingPathComponent("\(name)-\(presentation).xlsx")
        try XLSXWriter.write(workbook: book, to: out.path, presentation: presentation)
        written.append(out)
        var expected = Self.asWritten(book)
        if expected.sheets.isEmpty { expected.sheets = [Sheet(name: "Sheet1")] }
        let back = try WriterTestSupport.readBack(out)
        for i in expected.sheets.indices where i < back.sheets.count {
          expected.sheets[i].name = back.sheets[i].name  // renames, if any
          if presentation == .table {
            expected.sheets[i].visibility = back.sheets[i].visibility
            for r in expected.sheets[i].rows.indices { expected.sheets[i].rows[r].isHidden = false }
          }
        }
        WriterTestSupport.expectSameGrid(back, expected, comparesStyles: presentation == .preserve)
        if presentation == .preserve {
          #expect(back.sheets.map(\.mergedRanges) == expected.sheets.map { $0.mergedRanges.filter { $0.start != $0.end } }, "\(name)")
        }
      }
      converted += 1
    }
    #expect(converted >= 20, "only \(converted) fixtures were readable")
    try WriterTestSupport.expectValid(written)
  }

  /// What the writer is documented to change: error codes newer than the
  /// transitional schema's (`#SPILL!`...) become text, and a date without a
  /// number format gets the one its display calls for.
  static func asWritten(_ book: Workbook) -> Workbook {
    var result = book
    for s in result.sheets.indices {
      for r in result.sheets[s].rows.indices {
        for c in result.sheets[s].rows[r].cells.indices {
          let cell = result.sheets[s].rows[r].cells[c]
          switch cell.value {
          case .error(let error) where !["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA"].contains(error.code):
            result.sheets[s].rows[r].cells[c].value = .text(error.code)
          case .date(let date):
            var style = result.style(of: cell)
            guard style.numberFormat == nil else { break }
            style.numberFormat = ["month": "mmm-yy", "date": "dd/mm/yyyy", "dateTime": "dd/mm/yyyy hh:mm", "time": "hh:mm:ss"][date.display.rawValue]
            result.styles.append(style)
            result.sheets[s].rows[r].cells[c].style = result.styles.count - 1
          default:
            break
          }
        }
      }
    }
    return result
  }
}
