import ByteScan

extension String {
  /// The string with ASCII capitals lowered and every other byte as it is:
  /// what the recogniser's keyword checks need, without the Unicode case
  /// tables `lowercased()` loads on first use.
  var asciiLowercased: String {
    ASCIICase.lowercased(self)
  }

  /// Whether the string starts with the lower-case ASCII `word`, ignoring
  /// ASCII case.
  func hasASCIIPrefixIgnoringCase(_ word: String) -> Bool {
    ASCIICase.hasPrefix(self, lowercasePrefix: word)
  }

  /// Whether `part`'s UTF-8 bytes occur in this string's, a plain byte
  /// search. `String.contains(_:)` compares characters through the string
  /// processing library, whose first use in a process costs more than a
  /// small tracker's whole recognition; every text searched here is
  /// normalised or lower-cased first, so bytes answer the same.
  func containsUTF8(_ part: String) -> Bool {
    let a = Array(utf8)
    let b = Array(part.utf8)
    guard !b.isEmpty else { return true }
    guard a.count >= b.count else { return false }
    let first = b[0]
    var i = 0
    while i <= a.count - b.count {
      if a[i] == first {
        var k = 1
        while k < b.count, a[i + k] == b[k] { k += 1 }
        if k == b.count { return true }
      }
      i += 1
    }
    return false
  }
}
