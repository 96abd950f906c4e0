#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The de-duplicating index behind `xl/sharedStrings.xml`: each distinct
/// string gets the next index, in first-seen order.
///
/// Strings are compared by their UTF-8 bytes (not by Swift's canonical
/// equivalence, which would merge `é` and `e` + combining accent and so
/// change the data). The bytes live in large arena blocks and an
/// open-addressing table holds about 32 bytes per string, so memory is about the
/// total size of the distinct strings: the one thing a streaming writer has
/// to keep. The hash is seeded per process against collision flooding;
/// indices do not depend on it.
final class SharedStringIndex {
  private struct Entry {
    var hash: UInt64
    var block: UInt32
    var offset: UInt32
    var length: UInt32
    /// The `<si>` index (differs from the entry's position once unindexed
    /// items were added).
    var index: UInt32
  }

  private static let blockSize = 8 << 20
  private var blocks: [UnsafeMutableRawBufferPointer] = []
  private var blockUsed = SharedStringIndex.blockSize
  private var entries: [Entry] = []
  private var slots: [Int32]
  private var mask: Int
  private let seed: UInt64
  /// Number of string cells written (the `count` attribute).
  private(set) var references = 0
  /// Items added without being remembered (`appendUnindexed`).
  private var unindexed = 0

  /// Number of `<si>` items (the `uniqueCount` attribute).
  var uniqueCount: Int { entries.count + unindexed }

  init() {
    slots = [Int32](repeating: -1, count: 1024)
    mask = 1023
    var random = SystemRandomNumberGenerator()
    seed = random.next()
  }

  deinit {
    for block in blocks { block.deallocate() }
  }

  /// The index of a string, adding it when new.
  ///
  /// - Returns: the index, and whether the string was added now (the caller
  ///   then writes its `<si>`).
  func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> (index: Int, isNew: Bool) {
    references += 1
    let hash = SharedStringIndex.hash(bytes, seed: seed)
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let candidate = slots[slot]
      if candidate < 0 { break }
      let entry = entries[Int(candidate)]
      if entry.hash == hash && entry.length == bytes.count && equals(entry, bytes) {
        return (Int(entry.index), false)
      }
      slot = (slot + 1) & mask
    }
    let index = uniqueCount
    entries.append(store(bytes, hash: hash, index: index))
    slots[slot] = Int32(truncatingIfNeeded: entries.count - 1)
    if entries.count * 2 > slots.count { grow() }
    return (index, true)
  }

  private func equals(_ entry: Entry, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress, entry.length > 0 else { return true }
    let stored = blocks[Int(entry.block)].baseAddress! + Int(entry.offset)
    return memcmp(stored, base, Int(entry.length)) == 0
  }

  /// Adds an item that is never looked up again (a long string when
  /// de-duplication is limited): it costs no memory.
  func appendUnindexed() -> Int {
    references += 1
    unindexed += 1
    return uniqueCount - 1
  }

  private func store(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64, index: Int) -> Entry {
    let length = bytes.count
    if blockUsed + length > SharedStringIndex.blockSize || blocks.isEmpty {
      blocks.append(.allocate(byteCount: max(SharedStringIndex.blockSize, length), alignment: 8))
      blockUsed = 0
    }
    let block = blocks.count - 1
    if let base = bytes.baseAddress, length > 0 {
      (blocks[block].baseAddress! + blockUsed).copyMemory(from: base, byteCount: length)
    }
    let entry = Entry(
      hash: hash, block: UInt32(block), offset: UInt32(blockUsed), length: UInt32(length), index: UInt32(index))
    // An oversized string filled its own block: start a fresh one next time.
    blockUsed = length > SharedStringIndex.blockSize ? SharedStringIndex.blockSize : blockUsed + length
    return entry
  }

  private func grow() {
    let capacity = slots.count * 2
    slots = [Int32](repeating: -1, count: capacity)
    mask = capacity - 1
    for (index, entry) in entries.enumerated() {
      var slot = Int(truncatingIfNeeded: entry.hash) & mask
      while slots[slot] >= 0 { slot = (slot + 1) & mask }
      slots[slot] = Int32(truncatingIfNeeded: index)
    }
  }

  /// A fast 64-bit hash over 8-byte words (multiply-xorshift mixing).
  private static func hash(_ bytes: UnsafeBufferPointer<UInt8>, seed: UInt64) -> UInt64 {
    var h = seed ^ (UInt64(bytes.count) &* 0x9E37_79B9_7F4A_7C15)
    guard let base = bytes.baseAddress else { return mix(h) }
    let raw = UnsafeRawPointer(base)
    var i = 0
    let n = bytes.count
    while i + 8 <= n {
      let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
      h = (h ^ mix(word)) &* 0xFF51_AFD7_ED55_8CCD
      i += 8
    }
    var tail: UInt64 = 0
    var shift: UInt64 = 0
    while i < n {
      tail |= UInt64(base[i]) << shift
      shift += 8
      i += 1
    }
    return mix(h ^ tail)
  }

  @inline(__always)
  private static func mix(_ value: UInt64) -> UInt64 {
    var z = value &+ 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
