import Diagnostics

/// The bytes of one source location in the validate report, as
/// `ValidationReportJSON` writes it on one line:
/// `{"cell":"B7","file":"q3.csv","line":7,"sheet":"…","text":"q3.csv:7 (B7)"}`,
/// composed without building the `text` (`SourceLocation.description`) or
/// the cell's `a1` as strings.
///
/// A report of 100,000 findings holds 200,000 locations, nearly all in one
/// file and sheet: the escaped names of the last origin are kept, so a
/// location costs a few byte copies and two numbers. JSON escaping works
/// byte by byte, so escaping the parts of `text` one by one gives the bytes
/// escaping the whole would.
struct ReportLocationBytes {
  /// The location's bytes, rebuilt by each `compose`.
  private(set) var bytes: [UInt8] = []
  private var origin: SourceOrigin?
  /// `"file":"…"`.
  private var fileKey: [UInt8] = []
  /// `,"sheet":"…"`, empty without a sheet.
  private var sheetKey: [UInt8] = []
  /// `,"text":"file` then `:part` when there is one (escaped, no closing quote).
  private var textStart: [UInt8] = []
  /// The sheet name as a reference quotes it (`'Q3 Actions'`), escaped; `nil` without a sheet.
  private var sheetReference: [UInt8]?

  init() { bytes.reserveCapacity(256) }

  /// Sets `bytes` to the location's object.
  mutating func compose(_ location: SourceLocation) {
    if origin != location.origin { use(location.origin) }
    bytes.removeAll(keepingCapacity: true)
    bytes.append(UInt8(ascii: "{"))
    if let cell = location.cell {
      append(#""cell":""#)
      appendA1(cell)
      append(#"","#)
    }
    bytes += fileKey
    if let line = location.line {
      append(#","line":"#)
      appendDigits(line)
    }
    bytes += sheetKey
    bytes += textStart
    if let line = location.line {
      bytes.append(UInt8(ascii: ":"))
      appendDigits(line)
      if let cell = location.cell {
        append(" (")
        appendA1(cell)
        bytes.append(UInt8(ascii: ")"))
      }
    } else if let cell = location.cell {
      bytes.append(UInt8(ascii: ":"))
      if let sheetReference {
        bytes += sheetReference
        bytes.append(UInt8(ascii: "!"))
      }
      appendA1(cell)
    } else if let sheetReference {
      bytes.append(UInt8(ascii: ":"))
      bytes += sheetReference
    }
    append(#""}"#)
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

  private mutating func append(_ text: StaticString) {
    bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
  }

  /// `CellAddress.a1`: the column's letters (`?` below 1), then the row.
  private mutating func appendA1(_ cell: CellAddress) {
    if cell.column < 1 {
      bytes.append(UInt8(ascii: "?"))
    } else {
      var letters = 1
      var n = (cell.column - 1) / 26
      while n > 0 {
        letters += 1
        n = (n - 1) / 26
      }
      // Written from the last letter back, in place (no slice is reversed).
      var at = bytes.count + letters
      bytes.append(contentsOf: repeatElement(0, count: letters))
      n = cell.column
      while n > 0 {
        at -= 1
        bytes[at] = UInt8(ascii: "A") + UInt8((n - 1) % 26)
        n = (n - 1) / 26
      }
    }
    appendDigits(cell.row)
  }

  /// The decimal digits of `value` as `String(value)` spells them.
  private mutating func appendDigits(_ value: Int) {
    if value < 0 { bytes.append(UInt8(ascii: "-")) }
    var magnitude = value.magnitude
    var digits = 1
    var rest = magnitude / 10
    while rest > 0 {
      digits += 1
      rest /= 10
    }
    // Written from the last digit back, in place (no slice is reversed).
    var at = bytes.count + digits
    bytes.append(contentsOf: repeatElement(0, count: digits))
    repeat {
      at -= 1
      bytes[at] = 48 + UInt8(magnitude % 10)
      magnitude /= 10
    } while magnitude > 0
  }
}
