/// The master rows' normalised wording, and the rows by focus area and
/// wording, for `ActionMatcher`: worked out on first use.
///
/// A return whose every row names a key the master lists once needs
/// neither (the usual case): normalising every master row up front was the
/// matcher's largest setup cost. A reference type, so the matcher can fill
/// it while matching; it belongs to one matcher, used on one thread.
final class MasterWording {
  /// A row's text identity within its focus area.
  struct TextKey: Hashable {
    var focusRef: String
    var text: String
  }

  private let master: [Action]
  private var texts: [String?]
  private var byText: [TextKey: [Int]]?

  init(_ master: [Action]) {
    self.master = master
    texts = [String?](repeating: nil, count: master.count)
  }

  /// `MergeKeys.normalised` of a master row's wording.
  func text(_ row: Int) -> String {
    if let text = texts[row] { return text }
    let text = MergeKeys.normalised(master[row].text)
    texts[row] = text
    return text
  }

  /// The master rows, in order, with this normalised wording in this focus
  /// area (`""` for none); `nil` when there are none.
  func rows(focusRef: String, text: String) -> [Int]? {
    if byText == nil {
      var index: [TextKey: [Int]] = [:]
      for row in master.indices where !self.text(row).isEmpty {
        index[TextKey(focusRef: master[row].focusRef ?? "", text: self.text(row)), default: []].append(row)
      }
      byText = index
    }
    return byText?[TextKey(focusRef: focusRef, text: text)]
  }
}
