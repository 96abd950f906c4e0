/// Builds small zip archives in memory with stored (uncompressed) entries,
/// for tests and the fuzz target that need an XLSX package around bytes
/// they choose. Independent of the product's zip code on purpose.
public enum StoredZip {
  /// A zip archive holding `entries` (name, bytes) in order.
  public static func archive(_ entries: [(name: String, bytes: [UInt8])]) -> [UInt8] {
    var out: [UInt8] = []
    var central: [UInt8] = []
    for (name, bytes) in entries {
      let nameBytes = Array(name.utf8)
      let crc = crc32(bytes)
      let offset = out.count
      out += le32(0x0403_4B50) + le16(20) + le16(0) + le16(0) + le16(0) + le16(0x21)
      out += le32(crc) + le32(UInt32(bytes.count)) + le32(UInt32(bytes.count))
      out += le16(UInt16(nameBytes.count)) + le16(0) + nameBytes + bytes
      central += le32(0x0201_4B50) + le16(20) + le16(20) + le16(0) + le16(0) + le16(0) + le16(0x21)
      central += le32(crc) + le32(UInt32(bytes.count)) + le32(UInt32(bytes.count))
      central += le16(UInt16(nameBytes.count)) + le16(0) + le16(0) + le16(0) + le16(0) + le32(0)
      central += le32(UInt32(offset)) + nameBytes
    }
    let centralOffset = out.count
    out += central
    out += le32(0x0605_4B50) + le16(0) + le16(0) + le16(UInt16(entries.count)) + le16(UInt16(entries.count))
    out += le32(UInt32(central.count)) + le32(UInt32(centralOffset)) + le16(0)
    return out
  }

  /// A one-sheet XLSX package whose worksheet part is `sheet` (any bytes),
  /// with a two-item shared-strings table and a styles part with a date format.
  public static func workbook(sheet: [UInt8]) -> [UInt8] {
    let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    let pkg = "http://schemas.openxmlformats.org/package/2006/relationships"
    let parts: [(String, String)] = [
      ("_rels/.rels", "<Relationships xmlns=\"\(pkg)\"><Relationship Id=\"r1\" Type=\"\(rel)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"),
      ("xl/workbook.xml", "<workbook xmlns=\"\(main)\" xmlns:r=\"\(rel)\"><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"r1\"/></sheets></workbook>"),
      ("xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"\(pkg)\"><Relationship Id=\"r1\" Type=\"\(rel)/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"r2\" Type=\"\(rel)/sharedStrings\" Target=\"sharedStrings.xml\"/><Relationship Id=\"r3\" Type=\"\(rel)/styles\" Target=\"styles.xml\"/></Relationships>"),
      ("xl/sharedStrings.xml", "<sst xmlns=\"\(main)\"><si><t>a</t></si><si><r><t>b</t></r><rPh><t>c</t></rPh></si></sst>"),
      ("xl/styles.xml", "<styleSheet xmlns=\"\(main)\"><numFmts><numFmt numFmtId=\"164\" formatCode=\"mmm-yy\"/></numFmts><fills><fill/><fill/><fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFFF0000\"/></patternFill></fill></fills><cellXfs><xf/><xf numFmtId=\"164\"/><xf fillId=\"2\"/></cellXfs></styleSheet>"),
    ]
    return archive(parts.map { ($0.0, Array($0.1.utf8)) } + [("xl/worksheets/sheet1.xml", sheet)])
  }

  private static func le16(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8)] }
  private static func le32(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: v >> (8 * $0)) } }

  private static let table: [UInt32] = (0..<256).map { n in
    var c = UInt32(n)
    for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
    return c
  }

  /// The zip CRC-32 of `bytes`.
  public static func crc32(_ bytes: [UInt8]) -> UInt32 {
    var c: UInt32 = 0xFFFF_FFFF
    for byte in bytes { c = table[Int((c ^ UInt32(byte)) & 0xFF)] ^ (c >> 8) }
    return c ^ 0xFFFF_FFFF
  }
}
