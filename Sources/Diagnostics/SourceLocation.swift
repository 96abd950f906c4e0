/// Where a value or a problem came from: file, sheet, cell, and for CSV/TSV
/// the physical line on which the record starts.
///
/// Locations are data, carried from the readers through to the printer and
/// rendered only at the edge:
///
/// ```text
/// q3.xlsx:Actions!B7
/// q3.xlsx:'Q3 Actions'!B7
/// returns.csv:12 (B7)
/// ```
public struct SourceLocation: Hashable, Sendable, Codable, CustomStringConvertible {
  /// The file as the user named it.
  public var file: String
  /// The sheet name; `nil` for CSV/TSV and for whole-file problems.
  public var sheet: String?
  /// The cell, when the location is one cell.
  public var cell: CellAddress?
  /// The 1-based physical line where the record starts (CSV/TSV only).
  public var line: Int?
  /// An inner part of a package (`xl/worksheets/sheet1.xml`), for XLSX errors.
  public var part: String?

  /// Creates a location.
  public init(
    file: String, sheet: String? = nil, cell: CellAddress? = nil, line: Int? = nil,
    part: String? = nil
  ) {
    self.file = file
    self.sheet = sheet
    self.cell = cell
    self.line = line
    self.part = part
  }

  /// The same location moved to another cell (the line is dropped unless given).
  public func at(_ cell: CellAddress?, line: Int? = nil) -> SourceLocation {
    SourceLocation(file: file, sheet: sheet, cell: cell, line: line, part: part)
  }

  /// `Sheet!B7` with the sheet quoted as Excel would, or just `B7`.
  public var sheetCell: String? {
    guard let cell else { return nil }
    guard let sheet else { return cell.a1 }
    return "\(SourceLocation.quotedSheetName(sheet))!\(cell.a1)"
  }

  /// The rendered form: `file:Sheet!B7`, `file:'My Sheet'!B7`, `file:12 (B7)`, `file`.
  public var description: String {
    var text = file
    if let part { text += ":" + part }
    if let line {
      text += ":\(line)"
      if let cell { text += " (\(cell.a1))" }
    } else if let sheetCell {
      text += ":" + sheetCell
    } else if let sheet {
      text += ":" + SourceLocation.quotedSheetName(sheet)
    }
    return text
  }

  /// A sheet name quoted as Excel quotes it in references: `'Q3 Actions'`,
  /// with an embedded `'` doubled; plain names are left bare.
  public static func quotedSheetName(_ name: String) -> String {
    let plain = !name.isEmpty
      && name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "." }
      && !(name.first?.isNumber ?? false)
    if plain { return name }
    return "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
  }
}

extension String {
  fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
    split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
  }
}
