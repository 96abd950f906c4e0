#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Undoes libxml2's one rewrite of attribute values.
///
/// Without `XML_PARSE_NOENT` (which wsoa never sets: it would also expand
/// DTD entities), libxml2's SAX2 parser decodes every reference in an
/// attribute value (`&lt;` `&gt;` `&quot;` `&apos;` `&#NN;` `&#xNN;`)
/// except those that produce `&`: `&amp;`, `&#38;` and `&#x26;` all reach the
/// handler as the five bytes `&#38;`, so that a DOM could re-serialise them.
/// A literal `&` cannot otherwise appear in a value (XML forbids a bare one
/// and a DOCTYPE is refused, so there are no other entities), so every `&`
/// libxml2 hands over starts `&#38;` and one left-to-right pass that turns
/// each `&#38;` back into `&` gives exactly the value as written.
///
/// The decoded values live in buffers owned here and reused from one start
/// tag to the next, so an element without `&` (nearly all) costs one
/// byte scan per value and no copy.
final class AttributeAmpersands {
  private var fields: UnsafeMutablePointer<UnsafePointer<UInt8>?>?
  private var fieldCapacity = 0
  private var bytes: UnsafeMutablePointer<UInt8>?
  private var byteCapacity = 0

  deinit {
    fields?.deallocate()
    bytes?.deallocate()
  }

  /// The attribute block to hand to the handler: `original` itself when no
  /// value holds an `&`, else a copy whose values have `&#38;` decoded.
  /// Valid until the next call.
  func decoded(_ original: UnsafePointer<UnsafePointer<UInt8>?>?, count: Int) -> UnsafePointer<UnsafePointer<UInt8>?>? {
    guard let original, count > 0 else { return original }
    var total = 0
    var needed = false
    for i in 0..<count {
      guard let start = original[i * 5 + 3], let end = original[i * 5 + 4] else { continue }
      let length = end - start
      total += length
      if !needed, memchr(start, 0x26, length) != nil { needed = true }
    }
    guard needed else { return original }
    let fieldCount = count * 5
    if fieldCapacity < fieldCount {
      fields?.deallocate()
      fields = .allocate(capacity: fieldCount)
      fieldCapacity = fieldCount
    }
    if byteCapacity < max(total, 1) {
      bytes?.deallocate()
      bytes = .allocate(capacity: max(total, 1))
      byteCapacity = max(total, 1)
    }
    let out = fields.unsafelyUnwrapped
    let buffer = bytes.unsafelyUnwrapped
    out.update(from: original, count: fieldCount)
    var written = 0
    for i in 0..<count {
      guard let start = original[i * 5 + 3], let end = original[i * 5 + 4] else { continue }
      let length = end - start
      let valueStart = written
      var j = 0
      while j < length {
        let byte = start[j]
        buffer[written] = byte
        written += 1
        // `&#38;` → `&`: keep the `&`, skip the four bytes after it.
        if byte == 0x26, j + 4 < length, start[j + 1] == 0x23, start[j + 2] == 0x33, start[j + 3] == 0x38,
          start[j + 4] == 0x3B
        {
          j += 5
        } else {
          j += 1
        }
      }
      out[i * 5 + 3] = UnsafePointer(buffer + valueStart)
      out[i * 5 + 4] = UnsafePointer(buffer + written)
    }
    return UnsafePointer(out)
  }
}
