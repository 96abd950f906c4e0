import ByteScan

/// One entry listed in a zip archive's central directory.
///
/// The sizes come from the archive's headers and are only hints: reading
/// counts the bytes actually inflated.
public struct ZipEntry: Hashable, Sendable {
  /// The entry's position in the central directory (0-based).
  public var index: Int
  /// The name exactly as stored (may use `\` or odd case).
  public var name: String
  /// The uncompressed size the header declares.
  public var declaredSize: Int
  /// The compressed size the header declares.
  public var compressedSize: Int

  /// Creates an entry description.
  public init(index: Int, name: String, declaredSize: Int, compressedSize: Int) {
    self.index = index
    self.name = name
    self.declaredSize = declaredSize
    self.compressedSize = compressedSize
  }

  /// The lookup key for a part name: `\` becomes `/`, a leading `/` is
  /// dropped and letters are lower-cased, so `/XL\SharedStrings.xml` and
  /// `xl/sharedStrings.xml` are the same part.
  public static func normalizedName(_ name: String) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(name.utf8.count)
    var isASCII = true
    for byte in name.utf8 {
      if byte == UInt8(ascii: "\\") {
        bytes.append(UInt8(ascii: "/"))
      } else {
        if byte >= 0x80 { isASCII = false }
        bytes.append(ASCIICase.lower(byte))
      }
    }
    while bytes.first == UInt8(ascii: "/") { bytes.removeFirst() }
    let folded = String(decoding: bytes, as: UTF8.self)
    return isASCII ? folded : folded.lowercased()
  }
}
