#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
import Diagnostics

/// What kind of file an input is, decided by its content; the name (or a
/// declared format, `--from`) only decides what the content cannot.
///
/// - a zip signature (`PK\x03\x04`) is XLSX, whatever the name;
/// - an OLE compound file (`D0 CF 11 E0`) is a legacy `.xls` or a
///   password-protected workbook, reported as such;
/// - anything else is text: `{` then `"` or `}` (after an optional UTF-8
///   byte-order mark and white space) is `wsoa/1` JSON; otherwise CSV/TSV
///   (a UTF-16 or UTF-8 byte-order mark included), unless the name ends in
///   `.json` (then the JSON reader says what is wrong with it);
/// - text declared or named XLSX is an error (a renamed or cut-short file).
public enum InputFormat: String, Sendable, Equatable, CustomStringConvertible {
  /// A zip archive (`PK\x03\x04`): an Office Open XML workbook.
  case xlsx
  /// An OLE compound file (`D0 CF 11 E0`): a legacy `.xls` workbook, or an
  /// `.xlsx` saved with a password (Excel encrypts into an OLE container).
  case legacyOrEncrypted = "ole"
  /// Tracker JSON (`wsoa/1`): a leading `{"` or the `.json` extension.
  case trackerJSON = "json"
  /// Delimited text: CSV, TSV and the like.
  case delimited

  /// The name, e.g. `xlsx`.
  public var description: String { rawValue }

  /// How many leading bytes detection looks at.
  public static let headBytes = 512

  /// Detects the format of the file at `path` from its first bytes, then its name.
  ///
  /// - Parameter declared: the format the user declared (`--from`), which
  ///   decides for text content; a zip or OLE signature still wins.
  /// - Throws: `InputError` `.missing` when nothing is at the path,
  ///   `.unreadable` for a folder, device or unopenable file, and
  ///   `.malformed` for text named or declared XLSX.
  public static func detect(path: String, declared: InputFormat? = nil) throws(InputError) -> InputFormat {
    try detect(head: try firstBytes(of: path, count: headBytes), name: path, declared: declared)
  }

  /// Detects the format from an input's first bytes (`head`, up to
  /// `headBytes`), its name and the declared format.
  ///
  /// - Throws: `InputError.malformed` for text named or declared XLSX.
  public static func detect(head: some Collection<UInt8>, name: String, declared: InputFormat? = nil)
    throws(InputError) -> InputFormat
  {
    let head = Array(head.prefix(headBytes))
    if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .xlsx }
    if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { return .legacyOrEncrypted }
    let lower = name.lowercased()
    let namedXLSX = lower.hasSuffix(".xlsx") || lower.hasSuffix(".xlsm")
    if declared == .xlsx || declared == .legacyOrEncrypted || (declared == nil && namedXLSX) {
      throw .malformed(
        location: SourceLocation(file: name),
        reason: (declared == nil ? "named like" : "declared") + " an XLSX workbook but is not a zip archive "
          + "(was it renamed, or cut short?)")
    }
    if let declared { return declared }
    if startsLikeJSONObject(head) { return .trackerJSON }
    return lower.hasSuffix(".json") ? .trackerJSON : .delimited
  }

  /// Whether text starts `{` then `"` or `}`, after an optional UTF-8
  /// byte-order mark and white space (a CSV cell such as `{a}` does not).
  static func startsLikeJSONObject(_ head: [UInt8]) -> Bool {
    var bytes = head[...]
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
    let space: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D]
    bytes = bytes.drop { space.contains($0) }
    guard bytes.first == UInt8(ascii: "{") else { return false }
    bytes = bytes.dropFirst().drop { space.contains($0) }
    guard let next = bytes.first else { return true }  // only white space within the head
    return next == UInt8(ascii: "\"") || next == UInt8(ascii: "}")
  }

  /// Up to `count` bytes from the start of a regular file (`RegularFile`).
  private static func firstBytes(of path: String, count: Int) throws(InputError) -> [UInt8] {
    let fd = try RegularFile.open(path)
    defer { close(fd) }
    var bytes = [UInt8](repeating: 0, count: count)
    let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress, count) }
    guard n >= 0 else {
      throw .unreadable(location: SourceLocation(file: path), reason: "cannot read: \(String(cString: strerror(errno)))")
    }
    return Array(bytes.prefix(n))
  }
}
