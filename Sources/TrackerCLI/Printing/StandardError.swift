import AtomicOutput
import TrackerKit

/// Standard error: where every message and diagnostic goes (data goes to
/// standard output or `-o`). Colour is decided by `Colour`. Everything the
/// CLI writes there goes through here.
enum StandardError {
  /// Writes `text` as is, unbuffered (`FileProbe.writeStandardError`).
  static func write(_ text: String) {
    FileProbe.writeStandardError(text)
  }

  /// Writes what `body` gives a buffered sink, flushing it at the end: for
  /// the findings of a large tracker, written a finding at a time rather
  /// than built into one string. A closed standard error is not the
  /// command's failure, so a failed write is dropped.
  static func writing(_ body: (ByteSink) -> Void) {
    let sink = ByteSink(fileDescriptor: 2, capacity: 1 << 16)
    body(sink)
    try? sink.flush(path: "standard error")
  }
}
