import AtomicOutput
import ByteScan
import Diagnostics

/// A small streaming JSON writer over a byte buffer: objects and arrays with
/// commas and (optionally) two-space indentation handled for the caller,
/// strings escaped per RFC 8259 with UTF-8 passed through. Flushes to a
/// `ByteSink` whenever its 1 MiB buffer fills, so a 100,000-action plan never
/// sits in memory as text.
///
/// Writes go straight into an unsafe buffer whose room is checked once per
/// token (no per-byte array appends), and a source location with the same
/// file and sheet as the one before reuses its escaped `{"file":…,"sheet":…`
/// bytes: on a large plan most of the document is such locations.
/// Containers nest at most 64 deep (the writers in this module use under ten).
struct JSONOutput: ~Copyable {
  private var base: UnsafeMutablePointer<UInt8>
  private var count = 0
  private var capacity: Int
  private let sink: ByteSink?
  private let pretty: Bool
  /// Open containers.
  private var depth = 0
  /// Bit `d - 1`: whether the open container at depth `d` already holds an element.
  private var hasElement: UInt64 = 0
  private var afterKey = false
  /// The last location's origin (file and sheet), and the bytes it opens a
  /// compact location object with: `{"file":"…","sheet":"…","cell":`.
  private var locationOrigin: SourceOrigin?
  private var locationPrefix: [UInt8] = []
  private var locationHasPart = false

  /// The buffer size at which bytes are handed to the sink.
  private static let flushSize = 1 << 20

  /// Writes to a sink (flushing as it goes), or collects bytes when `sink` is nil.
  init(sink: ByteSink?, pretty: Bool, capacity: Int = (1 << 20) + 4096) {
    self.sink = sink
    self.pretty = pretty
    self.capacity = max(64, capacity)
    self.base = .allocate(capacity: self.capacity)
  }

  deinit { base.deallocate() }

  /// Where a writer stands: how deep, which open containers hold an
  /// element, whether it indents.
  struct Position: Sendable {
    fileprivate var depth: Int
    fileprivate var hasElement: UInt64
    fileprivate var pretty: Bool
  }

  /// This writer's position (between values, not after a key).
  var position: Position { Position(depth: depth, hasElement: hasElement, pretty: pretty) }

  /// A writer (collecting, no sink) that continues at `position`, so
  /// elements of the open container can be written on another thread and
  /// joined back in order with `join(_:)`; `afterElement` says whether an
  /// element precedes the first it writes.
  init(continuing position: Position, afterElement: Bool, capacity: Int) {
    self.init(sink: nil, pretty: position.pretty, capacity: capacity)
    restart(at: position, afterElement: afterElement)
  }

  /// Empties a `continuing` writer (keeping its buffer, whose pages are
  /// already mapped) and sets it at `position` again.
  mutating func restart(at position: Position, afterElement: Bool) {
    count = 0
    afterKey = false
    depth = position.depth
    hasElement = position.hasElement
    if depth > 0 {
      let bit: UInt64 = 1 &<< UInt64(depth - 1)
      hasElement = afterElement ? hasElement | bit : hasElement & ~bit
    }
  }

  /// Appends what a `continuing` writer wrote and takes over its position.
  mutating func join(_ part: borrowing JSONOutput) {
    if let sink {
      flush()
      sink.write(UnsafeRawBufferPointer(start: part.base, count: part.count))
    } else {
      reserve(part.count)
      put(part.base, part.count)
    }
    depth = part.depth
    hasElement = part.hasElement
  }

  /// The bytes collected (when there is no sink).
  var collected: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

  /// Hands buffered bytes to the sink.
  mutating func flush() {
    guard let sink, count > 0 else { return }
    sink.write(UnsafeRawBufferPointer(start: base, count: count))
    count = 0
  }

  /// Ends a report document: its `schema` and `tool` keys (last in sorted
  /// order), the closing brace, a flush and a newline.
  mutating func endReport(schema: String, tool: String) {
    key("schema")
    string(schema)
    key("tool")
    string(tool)
    endObject()
    flush()
    sink?.write(byte: 0x0A)
  }

  /// Makes room for `n` more bytes: flushes to the sink when the buffer is
  /// full, grows it when there is no sink or `n` alone exceeds it.
  @inline(__always)
  private mutating func reserve(_ n: Int) {
    if capacity - count < n { makeRoom(n) }
  }

  private mutating func makeRoom(_ n: Int) {
    if sink != nil { flush() }
    guard capacity - count < n else { return }
    let grown = max(capacity * 2, count + n)
    let fresh = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
    fresh.update(from: base, count: count)
    base.deallocate()
    base = fresh
    capacity = grown
  }

  /// Appends one byte; the caller has reserved room.
  @inline(__always)
  private mutating func put(_ b: UInt8) {
    base[count] = b
    count += 1
  }

  /// Appends bytes; the caller has reserved room. Runs of 4 to 16 bytes
  /// (most keys and short values) are copied as two overlapping words
  /// rather than through a `memmove` call.
  @inline(__always)
  private mutating func put(_ from: UnsafePointer<UInt8>, _ n: Int) {
    let to = UnsafeMutableRawPointer(base + count)
    let source = UnsafeRawPointer(from)
    if n >= 8, n <= 16 {
      to.storeBytes(of: source.loadUnaligned(as: UInt64.self), as: UInt64.self)
      (to + (n - 8)).storeBytes(of: (source + (n - 8)).loadUnaligned(as: UInt64.self), as: UInt64.self)
    } else if n >= 4, n < 8 {
      to.storeBytes(of: source.loadUnaligned(as: UInt32.self), as: UInt32.self)
      (to + (n - 4)).storeBytes(of: (source + (n - 4)).loadUnaligned(as: UInt32.self), as: UInt32.self)
    } else {
      (base + count).update(from: from, count: n)
    }
    count += n
  }

  private mutating func maybeFlush() {
    if sink != nil, count >= Self.flushSize { flush() }
  }

  private mutating func newline() {
    reserve(1 + 2 * depth)
    put(10)
    for _ in 0..<depth { put(32); put(32) }
  }

  /// Containers nested deeper than this are written on one line, so a
  /// document has one plan element (an action, a period, a finding) per line.
  static let prettyDepth = 3

  /// Whether containers at `level` are written on several lines.
  @inline(__always)
  private func isMultiline(_ level: Int) -> Bool { pretty && level <= Self.prettyDepth }

  /// Comma and indentation before a value (not after a key).
  @inline(__always)
  private mutating func beforeValue() {
    if afterKey {
      afterKey = false
      return
    }
    guard depth > 0 else { return }
    let bit: UInt64 = 1 &<< UInt64(depth - 1)
    if hasElement & bit != 0 {
      reserve(1)
      put(UInt8(ascii: ","))
    } else {
      hasElement |= bit
    }
    if isMultiline(depth) { newline() }
  }

  private mutating func open(_ byte: UInt8) {
    beforeValue()
    reserve(1)
    put(byte)
    depth += 1
    hasElement &= ~(1 &<< UInt64(depth - 1))
  }

  mutating func beginObject() { open(UInt8(ascii: "{")) }

  mutating func endObject() { close(UInt8(ascii: "}")) }

  mutating func beginArray() { open(UInt8(ascii: "[")) }

  mutating func endArray() { close(UInt8(ascii: "]")) }

  private mutating func close(_ byte: UInt8) {
    let level = depth
    var had = false
    if depth > 0 {
      had = hasElement & (1 &<< UInt64(depth - 1)) != 0
      depth -= 1
    }
    if had, isMultiline(level) { newline() }
    reserve(1)
    put(byte)
    maybeFlush()
  }

  /// Writes `"name":` (the name must need no escaping).
  mutating func key(_ name: StaticString) {
    beforeValue()
    let n = name.utf8CodeUnitCount
    reserve(n + 4)
    put(UInt8(ascii: "\""))
    put(name.utf8Start, n)
    put(UInt8(ascii: "\""))
    put(UInt8(ascii: ":"))
    if isMultiline(depth) { put(32) }
    afterKey = true
  }

  /// Writes `"name":` for a dynamic name.
  mutating func key(string name: String) {
    string(name)
    reserve(2)
    put(UInt8(ascii: ":"))
    if isMultiline(depth) { put(32) }
    afterKey = true
  }

  mutating func string(_ value: String) {
    beforeValue()
    // Native strings lend their bytes in place (no copy of the string).
    if value.utf8.withContiguousStorageIfAvailable({ escape($0) }) != nil { return }
    var s = value
    s.withUTF8 { escape($0) }
  }

  /// An A1 cell reference as a string (`"E5"`), written without allocating.
  mutating func cell(row: Int, column: Int) {
    beforeValue()
    reserve(2 + CellAddress.maxA1Count)
    putCell(row: row, column: column)
  }

  /// `"A1"` (quotes included); room is reserved by the caller.
  private mutating func putCell(row: Int, column: Int) {
    put(UInt8(ascii: "\""))
    count += CellAddress.writeA1(row: row, column: column, to: base + count)
    put(UInt8(ascii: "\""))
  }

  /// The decimal digits of `value`, as `String(value)` spells them; room
  /// (20 bytes) is reserved by the caller.
  private mutating func putDigits(_ value: Int) {
    count += CellAddress.writeDigits(value, to: base + count)
  }

  mutating func int(_ value: Int) {
    beforeValue()
    reserve(21)
    putDigits(value)
  }

  /// A number: integers without a fraction, others in Swift's shortest form.
  mutating func double(_ value: Double) {
    if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
      int(Int(value))
    } else if value.isFinite {
      beforeValue()
      var text = value.description
      text.withUTF8 { b in
        reserve(b.count)
        if let p = b.baseAddress { put(p, b.count) }
      }
    } else {
      null()
    }
  }

  mutating func bool(_ value: Bool) { literal(value ? "true" : "false") }

  mutating func null() { literal("null") }

  private mutating func literal(_ word: StaticString) {
    beforeValue()
    reserve(word.utf8CodeUnitCount)
    put(word.utf8Start, word.utf8CodeUnitCount)
  }

  /// Writes one complete compact JSON value that `compose` writes in place
  /// (composed and escaped by the caller) as the next value: `compose` is
  /// given room for `most` bytes and returns how many it wrote.
  mutating func rawValue(most: Int, _ compose: (UnsafeMutablePointer<UInt8>) -> Int) {
    beforeValue()
    reserve(most)
    let written = compose(base + count)
    precondition(written <= most, "a composed value overran the room it was given")
    count += written
    maybeFlush()
  }

  /// Whether a location at the current position is written on one line, so
  /// `location(_:row:column:line:)` may write it from cached bytes.
  var writesCompactLocation: Bool { !isMultiline(depth + 1) }

  /// Writes `{"file":…,"sheet":…,"cell":"A1"}` (no `sheet` when nil; a
  /// CSV location's `,"line":N` before the brace) exactly as `beginObject`,
  /// `key`, `string`, `cell`, `int` and `endObject` would on one line; only
  /// when `writesCompactLocation`. The origin's names are looked up only
  /// when it differs from the last one. Writes nothing and returns false when
  /// the origin names a part (an XLSX error's location, written in full).
  mutating func location(_ origin: SourceOrigin, row: Int, column: Int, line: Int?) -> Bool {
    if locationOrigin != origin {
      locationPrefix = Self.locationPrefix(file: origin.file, sheet: origin.sheet)
      locationHasPart = origin.part != nil
      locationOrigin = origin
    }
    guard !locationHasPart else { return false }
    beforeValue()
    reserve(locationPrefix.count + 2 + CellAddress.maxA1Count + 8 + 20 + 1)
    locationPrefix.withUnsafeBufferPointer { put($0.baseAddress!, $0.count) }
    putCell(row: row, column: column)
    if let line {
      let key: StaticString = ",\"line\":"
      put(key.utf8Start, key.utf8CodeUnitCount)
      putDigits(line)
    }
    put(UInt8(ascii: "}"))
    maybeFlush()
    return true
  }

  private static func locationPrefix(file: String, sheet: String?) -> [UInt8] {
    var o = JSONOutput(sink: nil, pretty: false, capacity: 256)
    o.beginObject()
    o.key("file")
    o.string(file)
    if let sheet {
      o.key("sheet")
      o.string(sheet)
    }
    o.key("cell")
    return o.collected
  }

  private static let hex: StaticString = "0123456789abcdef"

  /// Writes `s` quoted and escaped. Room for the rest of the string and the
  /// closing quote is reserved up front and again after each escape; clean
  /// runs are found 32 bytes at a time (`ByteSearch`) and copied whole.
  private mutating func escape(_ s: UnsafeBufferPointer<UInt8>) {
    let n = s.count
    reserve(n + 2)
    put(UInt8(ascii: "\""))
    guard let src = s.baseAddress else {
      put(UInt8(ascii: "\""))
      return
    }
    var runStart = 0
    while true {
      let i = ByteSearch.firstIndex(ofControlOr: 0x22, 0x5C, in: src, from: runStart, to: n)
      if i > runStart { put(src + runStart, i - runStart) }
      guard i < n else { break }
      let b = src[i]
      reserve(6 + (n - i - 1) + 1)
      put(UInt8(ascii: "\\"))
      switch b {
      case 0x22: put(0x22)
      case 0x5C: put(0x5C)
      case 0x0A: put(UInt8(ascii: "n"))
      case 0x0D: put(UInt8(ascii: "r"))
      case 0x09: put(UInt8(ascii: "t"))
      case 0x08: put(UInt8(ascii: "b"))
      case 0x0C: put(UInt8(ascii: "f"))
      default:
        put(UInt8(ascii: "u"))
        put(48)
        put(48)
        put(Self.hex.utf8Start[Int(b >> 4)])
        put(Self.hex.utf8Start[Int(b & 15)])
      }
      runStart = i + 1
    }
    put(UInt8(ascii: "\""))
  }
}
