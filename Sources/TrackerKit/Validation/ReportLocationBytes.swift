import Diagnostics

/// The bytes of one source location in the validate report, as
/// `ValidationReportJSON` writes it on one line:
/// `{"cell":"B7","file":"q3.csv","line":7,"sheet":"…","text":"q3.csv:7 (B7)"}`,
/// composed straight into the report's buffer without building the `text`
/// (`SourceLocation.description`) or the cell's `a1` as strings.
///
/// A report of 100,000 findings holds 200,000 locations, nearly all in one
/// file and sheet: the escaped names of the last origin are kept, so a
/// location costs a few byte copies and two numbers. JSON escaping works
/// byte by byte, so escaping the parts of `text` one by one gives the bytes
/// escaping the whole would.
struct ReportLocationBytes {
  private var origin: SourceOrigin?
  /// `"file":"…"`.
  private var fileKey: [UInt8] = []
  /// `,"sheet":"…"`, empty without a sheet.
  private var sheetKey: [UInt8] = []
  /// `,"text":"file` then `:part` when there is one (escaped, no closing quote).
  private var textStart: [UInt8] = []
  /// The sheet name as a reference quotes it (`'Q3 Actions'`), escaped; `nil` without a sheet.
  private var sheetReference: [UInt8]?

  init() {}

  /// Writes the location's object as the next value of `out`, straight
  /// into its buffer.
  mutating func write(_ location: SourceLocation, to out: inout JSONOutput) {
    if origin != location.origin { use(location.origin) }
    // The names, two cells, two lines and under 48 bytes of keys and punctuation.
    let most =
      fileKey.count + sheetKey.count + textStart.count + (sheetReference?.count ?? 0)
      + 2 * CellAddress.maxA1Count + 2 * 20 + 48
    out.rawValue(most: most) { start in compose(location, at: start) }
  }

  /// Writes the object at `start`; returns its length.
  private func compose(_ location: SourceLocation, at start: UnsafeMutablePointer<UInt8>) -> Int {
    var p = start
    func put(_ text: StaticString) {
      p.update(from: text.utf8Start, count: text.utf8CodeUnitCount)
      p += text.utf8CodeUnitCount
    }
    func put(_ bytes: [UInt8]) {
      bytes.withUnsafeBufferPointer { b in
        if let from = b.baseAddress { p.update(from: from, count: b.count) }
      }
      p += bytes.count
    }
    func putA1(_ cell: CellAddress) { p += CellAddress.writeA1(row: cell.row, column: cell.column, to: p) }
    func putDigits(_ value: Int) { p += CellAddress.writeDigits(value, to: p) }
    put("{")
    if let cell = location.cell {
      put(#""cell":""#)
      putA1(cell)
      put(#"","#)
    }
    put(fileKey)
    if let line = location.line {
      put(#","line":"#)
      putDigits(line)
    }
    put(sheetKey)
    put(textStart)
    if let line = location.line {
      put(":")
      putDigits(line)
      if let cell = location.cell {
        put(" (")
        putA1(cell)
        put(")")
      }
    } else if let cell = location.cell {
      put(":")
      if let sheetReference {
        put(sheetReference)
        put("!")
      }
      putA1(cell)
    } else if let sheetReference {
      put(":")
      put(sheetReference)
    }
    put(#""}"#)
    return p - start
  }

  private mutating func use(_ origin: SourceOrigin) {
    self.origin = origin
    let file = Self.escaped(origin.file)
    fileKey = Array(#""file":""#.utf8) + file + [UInt8(ascii: "\"")]
    textStart = Array(#","text":""#.utf8) + file
    if let part = origin.part { textStart += [UInt8(ascii: ":")] + Self.escaped(part) }
    if let sheet = origin.sheet {
      sheetKey = Array(#","sheet":""#.utf8) + Self.escaped(sheet) + [UInt8(ascii: "\"")]
      sheetReference = Self.escaped(SourceLocation.quotedSheetName(sheet))
    } else {
      sheetKey = []
      sheetReference = nil
    }
  }

  /// The text's JSON-escaped bytes, without the quotes.
  private static func escaped(_ text: String) -> [UInt8] {
    var out = JSONOutput(sink: nil, pretty: false, capacity: text.utf8.count + 16)
    out.string(text)
    return Array(out.collected.dropFirst().dropLast())
  }
}
