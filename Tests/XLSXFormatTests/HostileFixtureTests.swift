import Diagnostics
import Grid
import TestSupport
import Testing
import XLSXFormat
import ZipArchive

/// Every hostile or broken fixture fails with its own specific error, which
/// names the file and, where there is one, the part and cell.
@Suite struct HostileFixtureTests {
  private func error(_ name: String, limits: XLSXLimits = .default, prefetch: Bool = true) -> XLSXError? {
    let path = Fixtures.url("xlsx/\(name)").path
    do {
      _ = try XLSXReader(path: path, name: name, limits: limits, prefetch: prefetch).readWorkbook()
      return nil
    } catch {
      return error
    }
  }

  @Test func passwordProtectedOrLegacy() throws {
    let found = try #require(error("hostile-password-protected.xlsx"))
    #expect(found == .archive(.encryptedOrLegacyFormat(archive: "hostile-password-protected.xlsx")))
    #expect(
      found.description == "hostile-password-protected.xlsx: this workbook is password-protected or in the legacy "
        + ".xls format; save it as .xlsx without a password")
  }

  @Test func notAZip() throws {
    guard case .archive(.notAZip(let archive, let reason)) = error("hostile-not-a-zip.xlsx") else {
      Issue.record("expected notAZip")
      return
    }
    #expect(archive == "hostile-not-a-zip.xlsx")
    #expect(reason.contains("starts with \"<\""))
    guard case .archive(.notAZip(_, let empty)) = error("hostile-empty-file.xlsx") else {
      Issue.record("expected notAZip for an empty file")
      return
    }
    #expect(empty == "the file is empty")
  }

  @Test func missingFile() {
    guard case .archive(.cannotOpen(let archive, _)) = error("no-such-file.xlsx") else {
      Issue.record("expected cannotOpen")
      return
    }
    #expect(archive == "no-such-file.xlsx")
  }

  @Test func truncated() {
    guard case .archive(.notAZip(_, let reason)) = error("hostile-truncated.xlsx") else {
      Issue.record("expected notAZip for a truncated archive")
      return
    }
    #expect(reason.contains("truncated"))
  }

  @Test(arguments: [true, false]) func badCRC(prefetch: Bool) {
    guard case .archive(.corruptEntry(_, let entry, let reason)) = error("hostile-bad-crc.xlsx", prefetch: prefetch)
    else {
      Issue.record("expected corruptEntry")
      return
    }
    #expect(entry == "xl/worksheets/sheet1.xml")
    #expect(reason.contains("CRC"))
  }

  @Test func corruptDeflate() {
    guard case .archive(.corruptEntry(_, let entry, _)) = error("hostile-corrupt-deflate.xlsx") else {
      Issue.record("expected corruptEntry")
      return
    }
    #expect(entry == "xl/worksheets/sheet1.xml")
  }

  @Test(arguments: [true, false]) func zipBomb(prefetch: Bool) {
    guard
      case .archive(.suspiciousCompressionRatio(let archive, let entry, let compressed, let inflated)) = error(
        "hostile-zip-bomb.xlsx", prefetch: prefetch)
    else {
      Issue.record("expected suspiciousCompressionRatio")
      return
    }
    #expect(archive == "hostile-zip-bomb.xlsx")
    #expect(entry == "xl/worksheets/sheet1.xml")
    // Stopped within a few megabytes (libzip reads compressed input in small
    // blocks), not after 200 MB.
    #expect(inflated <= 8 << 20)
    #expect(compressed < 64 << 10)
  }

  @Test func entryAndTotalCaps() {
    var limits = XLSXLimits()
    limits.zip.maxEntrySize = 1000
    guard case .archive(.entryTooLarge(_, let entry, 1000)) = error("openpyxl-tracker.xlsx", limits: limits) else {
      Issue.record("expected entryTooLarge")
      return
    }
    #expect(entry.hasSuffix(".xml"))
    limits = XLSXLimits()
    limits.zip.maxTotalSize = 20_000
    guard case .archive(.totalTooLarge(_, _, 20_000)) = error("openpyxl-tracker.xlsx", limits: limits) else {
      Issue.record("expected totalTooLarge")
      return
    }
  }

  @Test func tooManyEntries() {
    #expect(
      error("hostile-many-entries.xlsx")
        == .archive(.tooManyEntries(archive: "hostile-many-entries.xlsx", count: 10_006, limit: 10_000)))
  }

  @Test func duplicateNames() {
    #expect(
      error("hostile-duplicate-names.xlsx")
        == .archive(
          .duplicateEntry(
            archive: "hostile-duplicate-names.xlsx", entry: "xl/worksheets/Sheet1.xml",
            other: "xl/worksheets/sheet1.xml")))
  }

  @Test func doctypeRefused() {
    #expect(error("hostile-doctype.xlsx") == .doctypeForbidden(file: "hostile-doctype.xlsx", part: "xl/workbook.xml", line: 2))
  }

  @Test func billionLaughsRefused() {
    guard case .doctypeForbidden(_, let part, _) = error("hostile-billion-laughs.xlsx") else {
      Issue.record("expected doctypeForbidden")
      return
    }
    #expect(part == "xl/sharedStrings.xml")
  }

  @Test func externalEntityRefused() {
    guard case .doctypeForbidden(_, let part, _) = error("hostile-xxe.xlsx") else {
      Issue.record("expected doctypeForbidden")
      return
    }
    #expect(part == "xl/worksheets/sheet1.xml")
  }

  @Test func malformedXMLNamesPartLineAndColumn() throws {
    let found = try #require(error("hostile-malformed-xml.xlsx"))
    guard case .malformedXML(let file, let part, let line, let column, let reason) = found else {
      Issue.record("expected malformedXML, got \(found)")
      return
    }
    #expect(file == "hostile-malformed-xml.xlsx")
    #expect(part == "xl/worksheets/sheet1.xml")
    #expect(line == 5)
    #expect(column > 0)
    #expect(reason.contains("mismatch"))
    #expect(found.description.hasPrefix("hostile-malformed-xml.xlsx:xl/worksheets/sheet1.xml:5:13: "))
  }

  @Test func textInvalidInItsEncoding() throws {
    let found = try #require(error("hostile-bad-encoding.xlsx"))
    guard case .malformedXML(_, let part, _, _, let reason) = found else {
      Issue.record("expected malformedXML, got \(found)")
      return
    }
    #expect(part == "xl/worksheets/sheet1.xml")
    #expect(reason == "the bytes are not valid text in the part's encoding")
  }

  @Test func sharedStringOutOfRange() throws {
    let found = error("hostile-sst-index.xlsx")
    #expect(
      found
        == .sharedStringOutOfRange(
          file: "hostile-sst-index.xlsx", part: "xl/worksheets/sheet1.xml", sheet: "Sheet1",
          cell: CellAddress(row: 1, column: 2), index: 5, count: 2))
    #expect(found?.description.hasPrefix("hostile-sst-index.xlsx:xl/worksheets/sheet1.xml:Sheet1!B1:") == true)
  }

  @Test(arguments: [("hostile-ref-a0.xlsx", "A0"), ("hostile-ref-xfe1.xlsx", "XFE1")])
  func referenceOutsideExcelsGrid(_ name: String, _ reference: String) {
    #expect(
      error(name)
        == .invalidReference(file: name, part: "xl/worksheets/sheet1.xml", sheet: "Sheet1", reference: reference))
  }

  @Test func rowsOutOfOrder() {
    #expect(
      error("hostile-rows-out-of-order.xlsx")
        == .rowOutOfOrder(
          file: "hostile-rows-out-of-order.xlsx", part: "xl/worksheets/sheet1.xml", sheet: "Sheet1", row: 3,
          previous: 5))
  }

  @Test func invalidValues() {
    #expect(
      error("hostile-bad-boolean.xlsx")
        == .invalidCellValue(
          file: "hostile-bad-boolean.xlsx", part: "xl/worksheets/sheet1.xml", sheet: "Sheet1",
          cell: CellAddress(row: 1, column: 1), type: "b", value: "yes"))
    #expect(
      error("hostile-bad-number.xlsx")
        == .invalidCellValue(
          file: "hostile-bad-number.xlsx", part: "xl/worksheets/sheet1.xml", sheet: "Sheet1",
          cell: CellAddress(row: 1, column: 2), type: "n", value: "12abc"))
  }

  @Test func cellOutsideItsRowAndDuplicateCell() {
    #expect(
      error("hostile-cell-outside-row.xlsx")
        == .cellOutsideRow(
          file: "hostile-cell-outside-row.xlsx", part: "xl/worksheets/sheet1.xml", sheet: "Sheet1",
          cell: CellAddress(row: 7, column: 2), row: 2))
    #expect(
      error("hostile-duplicate-cell.xlsx")
        == .duplicateCell(
          file: "hostile-duplicate-cell.xlsx", part: "xl/worksheets/sheet1.xml", sheet: "Sheet1",
          cell: CellAddress(row: 1, column: 2)))
  }

  @Test func cellTextOverExcelsLimit() {
    #expect(
      error("hostile-long-cell.xlsx")
        == .cellTextTooLong(
          file: "hostile-long-cell.xlsx", part: "xl/worksheets/sheet1.xml", sheet: "Sheet1",
          cell: CellAddress(row: 1, column: 1), length: 40_000, limit: 32_767))
  }

  @Test func sharedStringAmplification() {
    guard case .tooMuchText(let file, let part, let sheet, let cell, let limit) = error("hostile-sst-amplification.xlsx")
    else {
      Issue.record("expected tooMuchText")
      return
    }
    #expect(file == "hostile-sst-amplification.xlsx")
    #expect(part == "xl/worksheets/sheet1.xml")
    #expect(sheet == "Sheet1")
    // 32,000 bytes per reference: 256 MiB is passed at row 8,389.
    #expect(cell == CellAddress(row: 8_389, column: 1))
    #expect(limit == 256 << 20)
  }

  @Test func tooManyCells() {
    var limits = XLSXLimits()
    limits.maxCells = 10_000
    // Rows, relationships, styles and the sheet read are charged with the
    // cells (one work budget), so the limit is passed at row 2,496, not 3,334.
    #expect(
      error("hostile-many-cells.xlsx", limits: limits)
        == .tooManyCells(
          file: "hostile-many-cells.xlsx", part: "xl/worksheets/sheet1.xml", sheet: "Sheet1",
          cell: CellAddress(row: 2496, column: 2), limit: 10_000))
  }

  @Test func missingPartAndNoWorkbook() {
    #expect(
      error("hostile-missing-sheet-part.xlsx")
        == .missingPart(
          file: "hostile-missing-sheet-part.xlsx", part: "xl/worksheets/sheet1.xml", referencedBy: "xl/workbook.xml"))
    #expect(error("hostile-no-workbook.xlsx") == .noWorkbook(file: "hostile-no-workbook.xlsx"))
  }
}
