/// Maps namespace URIs to the small integer ids a handler switches on.
///
/// libxml2 interns URIs in the parser's dictionary, so one URI arrives as the
/// same pointer every time; a short pointer cache makes the lookup a few
/// comparisons. No namespace maps to 0, a URI not in the table to -1.
///
/// The cache opts out of dynamic exclusivity checks: one parser, one thread.
@usableFromInline final class NamespaceTable {
  private let ids: [String: Int]
  @exclusivity(unchecked) private var cachedPointers: [UnsafePointer<UInt8>] = []
  @exclusivity(unchecked) private var cachedIDs: [Int] = []
  private static let cacheLimit = 32

  /// Creates a table from URI → id (ids should be positive).
  init(_ ids: [String: Int]) {
    self.ids = ids
  }

  /// The id of a URI: 0 for no namespace, -1 for one not in the table.
  func id(of uri: UnsafePointer<UInt8>?) -> Int {
    guard let uri else { return 0 }
    for i in cachedPointers.indices where cachedPointers[i] == uri { return cachedIDs[i] }
    let id = ids[String(cString: uri)] ?? -1
    if cachedPointers.count < NamespaceTable.cacheLimit {
      cachedPointers.append(uri)
      cachedIDs.append(id)
    }
    return id
  }
}
