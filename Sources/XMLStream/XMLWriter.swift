/// A fast, byte-level XML writer for generated documents (no DOM, no
/// `String` per event), with Excel's escaping rules built in.
///
/// Output goes into a contiguous buffer that is handed to `sink` whenever it
/// fills and on `flush()`; nothing is allocated per element. Element and
/// attribute names are `StaticString`s, so only values need escaping:
///
/// - `text(_:)` escapes `&`, `<`, `>`; writes a carriage return and the C0
///   control characters XML cannot hold (and U+FFFE/U+FFFF) as Excel's
///   `_xHHHH_`; and protects a literal `_xHHHH_` in the text as `_x005F_xHHHH_`
///   (ECMA-376 Part 1, 22.4.2.4).
/// - `attribute(_:_:)` escapes `&`, `<`, `>`, `"`, and writes tab, line feed
///   and carriage return as character references so attribute-value
///   normalisation keeps them; other control characters become `_xHHHH_`.
/// - `textElement(_:_:)` adds `xml:space="preserve"` when the text starts or
///   ends with whitespace, as Excel does.
///
/// ```swift
/// let writer = XMLWriter { bytes in file.write(bytes) }
/// writer.declaration()
/// writer.startElement("sst")
/// writer.attribute("count", 1)
/// writer.closeStartTag()
/// writer.startElement("si"); writer.closeStartTag()
/// writer.textElement("t", " Dec-19 ")   // <t xml:space="preserve"> Dec-19 </t>
/// writer.endElement("si")
/// writer.endElement("sst")
/// writer.flush()
/// ```
public final class XMLWriter {
  /// Receives each filled buffer; the bytes are valid only during the call.
  public typealias Sink = (UnsafeRawBufferPointer) -> Void

  let buffer: UnsafeMutableRawBufferPointer
  var count = 0
  private let sink: Sink
  /// Bytes produced so far (flushed or not).
  public var bytesWritten: Int { flushedBytes + count }
  private var flushedBytes = 0

  /// Creates a writer.
  ///
  /// - Parameters:
  ///   - capacity: the buffer size in bytes; larger writes bypass it.
  ///   - sink: called with each filled buffer and on `flush()`.
  public init(capacity: Int = 64 * 1024, sink: @escaping Sink) {
    buffer = .allocate(byteCount: max(capacity, 64), alignment: 16)
    self.sink = sink
  }

  /// Collects everything written into an array (for small parts and tests).
  public static func document(_ build: (XMLWriter) throws -> Void) rethrows -> [UInt8] {
    var bytes: [UInt8] = []
    let writer = XMLWriter(capacity: 16 * 1024) { bytes.append(contentsOf: $0) }
    try build(writer)
    writer.flush()
    return bytes
  }

  deinit { buffer.deallocate() }

  /// Hands everything buffered to the sink.
  public func flush() {
    guard count > 0 else { return }
    sink(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
    flushedBytes += count
    count = 0
  }

  // MARK: Markup

  /// `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` and a line feed.
  public func declaration() {
    raw("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n")
  }

  /// `<name` — follow with attributes, then `closeStartTag()` or `closeEmptyElement()`.
  public func startElement(_ name: StaticString) {
    byte(UInt8(ascii: "<"))
    raw(name)
  }

  /// `>` after a start tag's attributes.
  public func closeStartTag() { byte(UInt8(ascii: ">")) }

  /// `/>` after an empty element's attributes.
  public func closeEmptyElement() {
    byte(UInt8(ascii: "/"))
    byte(UInt8(ascii: ">"))
  }

  /// `</name>`.
  public func endElement(_ name: StaticString) {
    byte(UInt8(ascii: "<"))
    byte(UInt8(ascii: "/"))
    raw(name)
    byte(UInt8(ascii: ">"))
  }

  /// ` name="value"` with the value escaped for an attribute.
  public func attribute(_ name: StaticString, _ value: String) {
    attributeName(name)
    escaped(value, mode: .attribute)
    byte(UInt8(ascii: "\""))
  }

  /// ` name="123"`.
  public func attribute(_ name: StaticString, _ value: Int) {
    attributeName(name)
    integer(value)
    byte(UInt8(ascii: "\""))
  }

  /// ` name="1.5"` in the shortest form that reads back exactly.
  public func attribute(_ name: StaticString, _ value: Double) {
    attributeName(name)
    number(value)
    byte(UInt8(ascii: "\""))
  }

  /// ` name="trusted"`: a constant value that needs no escaping.
  public func attribute(_ name: StaticString, constant value: StaticString) {
    attributeName(name)
    raw(value)
    byte(UInt8(ascii: "\""))
  }

  /// Text content, escaped (see the type's notes).
  public func text(_ value: String) { escaped(value, mode: .text) }

  /// `<name>text</name>`, with `xml:space="preserve"` when the text has
  /// whitespace at either end.
  public func textElement(_ name: StaticString, _ value: String) {
    var copy = value
    copy.withUTF8 { textElement(name, utf8: $0) }
  }

  /// `textElement(_:_:)` for text given as UTF-8 bytes.
  public func textElement(_ name: StaticString, utf8 value: UnsafeBufferPointer<UInt8>) {
    startElement(name)
    if XMLWriter.needsSpacePreserve(utf8: value) { raw(" xml:space=\"preserve\"") }
    closeStartTag()
    escaped(value, mode: .text)
    endElement(name)
  }

  /// Text content given as UTF-8 bytes, escaped.
  public func text(utf8 value: UnsafeBufferPointer<UInt8>) { escaped(value, mode: .text) }

  /// Trusted markup, written as is.
  public func raw(_ markup: StaticString) {
    raw(UnsafeRawBufferPointer(start: markup.utf8Start, count: markup.utf8CodeUnitCount))
  }

  /// Trusted bytes, written as is.
  public func raw(_ bytes: UnsafeRawBufferPointer) {
    guard bytes.count > 0, let base = bytes.baseAddress else { return }
    if count + bytes.count > buffer.count {
      flush()
      if bytes.count > buffer.count {
        sink(bytes)
        flushedBytes += bytes.count
        return
      }
    }
    (buffer.baseAddress! + count).copyMemory(from: base, byteCount: bytes.count)
    count += bytes.count
  }

  /// Trusted markup held in a `String` (e.g. a prepared fragment).
  public func raw(_ markup: String) {
    var copy = markup
    copy.withUTF8 { raw(UnsafeRawBufferPointer($0)) }
  }

  /// One trusted byte.
  @inline(__always)
  public func byte(_ value: UInt8) {
    if count == buffer.count { flush() }
    buffer[count] = value
    count += 1
  }

  /// A decimal integer.
  public func integer(_ value: Int) {
    if count + 20 > buffer.count { flush() }
    var magnitude = value.magnitude
    if value < 0 {
      buffer[count] = UInt8(ascii: "-")
      count += 1
    }
    // Write digits backwards into a scratch area at the end, then move.
    var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
    let length = withUnsafeMutableBytes(of: &digits) { scratch -> Int in
      var index = scratch.count
      repeat {
        index -= 1
        scratch[index] = UInt8(ascii: "0") + UInt8(magnitude % 10)
        magnitude /= 10
      } while magnitude > 0
      let length = scratch.count - index
      (buffer.baseAddress! + count).copyMemory(from: scratch.baseAddress! + index, byteCount: length)
      return length
    }
    count += length
  }

  /// A number in the shortest form that reads back to the same `Double`:
  /// whole numbers up to 2^53 as integers (`3`, `-0`), others as Swift prints
  /// them (`0.25`, `1e-05`, `1e+16`). Not for NaN or infinity (callers
  /// refuse those).
  public func number(_ value: Double) {
    if value == value.rounded(), abs(value) <= 9_007_199_254_740_992 {
      if value == 0 && value.sign == .minus { byte(UInt8(ascii: "-")) }  // keep -0
      integer(Int(value))
      return
    }
    raw(value.description)
  }

  private func attributeName(_ name: StaticString) {
    byte(UInt8(ascii: " "))
    raw(name)
    byte(UInt8(ascii: "="))
    byte(UInt8(ascii: "\""))
  }
}
