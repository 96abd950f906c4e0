import Diagnostics
import Foundation
import Grid
import TrackerKit
import XLSXFormat
import ZipArchive

/// An annotated workbook as the tests see it: the sheets through our
/// XLSXReader, and from the package XML what the reader does not keep: the
/// Findings sheet's hyperlinks and which cells have a thick (outline)
/// border in which colour. Our writer names the worksheet parts
/// `sheet1.xml`, `sheet2.xml`, … in workbook order.
struct AnnotatedWorkbookProbe {
  let workbook: Workbook
  /// Sheet name → A1 → the outline colour (0xRRGGBB) of cells with a thick border.
  let outlines: [String: [String: UInt32]]
  /// The Findings sheet's links: A1 of the linking cell → target (`'Priority 2'!J8`).
  let links: [String: String]

  init(path: String) throws {
    workbook = try XLSXReader(path: path).readWorkbook()
    let zip = try ZipReader(path: path)
    func part(_ name: String) throws -> String {
      guard let entry = zip.entry(named: name) else { return "" }
      return String(decoding: try zip.readAll(entry), as: UTF8.self)
    }
    let styles = try part("xl/styles.xml")
    let borderColours = Self.elements("border", in: Self.section("borders", in: styles)).map { border -> UInt32? in
      guard border.contains("style=\"thick\""), let rgb = Self.attribute("rgb", in: border) else { return nil }
      return UInt32(rgb.suffix(6), radix: 16)
    }
    let xfBorders = Self.elements("xf", in: Self.section("cellXfs", in: styles)).map { Int(Self.attribute("borderId", in: $0) ?? "0") ?? 0 }
    var outlines: [String: [String: UInt32]] = [:]
    var links: [String: String] = [:]
    for (index, sheet) in workbook.sheets.enumerated() {
      let xml = try part("xl/worksheets/sheet\(index + 1).xml")
      for cell in xml.components(separatedBy: "<c ").dropFirst() {
        let head = " " + String(cell.prefix { $0 != ">" })
        guard let ref = Self.attribute("r", in: head), let style = Int(Self.attribute("s", in: head) ?? "0"),
          xfBorders.indices.contains(style), borderColours.indices.contains(xfBorders[style]),
          let colour = borderColours[xfBorders[style]]
        else { continue }
        outlines[sheet.name, default: [:]][ref] = colour
      }
      if sheet.name.hasPrefix(FindingsSheet.name) {
        for link in xml.components(separatedBy: "<hyperlink ").dropFirst() {
          let head = " " + String(link.prefix { $0 != ">" })
          if let ref = Self.attribute("ref", in: head), let location = Self.attribute("location", in: head) {
            links[ref] = location.replacingOccurrences(of: "&apos;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
          }
        }
      }
    }
    self.outlines = outlines
    self.links = links
  }

  /// A sheet by name.
  func sheet(_ name: String) -> Sheet? { workbook.sheets.first { $0.name == name } }

  /// The Findings sheet's rows as text, header first.
  var findingRows: [[String]] {
    guard let sheet = sheet(FindingsSheet.name) else { return [] }
    return sheet.rows.map { row in
      (1...FindingsSheet.header.count).map { column in row.cells.first { $0.column == column }?.value.displayText ?? "" }
    }
  }

  /// The value at `'Sheet'!A1`, or `nil` when the sheet or the cell is missing.
  func value(at reference: String) -> CellValue? {
    guard let (sheetName, address) = Self.split(reference), let sheet = sheet(sheetName),
      let row = sheet.rows.first(where: { $0.number == address.row })
    else { return nil }
    return row.cells.first { $0.column == address.column }?.value
  }

  /// `'Priority 2'!J8` → ("Priority 2", J8).
  static func split(_ reference: String) -> (String, CellAddress)? {
    guard let bang = reference.lastIndex(of: "!"), let address = CellAddress(a1: String(reference[reference.index(after: bang)...]))
    else { return nil }
    var sheet = String(reference[..<bang])
    if sheet.hasPrefix("'"), sheet.hasSuffix("'"), sheet.count >= 2 {
      sheet = String(sheet.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'")
    }
    return (sheet, address)
  }

  private static func section(_ name: String, in xml: String) -> String {
    guard let start = xml.range(of: "<\(name)"), let end = xml.range(of: "</\(name)>", range: start.upperBound..<xml.endIndex)
    else { return "" }
    return String(xml[start.upperBound..<end.lowerBound])
  }

  /// Each `<name …>…</name>` or `<name …/>` element's text, in order.
  private static func elements(_ name: String, in xml: String) -> [String] {
    var out: [String] = []
    for piece in xml.components(separatedBy: "<\(name)").dropFirst() {
      guard let first = piece.first, first == " " || first == ">" || first == "/" else { continue }
      if let end = piece.range(of: "</\(name)>") { out.append(String(piece[..<end.lowerBound])) } else { out.append(piece) }
    }
    return out
  }

  private static func attribute(_ name: String, in text: String) -> String? {
    guard let start = text.range(of: " \(name)=\"") else { return nil }
    return String(text[start.upperBound...].prefix { $0 != "\"" })
  }
}
