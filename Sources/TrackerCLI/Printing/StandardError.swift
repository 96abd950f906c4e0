#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Standard error: where every message and diagnostic goes (data goes to
/// standard output or `-o`), with colour only for a terminal.
enum StandardError {
  /// Writes `text` as is.
  static func write(_ text: String) {
    var text = text
    text.withUTF8 { bytes in
      guard let base = bytes.baseAddress else { return }
      var offset = 0
      while offset < bytes.count {
        let n = systemWrite(2, base + offset, bytes.count - offset)
        if n < 0, errno == EINTR { continue }
        if n <= 0 { return }
        offset += n
      }
    }
  }

  private static func systemWrite(_ fd: Int32, _ pointer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
      Glibc.write(fd, pointer, count)
    #elseif canImport(Musl)
      Musl.write(fd, pointer, count)
    #else
      Darwin.write(fd, pointer, count)
    #endif
  }

  /// Whether to colour: standard error is a terminal, `NO_COLOR` is unset
  /// and `TERM` is not `dumb` (https://no-color.org).
  static let usesColor: Bool = {
    guard isatty(2) == 1 else { return false }
    if let noColor = getenv("NO_COLOR"), noColor.pointee != 0 { return false }
    if let term = getenv("TERM"), String(cString: term) == "dumb" { return false }
    return true
  }()

  /// `text` in bold `colour` (an SGR number: 31 red, 33 yellow, 36 cyan) on a terminal.
  static func styled(_ text: String, _ colour: Int) -> String {
    usesColor ? "\u{1B}[1;\(colour)m\(text)\u{1B}[0m" : text
  }
}
