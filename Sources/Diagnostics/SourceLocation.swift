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
  /// The file, sheet and part, interned (so a location copies without
  /// reference counting; see `SourceOrigin`).
  public var origin: SourceOrigin
  /// The cell and line, packed (`PackedPosition`: a location is 16 bytes).
  private var position: PackedPosition

  /// The cell, when the location is one cell.
  public var cell: CellAddress? {
    get { position.cell }
    set { position = PackedPosition(cell: newValue, line: position.line) }
  }
  /// The 1-based physical line where the record starts (CSV/TSV only).
  public var line: Int? {
    get { position.line }
    set { position = PackedPosition(cell: position.cell, line: newValue) }
  }

  /// Creates a location.
  public init(
    file: String, sheet: String? = nil, cell: CellAddress? = nil, line: Int? = nil,
    part: String? = nil
  ) {
    self.origin = SourceOrigin(file: file, sheet: sheet, part: part)
    self.position = PackedPosition(cell: cell, line: line)
  }

  /// Creates a location in an origin already interned.
  public init(origin: SourceOrigin, cell: CellAddress? = nil, line: Int? = nil) {
    self.origin = origin
    self.position = PackedPosition(cell: cell, line: line)
  }

  /// The file as the user named it.
  public var file: String {
    get { origin.file }
    set { origin = SourceOrigin(file: newValue, sheet: origin.sheet, part: origin.part) }
  }

  /// The sheet name; `nil` for CSV/TSV and for whole-file problems.
  public var sheet: String? {
    get { origin.sheet }
    set { origin = SourceOrigin(file: origin.file, sheet: newValue, part: origin.part) }
  }

  /// An inner part of a package (`xl/worksheets/sheet1.xml`), for XLSX errors.
  public var part: String? {
    get { origin.part }
    set { origin = SourceOrigin(file: origin.file, sheet: origin.sheet, part: newValue) }
  }

  /// The same location moved to another cell (the line is dropped unless given).
  public func at(_ cell: CellAddress?, line: Int? = nil) -> SourceLocation {
    SourceLocation(origin: origin, cell: cell, line: line)
  }

  private enum CodingKeys: String, CodingKey {
    case file, sheet, cell, line, part
  }

  /// Decodes `{"file": ..., "sheet": ..., "cell": "B7", "line": ..., "part": ...}`.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      file: try c.decode(String.self, forKey: .file), sheet: try c.decodeIfPresent(String.self, forKey: .sheet),
      cell: try c.decodeIfPresent(CellAddress.self, forKey: .cell), line: try c.decodeIfPresent(Int.self, forKey: .line),
      part: try c.decodeIfPresent(String.self, forKey: .part))
  }

  /// Encodes the keys in the order above, absent values left out.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    let names = origin
    try c.encode(names.file, forKey: .file)
    try c.encodeIfPresent(names.sheet, forKey: .sheet)
    try c.encodeIfPresent(cell, forKey: .cell)
    try c.encodeIfPresent(line, forKey: .line)
    try c.encodeIfPresent(names.part, forKey: .part)
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
    let plain: Bool
    if name.utf8.allSatisfy({ $0 < 0x80 }) {
      // ASCII (nearly every sheet name): without Unicode property tables.
      let bytes = name.utf8
      plain = !bytes.isEmpty && !(bytes.first! >= 48 && bytes.first! <= 57)
        && bytes.allSatisfy { ($0 | 0x20) >= 97 && ($0 | 0x20) <= 122 || ($0 >= 48 && $0 <= 57) || $0 == 95 || $0 == 46 }
    } else {
      plain = name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "." }
        && !(name.first?.isNumber ?? false)
    }
    if plain { return name }
    return "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
  }
}

extension String {
  fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
    split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
  }
}
