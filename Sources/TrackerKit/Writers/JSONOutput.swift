import AtomicOutput

/// A small streaming JSON writer over a byte buffer: objects and arrays with
/// commas and (optionally) two-space indentation handled for the caller,
/// strings escaped per RFC 8259 with UTF-8 passed through. Flushes to a
/// `ByteSink` every 1 MiB, so a 100,000-action plan never sits in memory as text.
struct JSONOutput {
  private var bytes: [UInt8] = []
  private let sink: ByteSink?
  private let pretty: Bool
  /// Per open container: whether it already holds an element.
  private var hasElement: [Bool] = []
  private var afterKey = false

  /// Writes to a sink (flushing as it goes), or collects bytes when `sink` is nil.
  init(sink: ByteSink?, pretty: Bool) {
    self.sink = sink
    self.pretty = pretty
    bytes.reserveCapacity(1 << 20 + 4096)
  }

  /// The bytes collected (when there is no sink).
  var collected: [UInt8] { bytes }

  /// Hands buffered bytes to the sink.
  mutating func flush() {
    guard let sink, !bytes.isEmpty else { return }
    bytes.withUnsafeBytes { sink.write($0) }
    bytes.removeAll(keepingCapacity: true)
  }

  private mutating func maybeFlush() {
    if sink != nil, bytes.count >= 1 << 20 { flush() }
  }

  private mutating func newline() {
    bytes.append(10)
    for _ in 0..<hasElement.count { bytes.append(32); bytes.append(32) }
  }

  /// Containers nested deeper than this are written on one line, so a
  /// document has one plan element (an action, a period, a finding) per line.
  static let prettyDepth = 3

  /// Comma and indentation before a value (not after a key).
  private mutating func beforeValue() {
    if afterKey {
      afterKey = false
      return
    }
    guard !hasElement.isEmpty else { return }
    if hasElement[hasElement.count - 1] { bytes.append(UInt8(ascii: ",")) }
    hasElement[hasElement.count - 1] = true
    if pretty, hasElement.count <= Self.prettyDepth { newline() }
  }

  mutating func beginObject() {
    beforeValue()
    bytes.append(UInt8(ascii: "{"))
    hasElement.append(false)
  }

  mutating func endObject() { close(UInt8(ascii: "}")) }

  mutating func beginArray() {
    beforeValue()
    bytes.append(UInt8(ascii: "["))
    hasElement.append(false)
  }

  mutating func endArray() { close(UInt8(ascii: "]")) }

  private mutating func close(_ byte: UInt8) {
    let depth = hasElement.count
    let had = hasElement.popLast() ?? false
    if pretty, had, depth <= Self.prettyDepth { newline() }
    bytes.append(byte)
    maybeFlush()
  }

  /// Writes `"name":` (the name must need no escaping).
  mutating func key(_ name: StaticString) {
    beforeValue()
    bytes.append(UInt8(ascii: "\""))
    name.withUTF8Buffer { bytes.append(contentsOf: $0) }
    bytes.append(UInt8(ascii: "\""))
    bytes.append(UInt8(ascii: ":"))
    if pretty, hasElement.count <= Self.prettyDepth { bytes.append(32) }
    afterKey = true
  }

  /// Writes `"name":` for a dynamic name.
  mutating func key(string name: String) {
    string(name)
    bytes.append(UInt8(ascii: ":"))
    if pretty, hasElement.count <= Self.prettyDepth { bytes.append(32) }
    afterKey = true
  }

  mutating func string(_ value: String) {
    beforeValue()
    var s = value
    s.withUTF8 { escape($0) }
  }

  /// An A1 cell reference as a string (`"E5"`), written without allocating.
  mutating func cell(row: Int, column: Int) {
    beforeValue()
    bytes.append(UInt8(ascii: "\""))
    var letters: (UInt8, UInt8, UInt8) = (0, 0, 0)
    var n = column
    var count = 0
    while n > 0, count < 3 {
      let rem = UInt8((n - 1) % 26)
      switch count {
      case 0: letters.0 = 65 + rem
      case 1: letters.1 = 65 + rem
      default: letters.2 = 65 + rem
      }
      n = (n - 1) / 26
      count += 1
    }
    if count == 3 { bytes.append(letters.2) }
    if count >= 2 { bytes.append(letters.1) }
    bytes.append(letters.0)
    appendDigits(row)
    bytes.append(UInt8(ascii: "\""))
  }

  private mutating func appendDigits(_ value: Int) {
    if value < 10 {
      bytes.append(48 + UInt8(max(0, value)))
      return
    }
    bytes.append(contentsOf: String(value).utf8)
  }

  mutating func int(_ value: Int) {
    beforeValue()
    bytes.append(contentsOf: String(value).utf8)
  }

  /// A number: integers without a fraction, others in Swift's shortest form.
  mutating func double(_ value: Double) {
    if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
      int(Int(value))
    } else if value.isFinite {
      beforeValue()
      bytes.append(contentsOf: value.description.utf8)
    } else {
      null()
    }
  }

  mutating func bool(_ value: Bool) {
    beforeValue()
    bytes.append(contentsOf: value ? Array("true".utf8) : Array("false".utf8))
  }

  mutating func null() {
    beforeValue()
    bytes.append(contentsOf: [110, 117, 108, 108])
  }

  /// Whether any of the 8 bytes is below 0x20, a quote or a backslash (SWAR).
  @inline(__always)
  private static func needsEscape(_ word: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    let below20 = (word &- ones &* 0x20) & ~word & highs
    let q = word ^ (ones &* 0x22)
    let quote = (q &- ones) & ~q & highs
    let bs = word ^ (ones &* 0x5C)
    let backslash = (bs &- ones) & ~bs & highs
    return (below20 | quote | backslash) != 0
  }

  private mutating func escape(_ s: UnsafeBufferPointer<UInt8>) {
    bytes.append(UInt8(ascii: "\""))
    var runStart = 0
    var i = 0
    let n = s.count
    guard let base = s.baseAddress else {
      bytes.append(UInt8(ascii: "\""))
      return
    }
    while i < n {
      // Skip 8 clean bytes at a time.
      while i + 8 <= n, !Self.needsEscape(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) { i += 8 }
      guard i < n else { break }
      let b = s[i]
      guard b < 0x20 || b == 0x22 || b == 0x5C else {
        i += 1
        continue
      }
      if i > runStart { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: s[runStart..<i])) }
      bytes.append(UInt8(ascii: "\\"))
      switch b {
      case 0x22: bytes.append(0x22)
      case 0x5C: bytes.append(0x5C)
      case 0x0A: bytes.append(UInt8(ascii: "n"))
      case 0x0D: bytes.append(UInt8(ascii: "r"))
      case 0x09: bytes.append(UInt8(ascii: "t"))
      case 0x08: bytes.append(UInt8(ascii: "b"))
      case 0x0C: bytes.append(UInt8(ascii: "f"))
      default:
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        bytes.append(contentsOf: [UInt8(ascii: "u"), 48, 48, hex[Int(b >> 4)], hex[Int(b & 15)]])
      }
      runStart = i + 1
      i += 1
    }
    if s.count > runStart { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: s[runStart..<s.count])) }
    bytes.append(UInt8(ascii: "\""))
  }
}
