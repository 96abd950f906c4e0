/// Which sheet to read, as the user wrote it after `--sheet`: a name, or a
/// 1-based position. A sheet whose name matches exactly wins over a position,
/// so a sheet called `2021` is still found by name.
public struct SheetSelector: Hashable, Sendable, CustomStringConvertible {
  /// The text given.
  public var text: String

  /// Creates a selector from `--sheet`'s argument.
  public init(_ text: String) { self.text = text }

  /// The 0-based index of the selected sheet among `names`, or nil.
  public func index(in names: [String]) -> Int? {
    if let exact = names.firstIndex(of: text) { return exact }
    if let folded = names.firstIndex(where: { $0.lowercased() == text.lowercased() }) { return folded }
    if let position = Int(text), position >= 1, position <= names.count { return position - 1 }
    return nil
  }

  /// The text given.
  public var description: String { text }
}
