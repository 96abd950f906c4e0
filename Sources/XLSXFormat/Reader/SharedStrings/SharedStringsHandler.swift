import XMLStream

/// Reads `sharedStrings.xml` into a `SharedStringTable`: each `<si>` is the
/// concatenation of its `<t>` texts (plain, or in rich-text runs `<r>`),
/// phonetic runs (`<rPh>`) dropped, `_xHHHH_` escapes decoded and whitespace
/// kept exactly as stored. `count`/`uniqueCount` are only capacity hints.
final class SharedStringsHandler: XMLEventHandler {
  let table = SharedStringTable()
  private let file: String
  private let part: String
  /// The read's work budget, charged one record per `<si>` (empty ones too).
  var budget: ReadBudget?
  private let maxTotalTextBytes: Int
  @exclusivity(unchecked) private var inItem = false
  @exclusivity(unchecked) private var inText = false
  @exclusivity(unchecked) private var phoneticDepth = 0

  init(file: String, part: String, maxTotalTextBytes: Int) {
    self.file = file
    self.part = part
    self.maxTotalTextBytes = maxTotalTextBytes
  }

  func startElement(_ name: XMLBytes, namespace: Int, attributes: XMLAttributes) throws {
    guard Namespaces.isMain(namespace) else { return }
    if name.equals("t") {
      inText = inItem && phoneticDepth == 0
    } else if name.equals("si") {
      try budget?.charge(part: part, what: "shared-string items")
      table.beginItem()
      inItem = true
      phoneticDepth = 0
    } else if name.equals("rPh") {
      phoneticDepth += 1
    } else if name.equals("sst"), let count = attributes.value(named: "uniqueCount").flatMap(XMLValue.integer) {
      table.reserve(count)
    }
  }

  func endElement(_ name: XMLBytes, namespace: Int) {
    guard Namespaces.isMain(namespace) else { return }
    if name.equals("t") {
      inText = false
    } else if name.equals("si") {
      if inItem { table.endItem() }
      inItem = false
    } else if name.equals("rPh") {
      phoneticDepth -= 1
    }
  }

  func characters(_ text: XMLBytes) throws {
    guard inText else { return }
    table.append(text)
    if table.totalBytes > maxTotalTextBytes {
      throw XLSXError.tooMuchText(file: file, part: part, sheet: nil, cell: nil, limit: maxTotalTextBytes)
    }
  }

  /// The table, once the part has been parsed.
  func finish() -> SharedStringTable {
    table.finish()
    return table
  }
}
