import XMLStream

/// One `<sheet>` entry of `workbook.xml`, before its relationship is followed.
struct SheetEntry: Hashable, Sendable {
  var name: String
  var state: String?
  var relationshipID: String?
}

/// Reads `workbook.xml`: the sheets in workbook order (name, state, `r:id`,
/// whatever the prefix) and `workbookPr date1904`.
final class WorkbookPartHandler: XMLEventHandler {
  private(set) var sheets: [SheetEntry] = []
  private(set) var usesDate1904 = false
  /// The read's work budget and the workbook part, when charged.
  var budget: (ReadBudget, part: String)?

  func startElement(_ name: XMLBytes, namespace: Int, attributes: XMLAttributes) throws {
    guard Namespaces.isMain(namespace) else { return }
    if name.equals("sheet") {
      if let (budget, part) = budget { try budget.charge(part: part, what: "<sheet> entries") }
      let relationshipID =
        attributes.value(named: "id", namespace: Namespaces.officeRelationships)
        ?? Self.anyID(attributes)
      sheets.append(
        SheetEntry(
          name: attributes.value(named: "name")?.string ?? "",
          state: attributes.value(named: "state")?.string,
          relationshipID: relationshipID?.string))
    } else if name.equals("workbookPr") {
      if let value = attributes.value(named: "date1904") {
        usesDate1904 = XMLValue.isTrue(value)
      }
    }
  }

  func endElement(_ name: XMLBytes, namespace: Int) {}
  func characters(_ text: XMLBytes) {}

  /// An `id` attribute in any namespace (writers that mis-declare `r:`).
  private static func anyID(_ attributes: XMLAttributes) -> XMLBytes? {
    for i in 0..<attributes.count where attributes.localName(at: i).equals("id") {
      return attributes.value(at: i)
    }
    return nil
  }
}

/// Small parsers for attribute values.
enum XMLValue {
  /// `xsd:boolean`: `1`/`true` are true; anything else (`0`, `false`) is false.
  static func isTrue(_ value: XMLBytes) -> Bool {
    value.equals("1") || value.equals("true") || value.equals("True") || value.equals("TRUE")
  }

  /// A non-negative decimal integer, or nil (overflow-safe; at most 18 digits).
  static func integer(_ value: XMLBytes) -> Int? {
    guard !value.isEmpty, value.count <= 18 else { return nil }
    var n = 0
    for i in 0..<value.count {
      let digit = value[i] &- UInt8(ascii: "0")
      guard digit < 10 else { return nil }
      n = n * 10 + Int(digit)
    }
    return n
  }

  /// A non-negative decimal integer in a byte buffer, or nil.
  static func integer(_ bytes: some Collection<UInt8>) -> Int? {
    guard !bytes.isEmpty, bytes.count <= 18 else { return nil }
    var n = 0
    for byte in bytes {
      let digit = byte &- UInt8(ascii: "0")
      guard digit < 10 else { return nil }
      n = n * 10 + Int(digit)
    }
    return n
  }

  /// A decimal number such as `12.5` (column widths, tints), or nil.
  static func double(_ value: XMLBytes) -> Double? {
    Double(value.string)
  }
}
