import Diagnostics
import Grid
import TrackerModel

/// Rows after the action table: evidence logs, footers, other tables. Kept
/// verbatim as unparsed blocks (one per run of non-blank rows); an evidence
/// log (`ID | Document | Date | Owner` with `E12` codes) is also read.
enum TrailingBlocks {
  /// A row that starts another table: two or more exact header synonyms, or
  /// an evidence-log header.
  static func isHeaderLike(_ row: Row) -> Bool {
    var exact = 0
    var code = false
    var title = false
    for cell in row.cells {
      guard case .text(let s) = cell.value else { continue }
      let count = s.utf8.count
      guard count >= 2, count <= 40, let first = s.utf8.first, (first | 0x20) >= 97 && (first | 0x20) <= 122 || first == 37 else {
        continue
      }
      guard mayBeHeader(s) else { continue }
      let h = HeaderField.normalise(s)
      if HeaderField.exactSynonyms.contains(h) {
        exact += 1
        if exact >= 2 { return true }
      }
      if codeHeaders.contains(h) { code = true } else if titleHeaders.contains(h) { title = true }
    }
    return code && title
  }

  /// Whether a cell (at least two bytes, led by a letter or `%`) can
  /// normalise to any header this file looks for, from its first two
  /// bytes alone: most data cells (leads, codes, names) cannot, and are
  /// spared normalising and hashing. `HeaderField.normalise` lowers the
  /// leading letter and keeps the next byte lowered when it is a word byte;
  /// otherwise the second normalised byte is a space, or there is none.
  static func mayBeHeader(_ text: String) -> Bool {
    var bytes = text.utf8.makeIterator()
    guard let b0 = bytes.next(), let b1 = bytes.next() else { return true }
    return headerStarts[Int(lowerWordByte(b0) ?? 32) << 8 | Int(lowerWordByte(b1) ?? 32)]
  }

  /// The byte as `HeaderField.normalise` keeps it, or nil when it is not a word byte.
  private static func lowerWordByte(_ b: UInt8) -> UInt8? {
    HeaderField.wordByte(b)
  }

  /// First two bytes of every header looked for (a one-byte header counts
  /// with a space second), as `first << 8 | second`.
  private static let headerStarts: [Bool] = {
    var table = [Bool](repeating: false, count: 1 << 16)
    for header in HeaderField.exactSynonyms.union(codeHeaders).union(titleHeaders) {
      let b = Array(header.utf8)
      guard let first = b.first else { continue }
      table[Int(first) << 8 | Int(b.count > 1 ? b[1] : 32)] = true
    }
    return table
  }()

  private static let codeHeaders: Set<String> = ["id", "code", "evidence id", "evidence code", "e code", "ref", "evidence ref"]
  private static let titleHeaders: Set<String> = ["document", "title", "evidence", "name", "description", "document title"]

  /// The code and title columns of an evidence-log header.
  static func evidenceLogColumns(_ row: Row) -> (code: Int, title: Int)? {
    var code: Int?
    var title: Int?
    for cell in row.cells {
      guard case .text(let s) = cell.value, s.utf8.count <= 40 else { continue }
      let h = HeaderField.normalise(s)
      if code == nil, codeHeaders.contains(h) {
        code = cell.column
      } else if title == nil, titleHeaders.contains(h) {
        title = cell.column
      }
    }
    guard let code, let title else { return nil }
    return (code, title)
  }

  /// Reads the rows from the end of the table to the end of the sheet.
  static func read(_ rows: ArraySlice<Row>, context: SheetContext, into reader: inout TableReader) {
    var block: [Row] = []
    func flush() {
      guard let first = block.first else { return }
      let cells = block.flatMap { row in
        row.cells.filter { !CellText.isBlank($0.value) }.map {
          RawCell(text: CellText.of($0.value), source: context.location(row, column: $0.column))
        }
      }
      var kind = "footer"
      if let columns = evidenceLogColumns(first) {
        kind = "evidenceLog"
        reader.evidenceLog += evidenceDocs(block, columns: columns, header: first, context: context)
      } else if isHeaderLike(first) {
        kind = "table"
      }
      reader.unparsed.append(Block(kind: kind, cells: cells))
      let what = kind == "evidenceLog" ? "an evidence log" : kind == "table" ? "another table" : "a footer"
      reader.diagnostics.append(RecognitionDiagnostics.trailingBlock(
        "rows \(first.number)–\(block.last?.number ?? first.number) after the action table are \(what)",
        context.location(first, column: first.cells.first { !CellText.isBlank($0.value) }?.column ?? 1)))
      block = []
    }
    for row in rows {
      if row.cells.allSatisfy({ CellText.isBlank($0.value) }) {
        flush()
      } else {
        block.append(row)
      }
    }
    flush()
  }

  static func evidenceDocs(_ rows: [Row], columns: (code: Int, title: Int), header: Row, context: SheetContext) -> [EvidenceDoc] {
    var docs: [EvidenceDoc] = []
    for row in rows.dropFirst() {
      let code = CellText.of(row.value(at: columns.code)).collapsedWhitespace
      guard EvidenceSplitter.eCode(code) == code else { continue }
      var fields: [String: String] = [:]
      for cell in row.cells where cell.column != columns.code && cell.column != columns.title && !CellText.isBlank(cell.value) {
        let name = CellText.of(header.value(at: cell.column)).collapsedWhitespace
        fields[name.isEmpty ? CellAddress.columnName(cell.column) : name] = CellText.of(cell.value)
      }
      docs.append(EvidenceDoc(
        code: code, title: CellText.of(row.value(at: columns.title)).collapsedWhitespace, fields: fields,
        source: context.location(row, column: columns.code)))
    }
    return docs
  }
}
