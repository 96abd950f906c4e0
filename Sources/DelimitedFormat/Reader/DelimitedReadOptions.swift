/// How a `DelimitedReader` reads.
public struct DelimitedReadOptions: Hashable, Sendable {
  /// The field separator, or `nil` to detect it from the first records
  /// (comma, tab, semicolon or pipe; the file extension breaks ties).
  public var delimiter: Delimiter?
  /// Size bounds; Excel's limits by default.
  public var limits: DelimitedLimits
  /// Most threads used to read and decode, or `nil` for one per processor
  /// that the machine's load leaves idle. Output is identical whatever the number.
  public var maxThreads: Int?

  /// Creates options: detected delimiter, Excel's limits, all processors.
  public init(delimiter: Delimiter? = nil, limits: DelimitedLimits = DelimitedLimits(), maxThreads: Int? = nil) {
    self.delimiter = delimiter
    self.limits = limits
    self.maxThreads = maxThreads
  }
}
