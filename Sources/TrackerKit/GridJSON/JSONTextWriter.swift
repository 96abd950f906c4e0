public import AtomicOutput

/// Writes JSON tokens straight into a `ByteSink`: strings escaped per RFC
/// 8259 in one pass over their UTF-8 bytes, copying runs that need no escape
/// in one go (no `JSONEncoder`, no intermediate `String`).
public struct JSONTextWriter {
  /// Where the bytes go.
  public let sink: ByteSink

  /// Creates a writer over `sink`.
  public init(sink: ByteSink) { self.sink = sink }

  /// Writes text that is already JSON (punctuation, keys known to need no escaping).
  @inline(__always)
  public func raw(_ text: StaticString) {
    text.withUTF8Buffer { sink.write(UnsafeRawBufferPointer($0)) }
  }

  /// Writes `text` as a quoted, escaped JSON string.
  public func string(_ text: String) {
    var text = text
    text.withUTF8 { string(utf8: $0) }
  }

  /// Writes UTF-8 bytes as a quoted, escaped JSON string.
  public func string(utf8 bytes: UnsafeBufferPointer<UInt8>) {
    sink.write(byte: UInt8(ascii: "\""))
    var start = 0
    for i in 0..<bytes.count {
      let byte = bytes[i]
      guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
      if i > start { sink.write(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[start..<i])) }
      escape(byte)
      start = i + 1
    }
    if bytes.count > start {
      sink.write(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[start..<bytes.count]))
    }
    sink.write(byte: UInt8(ascii: "\""))
  }

  /// Writes an integer.
  public func integer(_ value: Int) {
    sink.write(String(value))
  }

  /// Writes a number in its shortest round-trip form, or `null` when it is
  /// not finite (JSON has no NaN or infinity).
  public func number(_ value: Double, shortest: String) {
    if value.isFinite { sink.write(shortest) } else { raw("null") }
  }

  private func escape(_ byte: UInt8) {
    sink.write(byte: UInt8(ascii: "\\"))
    switch byte {
    case UInt8(ascii: "\""): sink.write(byte: UInt8(ascii: "\""))
    case UInt8(ascii: "\\"): sink.write(byte: UInt8(ascii: "\\"))
    case 0x0A: sink.write(byte: UInt8(ascii: "n"))
    case 0x0D: sink.write(byte: UInt8(ascii: "r"))
    case 0x09: sink.write(byte: UInt8(ascii: "t"))
    case 0x08: sink.write(byte: UInt8(ascii: "b"))
    case 0x0C: sink.write(byte: UInt8(ascii: "f"))
    default:
      let hex: [UInt8] = Array("0123456789abcdef".utf8)
      sink.write(byte: UInt8(ascii: "u"))
      sink.write(byte: UInt8(ascii: "0"))
      sink.write(byte: UInt8(ascii: "0"))
      sink.write(byte: hex[Int(byte >> 4)])
      sink.write(byte: hex[Int(byte & 0xF)])
    }
  }
}
