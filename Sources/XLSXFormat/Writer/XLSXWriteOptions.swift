#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Settings for one `XLSXWriter`.
public struct XLSXWriteOptions: Hashable, Sendable {
  /// zlib level for every part, 0 (store) ... 9 (smallest). Default 1.
  ///
  /// Deflate dominates the cost of a large workbook. Measured here (writer
  /// time, one thread): on 30,000 tracker rows level 1 took 0.36 s for
  /// 9.8 MB and level 6 (zlib's and XlsxWriter's default) 1.21 s for 7.2 MB;
  /// on 300,000 numeric rows 1.13 s for 27.0 MB against 3.42 s for 22.3 MB.
  /// Level 1 is about three times faster for files 20-37% larger, so it is
  /// the default. Use 6 or 9 when size matters more than time.
  public var compressionLevel: Int
  /// Deflate the sheet and the shared strings on background threads while
  /// rows are generated (two cores instead of one). Output is identical
  /// either way.
  public var compressesInBackground: Bool
  /// Document properties for `docProps/core.xml` and `docProps/app.xml`.
  public var properties: DocumentProperties
  /// Where compressed parts are spooled while rows stream in (unlinked
  /// files); `nil` means the output file's folder.
  public var spoolDirectory: String?
  /// Strings longer than this many UTF-8 bytes are not de-duplicated: each
  /// use gets its own shared-string item and nothing of it stays in memory.
  /// `nil` (the default) de-duplicates every string, as Excel does, and
  /// memory grows with the distinct text; a limit such as 64 keeps memory
  /// flat for huge sheets of unique notes at the cost of repeated long
  /// texts being stored once per use.
  public var longestDeduplicatedString: Int?

  /// Creates options.
  public init(
    compressionLevel: Int = 1, compressesInBackground: Bool = true, properties: DocumentProperties = DocumentProperties(),
    spoolDirectory: String? = nil, longestDeduplicatedString: Int? = nil
  ) {
    self.compressionLevel = compressionLevel
    self.compressesInBackground = compressesInBackground
    self.properties = properties
    self.spoolDirectory = spoolDirectory
    self.longestDeduplicatedString = longestDeduplicatedString
  }
}

/// Title, author and dates of a workbook. Nothing is taken from the clock
/// unless asked (`DocumentTimestamp.now()`), so output stays reproducible.
public struct DocumentProperties: Hashable, Sendable {
  /// `dc:title`.
  public var title: String?
  /// `dc:creator` and `cp:lastModifiedBy`.
  public var creator: String?
  /// `dcterms:created`; omitted when `nil`.
  public var created: DocumentTimestamp?
  /// `dcterms:modified`; omitted when `nil`.
  public var modified: DocumentTimestamp?
  /// The application name in `docProps/app.xml`.
  public var application: String

  /// Creates properties (default: none, application "wsoa").
  public init(
    title: String? = nil, creator: String? = nil, created: DocumentTimestamp? = nil,
    modified: DocumentTimestamp? = nil, application: String = "wsoa"
  ) {
    self.title = title
    self.creator = creator
    self.created = created
    self.modified = modified
    self.application = application
  }
}

/// A UTC date and time for document properties (W3CDTF, `2021-04-01T09:30:00Z`).
public struct DocumentTimestamp: Hashable, Sendable {
  /// Year (1 ... 9999).
  public var year: Int
  /// Month 1 ... 12.
  public var month: Int
  /// Day 1 ... 31.
  public var day: Int
  /// Hour 0 ... 23.
  public var hour: Int
  /// Minute 0 ... 59.
  public var minute: Int
  /// Second 0 ... 59.
  public var second: Int

  /// Creates a timestamp.
  public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
    self.year = year
    self.month = month
    self.day = day
    self.hour = hour
    self.minute = minute
    self.second = second
  }

  /// The current time in UTC (reads the clock).
  public static func now() -> DocumentTimestamp {
    var seconds = time(nil)
    var fields = tm()
    gmtime_r(&seconds, &fields)
    return DocumentTimestamp(
      year: Int(fields.tm_year) + 1900, month: Int(fields.tm_mon) + 1, day: Int(fields.tm_mday),
      hour: Int(fields.tm_hour), minute: Int(fields.tm_min), second: Int(fields.tm_sec))
  }

  /// `YYYY-MM-DDThh:mm:ssZ`.
  public var w3cdtf: String {
    func pad(_ v: Int, _ w: Int) -> String {
      let digits = String(v)
      return String(repeating: "0", count: max(0, w - digits.count)) + digits
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2))Z"
  }
}
