import Dispatch

/// Frees a large value on a background thread. Dropping a 100,000-row grid
/// (a million cells, their strings and arrays) takes tens of milliseconds;
/// once the plan is recognised nothing reads the grid again, so it is handed
/// to a utility queue and the caller goes on to write the plan meanwhile.
/// The value moves into the box, so the background thread holds its last
/// reference. A small value is freed on the spot: the queue's first use
/// starts three threads, which costs more than freeing a sample's grid.
final class BackgroundRelease<Value>: @unchecked Sendable {
  private var value: Value?

  private init(_ value: consuming Value) { self.value = value }

  /// Releases `value` on a background queue when `isLarge`, here otherwise.
  static func drop(_ value: consuming Value, isLarge: Bool) {
    guard isLarge else { return }
    let box = BackgroundRelease(value)
    DispatchQueue.global(qos: .utility).async { box.value = nil }
  }
}
