/// Holds the last large value a command made (a plan, a report) until the
/// process exits: freeing a 100,000-action plan costs a fifth of a second
/// the process is about to get back for free at exit. Only the last value
/// is kept, so a batch does not hold every file it converted.
enum KeptUntilExit {
  private final class Box: @unchecked Sendable { var value: Any? }
  private static let box = Box()

  /// Keeps `value` (and lets the one kept before go).
  static func keep(_ value: Any) { box.value = value }
}
