#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
import Diagnostics

/// What kind of file an input is, decided by its first bytes, then its name.
public enum InputFormat: String, Sendable, Equatable, CustomStringConvertible {
  /// A zip archive (`PK\x03\x04`): an Office Open XML workbook.
  case xlsx
  /// An OLE compound file (`D0 CF 11 E0`): a legacy `.xls` workbook, or an
  /// `.xlsx` saved with a password (Excel encrypts into an OLE container).
  case legacyOrEncrypted = "ole"
  /// Tracker JSON (`wsoa/1`), by the `.json` extension or a leading `{`.
  case trackerJSON = "json"
  /// Delimited text: CSV, TSV and the like.
  case delimited

  /// The name, e.g. `xlsx`.
  public var description: String { rawValue }

  /// Detects the format of the file at `path` from its first bytes and extension.
  ///
  /// - Throws: `InputError` `.missing` when nothing is at the path,
  ///   `.unreadable` for a folder, device or unopenable file, and
  ///   `.malformed` for a `.xlsx`/`.xlsm` that is not a zip archive.
  public static func detect(path: String) throws(InputError) -> InputFormat {
    let head = try firstBytes(of: path, count: 8)
    if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .xlsx }
    if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { return .legacyOrEncrypted }
    let lower = path.lowercased()
    if lower.hasSuffix(".xlsx") || lower.hasSuffix(".xlsm") {
      throw .malformed(
        location: SourceLocation(file: path),
        reason: "named like an XLSX workbook but is not a zip archive (was it renamed, or cut short?)")
    }
    if lower.hasSuffix(".json") { return .trackerJSON }
    let textual = [".csv", ".tsv", ".txt", ".tab"].contains { lower.hasSuffix($0) }
    if !textual, head.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) == UInt8(ascii: "{") {
      return .trackerJSON
    }
    return .delimited
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
