#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A cheap pass over a part's bytes, chunk by chunk as they are fed, that
/// enforces `XMLLimits` before libxml2 parses them: it counts the `=` of
/// each start tag outside quoted values (one per attribute) and every
/// `xmlns` inside tags. Text between tags is skipped with `memchr`, as are
/// quoted values, comments, processing instructions and declarations
/// (`<!…>`, `<?…>`, which end at the next `>`). It may overcount (an `xmlns`
/// inside an attribute name), never undercount, so the limits are safe.
struct MarkupPrescan {
  private enum State: UInt8 { case text, tagStart, tag, quoted, declaration }

  /// What went over a limit.
  enum Violation: Error {
    case attributes(limit: Int)
    case namespaces(limit: Int)

    var reason: String {
      switch self {
      case .attributes(let limit):
        "an element has more than \(limit) attributes, the limit (XMLLimits.maxAttributesPerElement)"
      case .namespaces(let limit):
        "the part declares more than \(limit) namespaces, the limit (XMLLimits.maxNamespaceDeclarations)"
      }
    }
  }

  let limits: XMLLimits
  private var state = State.text
  private var quote: UInt8 = 0
  private var attributes = 0
  private var namespaces = 0
  /// How much of `xmlns` the last bytes of the tag matched.
  private var matched = 0

  private static let xmlns: (UInt8, UInt8, UInt8, UInt8, UInt8) = (0x78, 0x6D, 0x6C, 0x6E, 0x73)

  init(limits: XMLLimits) {
    self.limits = limits
  }

  /// Scans the next chunk; the first limit it passes, if any.
  mutating func check(_ bytes: UnsafeBufferPointer<UInt8>) -> Violation? {
    do {
      try scan(bytes)
      return nil
    } catch {
      return error
    }
  }

  /// Scans the next chunk.
  ///
  /// - Throws: `Violation` at the first limit passed.
  private mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>) throws(Violation) {
    guard let base = bytes.baseAddress else { return }
    let end = bytes.count
    var i = 0
    while i < end {
      switch state {
      case .text:
        guard let hit = memchr(base + i, 0x3C, end - i) else { return }  // <
        i = UnsafeRawPointer(hit).assumingMemoryBound(to: UInt8.self) - base + 1
        state = .tagStart
      case .tagStart:
        let byte = base[i]
        if byte == 0x21 || byte == 0x3F {  // ! ?
          state = .declaration
          i += 1
        } else {
          state = .tag
          attributes = 0
          matched = 0
        }
      case .declaration:
        guard let hit = memchr(base + i, 0x3E, end - i) else { return }  // >
        i = UnsafeRawPointer(hit).assumingMemoryBound(to: UInt8.self) - base + 1
        state = .text
      case .quoted:
        guard let hit = memchr(base + i, Int32(quote), end - i) else { return }
        i = UnsafeRawPointer(hit).assumingMemoryBound(to: UInt8.self) - base + 1
        state = .tag
      case .tag:
        scanning: while i < end {
          let byte = base[i]
          i += 1
          switch byte {
          case 0x3E:  // >
            state = .text
            matched = 0
            break scanning
          case 0x22, 0x27:  // " '
            quote = byte
            state = .quoted
            matched = 0
            break scanning
          case 0x3D:  // =
            matched = 0
            attributes += 1
            if attributes > limits.maxAttributesPerElement {
              throw .attributes(limit: limits.maxAttributesPerElement)
            }
          default:
            try match(byte)
          }
        }
      }
    }
  }

  @inline(__always)
  private mutating func match(_ byte: UInt8) throws(Violation) {
    let expected: UInt8
    switch matched {
    case 0: expected = Self.xmlns.0
    case 1: expected = Self.xmlns.1
    case 2: expected = Self.xmlns.2
    case 3: expected = Self.xmlns.3
    default: expected = Self.xmlns.4
    }
    if byte == expected {
      matched += 1
      if matched == 5 {
        matched = 0
        namespaces += 1
        if namespaces > limits.maxNamespaceDeclarations {
          throw .namespaces(limit: limits.maxNamespaceDeclarations)
        }
      }
    } else {
      matched = byte == Self.xmlns.0 ? 1 : 0
    }
  }
}
