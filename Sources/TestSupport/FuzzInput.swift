/// How the fuzz target and the crash-replay test turn arbitrary bytes into
/// an XLSX package: bytes starting with `PK` are a package, anything else is
/// the worksheet part of `StoredZip.workbook(sheet:)`.
public enum FuzzInput {
  /// The package bytes for a fuzz input.
  public static func package(_ bytes: [UInt8]) -> [UInt8] {
    bytes.starts(with: [0x50, 0x4B]) ? bytes : StoredZip.workbook(sheet: bytes)
  }

  /// Reads a fuzz input with a reader built by `open` (which gets the
  /// package bytes); errors are the expected outcome and are returned.
  public static func read(_ bytes: [UInt8], open: ([UInt8]) throws -> Void) -> (any Error)? {
    do {
      try open(package(bytes))
      return nil
    } catch {
      return error
    }
  }
}
