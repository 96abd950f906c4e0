/// Why a zip archive (an XLSX package) could not be read.
///
/// Every case names the archive as the caller named it (`archive`) and, where
/// there is one, the entry concerned, so a message can be shown as is.
public enum ZipError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The file does not exist or cannot be opened for reading.
  case cannotOpen(archive: String, reason: String)
  /// The file is an OLE/CFB container: an encrypted (password-protected)
  /// workbook or a legacy `.xls` file.
  case encryptedOrLegacyFormat(archive: String)
  /// The file is not a zip archive at all (or its central directory is gone,
  /// as when it was truncated).
  case notAZip(archive: String, reason: String)
  /// The archive's structure is damaged.
  case corrupt(archive: String, reason: String)
  /// An entry's data is damaged: bad CRC, invalid deflate data, premature end.
  case corruptEntry(archive: String, entry: String, reason: String)
  /// An entry is encrypted or uses a compression method libzip cannot read.
  case unsupportedEntry(archive: String, entry: String, reason: String)
  /// The archive holds more entries than `ZipLimits.maxEntries`.
  case tooManyEntries(archive: String, count: Int, limit: Int)
  /// Two entries have the same name once case and `\` vs `/` are ignored.
  case duplicateEntry(archive: String, entry: String, other: String)
  /// An entry inflates to more than `ZipLimits.maxEntrySize` bytes.
  case entryTooLarge(archive: String, entry: String, limit: Int)
  /// All entries read so far inflate to more than `ZipLimits.maxTotalSize` bytes.
  case totalTooLarge(archive: String, entry: String, limit: Int)
  /// An entry inflates far more than real documents do (a zip bomb).
  case suspiciousCompressionRatio(archive: String, entry: String, compressed: Int, inflated: Int)
  /// No entry has this name.
  case entryNotFound(archive: String, entry: String)

  /// A message naming the archive and entry, saying what was expected and found.
  public var description: String {
    switch self {
    case .cannotOpen(let archive, let reason):
      "\(archive): cannot open: \(reason)"
    case .encryptedOrLegacyFormat(let archive):
      "\(archive): this workbook is password-protected or in the legacy .xls format; "
        + "save it as .xlsx without a password"
    case .notAZip(let archive, let reason):
      "\(archive): not an XLSX file (expected a zip archive: \(reason))"
    case .corrupt(let archive, let reason):
      "\(archive): the zip archive is damaged: \(reason)"
    case .corruptEntry(let archive, let entry, let reason):
      "\(archive): \(entry): damaged zip entry: \(reason)"
    case .unsupportedEntry(let archive, let entry, let reason):
      "\(archive): \(entry): cannot read this zip entry: \(reason)"
    case .tooManyEntries(let archive, let count, let limit):
      "\(archive): the archive has \(count) entries, more than the limit of \(limit)"
    case .duplicateEntry(let archive, let entry, let other):
      "\(archive): entries \"\(other)\" and \"\(entry)\" have the same name "
        + "(ignoring case and separators); refusing to guess which one is meant"
    case .entryTooLarge(let archive, let entry, let limit):
      "\(archive): \(entry): inflates to more than the limit of \(limit) bytes (a zip bomb?)"
    case .totalTooLarge(let archive, let entry, let limit):
      "\(archive): \(entry): the archive inflates to more than the limit of \(limit) bytes "
        + "in total (a zip bomb?)"
    case .suspiciousCompressionRatio(let archive, let entry, let compressed, let inflated):
      "\(archive): \(entry): \(compressed) compressed bytes inflate to more than \(inflated) bytes, "
        + "a ratio no real workbook has (a zip bomb?)"
    case .entryNotFound(let archive, let entry):
      "\(archive): no entry named \"\(entry)\""
    }
  }
}
