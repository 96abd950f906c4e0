/// How a `DelimitedReader` reads.
public struct DelimitedReadOptions: Hashable, Sendable {
  /// The field separator, or `nil` to detect it from the first records
  /// (comma, tab, semicolon or pipe; see `likelyDelimiters`).
  public var delimiter: Delimiter?
  /// The prior for detection, most likely first (e.g. `[.tab]` for input
  /// declared TSV); `nil` takes it from the file name (`Delimiter.likely(forPath:)`).
  public var likelyDelimiters: [Delimiter]?
  /// Size bounds; Excel's limits by default.
  public var limits: DelimitedLimits
  /// Most threads used to read and decode, or `nil` for one per processor
  /// that the machine's load leaves idle. Output is identical whatever the number.
  public var maxThreads: Int?

  /// Creates options: detected delimiter, Excel's limits, all processors.
  public init(
    delimiter: Delimiter? = nil, likelyDelimiters: [Delimiter]? = nil, limits: DelimitedLimits = DelimitedLimits(),
    maxThreads: Int? = nil
  ) {
    self.delimiter = delimiter
    self.likelyDelimiters = likelyDelimiters
    self.limits = limits
    self.maxThreads = maxThreads
  }
}
