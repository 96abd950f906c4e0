import Diagnostics
import Grid
public import XLSXFormat

/// Reads XLSX workbooks for `GridReader`: the single place where XLSX input
/// joins TrackerKit. Streams the chosen sheet (every worksheet when none is
/// chosen) straight from `XLSXReader` into the consumer and translates
/// `XLSXError` into `InputError`.
enum XLSXInput {
  /// Streams the selected sheet (or every worksheet) of the workbook at `path`.
  ///
  /// `sheet` picks among worksheets (chart sheets hold no cells) by name,
  /// then ignoring case, then by 1-based number, as for CSV.
  ///
  /// - Returns: notes on what was skipped (chart sheets).
  /// - Throws: `InputError`, or whatever `consumer` throws.
  static func stream(
    _ source: InputSource, sheet: SheetSelector?, into consumer: inout some RowConsumer
  ) throws -> [Diagnostic] {
    let path = source.name
    let reader = try open(source)
    var selection = SheetSelection.all
    if let sheet {
      let names = reader.worksheets.map(\.name)
      guard let index = sheet.index(in: names) else {
        if let other = reader.sheets.first(where: { $0.name == sheet.text && $0.kind != .worksheet }) {
          throw InputError.unsupported(
            location: SourceLocation(file: path, sheet: other.name),
            reason: "sheet \"\(other.name)\" is a \(describe(other.kind)) and holds no cells")
        }
        throw InputError.sheetNotFound(location: SourceLocation(file: path), requested: sheet.text, available: names)
      }
      selection = .index(index + 1)
    }
    try read(reader, selection, into: &consumer)
    return skippedSheets(reader, path: path)
  }

  /// Calls `body` once per worksheet, in workbook order, with its name and a
  /// function that streams that sheet into a consumer; the workbook is opened
  /// and its shared strings read once.
  ///
  /// - Returns: notes on what was skipped (chart sheets).
  /// - Throws: `InputError`, or whatever `body` throws.
  static func eachWorksheet<Consumer: RowConsumer>(
    _ source: InputSource, consumer: Consumer.Type,
    _ body: (_ name: String, _ read: (inout Consumer) throws -> Void) throws -> Void
  ) throws -> [Diagnostic] {
    let path = source.name
    let reader = try open(source)
    for (index, sheet) in reader.worksheets.enumerated() {
      try body(sheet.name) { consumer in try read(reader, .index(index + 1), into: &consumer) }
    }
    return skippedSheets(reader, path: path)
  }

  /// Opens a workbook file, or one read into memory (standard input).
  static func open(_ source: InputSource) throws(InputError) -> XLSXReader {
    do {
      switch source.content {
      case .file(let path): return try XLSXReader(path: path)
      case .bytes(let bytes): return try XLSXReader(bytes: bytes, name: source.name)
      }
    } catch {
      throw InputError(error)
    }
  }

  private static func read(_ reader: XLSXReader, _ selection: SheetSelection, into consumer: inout some RowConsumer)
    throws
  {
    do {
      try reader.read(selection, into: &consumer)
    } catch let error as XLSXError {
      throw InputError(error)
    }
  }

  private static func describe(_ kind: XLSXSheet.Kind) -> String {
    switch kind {
    case .worksheet: "worksheet"
    case .chartsheet: "chart sheet"
    case .dialogsheet: "dialog sheet"
    case .macrosheet: "macro sheet"
    case .unknown: "sheet of a kind wsoa does not know"
    }
  }

  /// `xlsx.sheet_skipped` for each sheet that holds no cells (chart, dialog,
  /// macro sheet), naming file and sheet: the one source of this finding for
  /// `dump` (`GridReader`) and for every command that loads a tracker (`TrackerLoader`).
  static func skippedSheets(_ reader: XLSXReader, path: String) -> [Diagnostic] {
    reader.sheets.filter { $0.kind != .worksheet }.map { skipped in
      Diagnostic(
        code: "xlsx.sheet_skipped", severity: .info,
        message: "sheet \"\(skipped.name)\" is a \(describe(skipped.kind)) and holds no cells; it is skipped",
        location: SourceLocation(file: path, sheet: skipped.name))
    }
  }
}

extension InputError {
  /// Translates an XLSX reader error, keeping its file, part, sheet and cell.
  public init(_ error: XLSXError) {
    if error.isUnopenable {
      self = .unreadable(location: error.location, reason: error.reason)
    } else if error.isEncryptedOrLegacy {
      self = .unsupported(location: error.location, reason: error.reason)
    } else if case .sheetNotFound(let file, let name, let available) = error {
      self = .sheetNotFound(location: SourceLocation(file: file), requested: name, available: available)
    } else {
      self = .malformed(location: error.location, reason: error.reason)
    }
  }
}
