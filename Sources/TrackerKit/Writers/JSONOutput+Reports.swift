/// The pieces the report writers (`DiffReportJSON`, `MergeReportDocument`)
/// build their documents from, over the one JSON writer.
extension JSONOutput {
  /// `"name": "value"` when there is a value; nothing when it is nil.
  mutating func string(_ name: StaticString, ifPresent value: String?) {
    guard let value else { return }
    key(name)
    string(value)
  }

  /// An array with one element written by `element` per item.
  mutating func array<T>(_ items: [T], _ element: (T, inout JSONOutput) -> Void) {
    beginArray()
    for item in items { element(item, &self) }
    endArray()
  }

  /// An object of a counts value's whole-number properties, by name in
  /// sorted order (`MergeSummary`, `PlanDiff.Counts`): every property is in
  /// the report without a list of names to keep in step.
  mutating func integers(of value: Any) {
    let fields = Mirror(reflecting: value).children.compactMap { child -> (String, Int)? in
      guard let label = child.label, let number = child.value as? Int else { return nil }
      return (label, number)
    }
    beginObject()
    for (name, number) in fields.sorted(by: { $0.0 < $1.0 }) {
      key(string: name)
      int(number)
    }
    endObject()
  }
}
