/// Identifier grammar of domain.md §5.2: focus-area cells, action cells, ref
/// cells and area labels.
///
/// ```swift
/// RefParser.focus("Ref -1.2 United vision")  // ref "1.2", title "United vision", variant
/// RefParser.action("F. Through a TAC principle")  // letter "F"
/// RefParser.ref("3.2(b)")?.key              // "3.2B"
/// RefParser.area("Work stream One")?.id     // "1"
/// ```
public enum RefParser {
  /// A focus-area cell split into its ref and title.
  public struct FocusCell: Hashable, Sendable {
    /// Normalised ref (`1.2`).
    public var ref: String
    /// The ref as written (`Ref -1.2`).
    public var rawRef: String
    /// The title after the ref.
    public var title: String
    /// Whether the ref is spelt other than `Ref - 1.2` or `1.2` (`ref.normalised`).
    public var isVariant: Bool
  }

  /// An action cell split into its letter (or number) and text.
  public struct ActionCell: Hashable, Sendable {
    /// The upper-case letter (`F`), when the cell starts with `F.` or `F)`.
    public var letter: String?
    /// The number, when the cell starts with `3.` or `3)`.
    public var number: Int?
    /// The wording without its letter.
    public var text: String
    /// The letter as written (`F.`), or empty.
    public var rawRef: String
  }

  /// A ref cell (`3.1F`, `4.2 b`, `3.2(b)`, `6e`).
  public struct RefCell: Hashable, Sendable {
    /// The normalised key (`4.2B`).
    public var key: String
    /// The numeric part (`4.2`), when there is one.
    public var focusRef: String?
    /// The letter, when there is one.
    public var letter: String?
    /// Whether it was written other than as its key (`ref.normalised`).
    public var isVariant: Bool
  }

  /// An area / priority label (`Priority 2: Aspirations…`, `ASW 1`).
  public struct AreaLabel: Hashable, Sendable {
    /// Normalised id (`2`, `1`, `A`).
    public var id: String
    /// The label as written (`Priority 2`).
    public var rawLabel: String
    /// The title after the label (may be empty).
    public var title: String
  }

  /// Reads a focus-area cell; `nil` unless it starts with a number (after an optional `Ref`).
  public static func focus(_ text: String) -> FocusCell? {
    let b = TextBytes.array(text)
    var i = TextBytes.skipSpaces(b, 0)
    let start = i
    i = skipRefWord(b, i)
    guard let (ref, refEnd) = dottedNumber(b, i) else { return nil }
    var j = TextBytes.skipSpaces(b, refEnd)
    let dash = TextBytes.dashLength(b, j)
    if dash > 0 { j += dash } else if b.at(j) == UInt8(ascii: ":") || b.at(j) == UInt8(ascii: ".") || b.at(j) == UInt8(ascii: ")") { j += 1 }
    let rawRef = TextBytes.string(b, start, refEnd)
    let title = TextBytes.string(b, j, b.count).collapsedWhitespace
    return FocusCell(ref: ref, rawRef: rawRef, title: title, isVariant: rawRef != ref && rawRef != "Ref - " + ref)
  }

  /// Reads an action cell; a letter or number counts only at the very start
  /// (`i. Defined aspirations` inside the text is not a letter).
  public static func action(_ text: String) -> ActionCell {
    let b = TextBytes.array(text)
    let i = TextBytes.skipSpaces(b, 0)
    if i + 2 < b.count, TextBytes.isLetter(b[i]), b[i + 1] == UInt8(ascii: ".") || b[i + 1] == UInt8(ascii: ")"),
      TextBytes.isSpace(b, i + 2)
    {
      return ActionCell(
        letter: String(UnicodeScalar(b[i] & 0xDF)), text: TextBytes.string(b, TextBytes.skipSpaces(b, i + 2), b.count).collapsedWhitespace,
        rawRef: TextBytes.string(b, i, i + 2))
    }
    if i + 3 < b.count, b[i] == UInt8(ascii: "("), TextBytes.isLetter(b[i + 1]), b[i + 2] == UInt8(ascii: ")"),
      TextBytes.isSpace(b, i + 3)
    {
      return ActionCell(
        letter: String(UnicodeScalar(b[i + 1] & 0xDF)), text: TextBytes.string(b, TextBytes.skipSpaces(b, i + 3), b.count).collapsedWhitespace,
        rawRef: TextBytes.string(b, i, i + 3))
    }
    let digitsEnd = TextBytes.digitRunEnd(b, i)
    if digitsEnd > i, digitsEnd - i <= 3, b.at(digitsEnd) == UInt8(ascii: ".") || b.at(digitsEnd) == UInt8(ascii: ")"),
      TextBytes.isSpace(b, digitsEnd + 1), let n = TextBytes.number(b, i, digitsEnd)
    {
      return ActionCell(
        letter: nil, number: n, text: TextBytes.string(b, TextBytes.skipSpaces(b, digitsEnd + 1), b.count).collapsedWhitespace,
        rawRef: TextBytes.string(b, i, digitsEnd + 1))
    }
    return ActionCell(letter: nil, number: nil, text: text.collapsedWhitespace, rawRef: "")
  }

  /// Reads a ref cell: `<digits>` or `<digits><LETTER>` after an optional
  /// `Ref`, `Action`, `No.` or `ID`; letter-first ids (`A2`) are kept as
  /// written in capitals. `nil` for anything else.
  public static func ref(_ text: String) -> RefCell? {
    let b = TextBytes.array(text)
    let (a, e) = TextBytes.trimmedRange(b, 0, b.count)
    guard a < e else { return nil }
    let s = Array(b[a..<e])
    var i = skipRefWord(s, 0)
    if let (digits, end) = dottedNumber(s, i) {
      i = end
      if i < s.count, s[i] == UInt8(ascii: "-") || s[i] == UInt8(ascii: ".") || s[i] == 32 { i += 1 }
      var open = false
      if s.at(i) == UInt8(ascii: "(") {
        open = true
        i += 1
      }
      var letter: String?
      if i < s.count, TextBytes.isLetter(s[i]), !TextBytes.isLetter(s.at(i + 1)) {
        letter = String(UnicodeScalar(s[i] & 0xDF))
        i += 1
      }
      if open {
        guard s.at(i) == UInt8(ascii: ")") else { return nil }
        i += 1
      }
      guard i == s.count else { return nil }
      let key = digits + (letter ?? "")
      return RefCell(key: key, focusRef: digits, letter: letter, isVariant: String(decoding: s, as: UTF8.self) != key)
    }
    // Letter-first ids such as A2, B.3.
    guard i == 0, TextBytes.isLetter(s[0]), s.count <= 8,
      s.allSatisfy({ TextBytes.isAlnum($0) || $0 == UInt8(ascii: ".") }), s.contains(where: TextBytes.isDigit)
    else { return nil }
    let key = String(decoding: s.map { TextBytes.isLetter($0) ? $0 & 0xDF : $0 }, as: UTF8.self)
    return RefCell(key: key, focusRef: nil, letter: nil, isVariant: key != String(decoding: s, as: UTF8.self))
  }

  private static let areaWords: [StaticString] = [
    "area of significant weakness", "area of weakness", "improvement area", "priority area", "priority",
    "workstream", "work stream", "working group", "section", "theme", "aosw", "asw", "area",
  ]

  /// Reads an area label: `Priority 2: title`, `ASW 1`, `Area 3`,
  /// `Work stream One` (number words one–twelve), `Section A`; with
  /// `requireKeyword: false` also `A. Strategy` and `2 - title`.
  public static func area(_ text: String, requireKeyword: Bool = true) -> AreaLabel? {
    let b = TextBytes.array(text)
    let start = TextBytes.skipSpaces(b, 0)
    var i = start
    var sawWord = false
    for word in areaWords where TextBytes.hasPrefixCI(b, i, word) {
      let end = i + word.utf8CodeUnitCount
      guard !TextBytes.isLetter(b.at(end)) else { continue }
      i = TextBytes.skipSpaces(b, end)
      if b.at(i) == UInt8(ascii: ":") || TextBytes.dashLength(b, i) > 0 {
        i = TextBytes.skipSpaces(b, i + max(1, TextBytes.dashLength(b, i)))
      }
      sawWord = true
      break
    }
    guard sawWord || !requireKeyword else { return nil }
    var id: String
    var idEnd: Int
    if let (digits, end) = dottedNumber(b, i) {
      (id, idEnd) = (digits, end)
    } else if TextBytes.isLetter(b.at(i)) {
      let end = TextBytes.letterRunEnd(b, i)
      if let n = MonthNames.numberWords[TextBytes.lowerString(b, i, end)], sawWord {
        (id, idEnd) = (String(n), end)
      } else if end == i + 1, !TextBytes.isWordAt(b, end) {
        (id, idEnd) = (String(UnicodeScalar(b[i] & 0xDF)), end)
        if !sawWord, b.at(end) != UInt8(ascii: "."), b.at(end) != UInt8(ascii: ")") { return nil }
      } else {
        return nil
      }
    } else {
      return nil
    }
    var j = TextBytes.skipSpaces(b, idEnd)
    let dash = TextBytes.dashLength(b, j)
    if dash > 0 { j += dash } else if [UInt8(ascii: ":"), UInt8(ascii: "."), UInt8(ascii: ")")].contains(b.at(j)) { j += 1 }
    return AreaLabel(
      id: id, rawLabel: TextBytes.string(b, start, idEnd), title: TextBytes.string(b, j, b.count).collapsedWhitespace)
  }

  /// The composite key of an action: focus ref + letter (`1.1A`, `4D`); with
  /// no letter, `<focusRef>#<row>` (domain.md §5.2).
  public static func compositeKey(focusRef: String?, letter: String?, row: Int) -> String {
    if let letter {
      if let focusRef { return focusRef + letter }
      return letter + "#\(row)"
    }
    return (focusRef ?? "") + "#\(row)"
  }

  /// Skips `Ref`, `Ref.`, `Action`, `No.`, `ID` and a separator after it.
  private static func skipRefWord(_ b: [UInt8], _ i: Int) -> Int {
    for word: StaticString in ["ref", "action", "no", "id"] where TextBytes.hasPrefixCI(b, i, word) {
      var j = i + word.utf8CodeUnitCount
      guard !TextBytes.isLetter(b.at(j)) else { continue }
      if b.at(j) == UInt8(ascii: ".") { j += 1 }
      j = TextBytes.skipSpaces(b, j)
      let dash = TextBytes.dashLength(b, j)
      if dash > 0 { j += dash } else if b.at(j) == UInt8(ascii: ":") { j += 1 }
      return TextBytes.skipSpaces(b, j)
    }
    return i
  }

  /// `\d+(\.\d+)*` at `i`: the text and the index after it.
  static func dottedNumber(_ b: [UInt8], _ i: Int) -> (String, Int)? {
    var j = TextBytes.digitRunEnd(b, i)
    guard j > i, j - i <= 4 else { return nil }
    while b.at(j) == UInt8(ascii: "."), TextBytes.isDigit(b.at(j + 1)) {
      j = TextBytes.digitRunEnd(b, j + 1)
    }
    return (TextBytes.string(b, i, j), j)
  }
}
