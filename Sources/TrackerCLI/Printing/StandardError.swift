import TrackerKit

/// Standard error: where every message and diagnostic goes (data goes to
/// standard output or `-o`). Colour is decided by `Colour`.
enum StandardError {
  /// Writes `text` as is (through `FileProbe.writeStandardError`, the one
  /// unbuffered writer of standard error).
  static func write(_ text: String) {
    FileProbe.writeStandardError(text)
  }
}
