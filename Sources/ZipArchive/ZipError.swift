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

  /// The entry concerned, when there is one.
  public var entry: String? {
    switch self {
    case .corruptEntry(_, let entry, _), .unsupportedEntry(_, let entry, _), .duplicateEntry(_, let entry, _),
      .entryTooLarge(_, let entry, _), .totalTooLarge(_, let entry, _),
      .suspiciousCompressionRatio(_, let entry, _, _), .entryNotFound(_, let entry):
      entry
    case .cannotOpen, .encryptedOrLegacyFormat, .notAZip, .corrupt, .tooManyEntries:
      nil
    }
  }

  /// What is wrong, without the archive and entry names.
  public var reason: String {
    switch self {
    case .cannotOpen(_, let reason):
      "cannot open: \(reason)"
    case .encryptedOrLegacyFormat:
      "this workbook is password-protected or in the legacy .xls format; save it as .xlsx without a password"
    case .notAZip(_, let reason):
      "not an XLSX file (expected a zip archive: \(reason))"
    case .corrupt(_, let reason):
      "the zip archive is damaged: \(reason)"
    case .corruptEntry(_, _, let reason):
      "damaged zip entry: \(reason)"
    case .unsupportedEntry(_, _, let reason):
      "cannot read this zip entry: \(reason)"
    case .tooManyEntries(_, let count, let limit):
      "the archive has \(count) entries, more than the limit of \(limit)"
    case .duplicateEntry(_, let entry, let other):
      "entries \"\(other)\" and \"\(entry)\" have the same name (ignoring case and separators); "
        + "refusing to guess which one is meant"
    case .entryTooLarge(_, _, let limit):
      "inflates to more than the limit of \(limit) bytes (a zip bomb?)"
    case .totalTooLarge(_, _, let limit):
      "the archive inflates to more than the limit of \(limit) bytes in total (a zip bomb?)"
    case .suspiciousCompressionRatio(_, _, let compressed, let inflated):
      "\(compressed) compressed bytes inflate to more than \(inflated) bytes, a ratio no real workbook has "
        + "(a zip bomb?)"
    case .entryNotFound(_, let entry):
      "no entry named \"\(entry)\""
    }
  }

  /// `archive: entry: reason` (the entry only when there is one, and not
  /// for a duplicate, whose reason names both).
  public var description: String {
    if let entry, !isDuplicate, !isNotFound { return "\(archiveName): \(entry): \(reason)" }
    return "\(archiveName): \(reason)"
  }

  private var isDuplicate: Bool {
    if case .duplicateEntry = self { return true }
    return false
  }

  private var isNotFound: Bool {
    if case .entryNotFound = self { return true }
    return false
  }

  /// The archive named by the error.
  public var archiveName: String {
    switch self {
    case .cannotOpen(let archive, _), .encryptedOrLegacyFormat(let archive), .notAZip(let archive, _),
      .corrupt(let archive, _), .corruptEntry(let archive, _, _), .unsupportedEntry(let archive, _, _),
      .tooManyEntries(let archive, _, _), .duplicateEntry(let archive, _, _), .entryTooLarge(let archive, _, _),
      .totalTooLarge(let archive, _, _), .suspiciousCompressionRatio(let archive, _, _, _),
      .entryNotFound(let archive, _):
      archive
    }
  }
}
