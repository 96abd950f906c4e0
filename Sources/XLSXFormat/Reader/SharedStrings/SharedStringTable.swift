import XMLStream

/// The shared-strings table, read once into contiguous byte segments.
///
/// Each item is a (segment, offset, length) triple into large byte buffers,
/// not one `String` per item, so reading the table costs no allocation per
/// string and little memory beyond the text itself. A lookup makes the
/// `String` a cell needs; a string looked up a second time is cached, so
/// repeated strings (statuses, leads) are built once and then shared.
///
/// Hot stored properties opt out of dynamic exclusivity checks: the table
/// is filled by one parser on one thread, then only read.
final class SharedStringTable {
  private struct Item {
    var segment: Int
    var offset: Int
    var length: Int
  }

  private static let segmentSize = 4 << 20
  @exclusivity(unchecked) private var segments: [[UInt8]] = []
  @exclusivity(unchecked) private var current: [UInt8] = []
  @exclusivity(unchecked) private var items: [Item] = []
  @exclusivity(unchecked) private var itemStart = 0
  @exclusivity(unchecked) private var cache: [String?] = []
  @exclusivity(unchecked) private var seenOnce: [UInt64] = []
  /// Bytes of text held.
  @exclusivity(unchecked) private(set) var totalBytes = 0

  init() {
    current.reserveCapacity(SharedStringTable.segmentSize)
  }

  /// Number of items.
  var count: Int { items.count }

  /// Reserves room for `count` items (capped, as the declared count may lie).
  func reserve(_ count: Int) {
    items.reserveCapacity(min(count, 1 << 20))
  }

  /// Starts a new item.
  func beginItem() {
    itemStart = current.count
  }

  /// Appends text to the item being read, moving it to a fresh segment
  /// when the current one is full.
  func append(_ text: XMLBytes) {
    if current.count + text.count > current.capacity, !current.isEmpty {
      startSegment(keepingItemBytes: text.count)
    }
    text.append(to: &current)
    totalBytes += text.count
  }

  /// Ends the item: decodes `_xHHHH_` escapes and records it.
  func endItem() {
    let before = current.count
    XStringEscapes.decode(&current, from: itemStart)
    totalBytes -= before - current.count
    items.append(
      Item(segment: segments.count, offset: itemStart, length: current.count - itemStart))
  }

  /// Ends reading: the last segment joins the others.
  func finish() {
    segments.append(current)
    current = []
  }

  /// The byte length of item `index`.
  func byteCount(at index: Int) -> Int {
    items[index].length
  }

  /// The length of item `index` in UTF-16 code units (as Excel counts).
  func characterCount(at index: Int) -> Int {
    let item = items[index]
    return segments[item.segment].withUnsafeBufferPointer { buffer in
      XStringEscapes.utf16Length(UnsafeBufferPointer(rebasing: buffer[item.offset..<item.offset + item.length]))
    }
  }

  /// The text of item `index` (which must be in range).
  func string(at index: Int) -> String {
    if !cache.isEmpty, let cached = cache[index] { return cached }
    let item = items[index]
    let text = segments[item.segment].withUnsafeBufferPointer { buffer in
      String(decoding: UnsafeBufferPointer(rebasing: buffer[item.offset..<item.offset + item.length]), as: UTF8.self)
    }
    let word = index >> 6
    let bit = UInt64(1) << UInt64(index & 63)
    if seenOnce.isEmpty { seenOnce = [UInt64](repeating: 0, count: (items.count + 63) >> 6) }
    if seenOnce[word] & bit == 0 {
      seenOnce[word] |= bit
    } else {
      if cache.isEmpty { cache = [String?](repeating: nil, count: items.count) }
      cache[index] = text
    }
    return text
  }

  private func startSegment(keepingItemBytes incoming: Int) {
    let partial = current[itemStart...]
    var next: [UInt8] = []
    next.reserveCapacity(max(SharedStringTable.segmentSize, (partial.count + incoming) * 2))
    next.append(contentsOf: partial)
    current.removeSubrange(itemStart...)
    segments.append(current)
    current = next
    itemStart = 0
  }
}
