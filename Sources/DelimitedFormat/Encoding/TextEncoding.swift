/// The character encoding a delimited file was read in (or is written in).
public enum TextEncoding: String, Hashable, Sendable, CustomStringConvertible {
  /// UTF-8 without a byte-order mark.
  case utf8 = "utf-8"
  /// UTF-8 with the byte-order mark `EF BB BF` ("CSV UTF-8" from Excel).
  case utf8WithBOM = "utf-8-bom"
  /// UTF-16 little-endian with the byte-order mark `FF FE` (Excel's "Unicode Text").
  case utf16LE = "utf-16le"
  /// UTF-16 big-endian with the byte-order mark `FE FF`.
  case utf16BE = "utf-16be"
  /// Windows-1252, the fallback when the bytes are not valid UTF-8 (always reported).
  case windows1252 = "windows-1252"

  /// The name, e.g. `utf-16le`.
  public var description: String { rawValue }
}
