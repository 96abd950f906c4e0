/// Items of a few kinds: every item counted, the first `limit` of each kind
/// kept in the order given. A report lists a few hundred entries per kind;
/// on a large tracker there are a hundred thousand, so the rest are only
/// counted and never built (`add(_:_:)` makes an item only when it is kept).
struct CappedLists<Item> {
  /// Entries kept per kind.
  let limit: Int
  private var lists: [[Item]]
  /// Per kind, every item added (kept or not).
  private(set) var counts: [Int]

  init(kinds: Int, limit: Int) {
    self.limit = max(0, limit)
    lists = [[Item]](repeating: [], count: kinds)
    counts = [Int](repeating: 0, count: kinds)
  }

  /// Counts an item of `kind`, making and keeping it only while fewer than `limit` are kept.
  mutating func add(_ kind: Int, _ make: () -> Item) {
    if counts[kind] < limit { lists[kind].append(make()) }
    counts[kind] += 1
  }

  /// The kept items, by kind, each kind in the order added.
  var kept: [Item] { lists.flatMap { $0 } }
}
