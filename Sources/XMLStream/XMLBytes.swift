/// A borrowed view of bytes inside the XML parser: an element or attribute
/// name, an attribute value or a run of character data, always UTF-8.
///
/// Valid only during the handler call that received it: copy what you keep
/// (`string`, `append(to:)`). Made for hot loops: no allocation, and the
/// comparisons and accessors are inlinable.
public struct XMLBytes {
  @usableFromInline let start: UnsafePointer<UInt8>?
  /// Number of bytes.
  public let count: Int

  @usableFromInline init(start: UnsafePointer<UInt8>?, count: Int) {
    self.start = start
    self.count = start == nil ? 0 : count
  }

  /// Whether there are no bytes.
  @inlinable public var isEmpty: Bool { count == 0 }

  /// The byte at `index` (0-based); traps when out of range, a programming error.
  @inlinable public subscript(index: Int) -> UInt8 {
    precondition(index >= 0 && index < count, "XMLBytes index out of range")
    return start.unsafelyUnwrapped[index]
  }

  /// Whether the bytes equal an ASCII literal such as `"row"`.
  @inlinable public func equals(_ literal: StaticString) -> Bool {
    guard literal.utf8CodeUnitCount == count else { return false }
    let other = literal.utf8Start
    var i = 0
    while i < count {
      if start.unsafelyUnwrapped[i] != other[i] { return false }
      i += 1
    }
    return true
  }

  /// Appends the bytes to an array (the usual way to accumulate text).
  @inlinable public func append(to array: inout [UInt8]) {
    guard let start else { return }
    array.append(contentsOf: UnsafeBufferPointer(start: start, count: count))
  }

  /// Calls `body` with the bytes as a span.
  @inlinable public func withSpan<R>(_ body: (Span<UInt8>) throws -> R) rethrows -> R {
    try body(unsafe Span(_unsafeElements: UnsafeBufferPointer(start: start, count: count)))
  }

  /// The bytes decoded as UTF-8 (a copy).
  public var string: String {
    String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
  }

  /// A copy of the bytes.
  public var array: [UInt8] { Array(UnsafeBufferPointer(start: start, count: count)) }
}
