import ByteScan
import Diagnostics

/// The comparison keys merge matches on. Text is compared after
/// normalisation (whitespace collapsed, typographic quotes and dashes folded,
/// case folded); nothing is ever fuzzy-matched.
enum MergeKeys {
  /// Trims, collapses runs of whitespace to one space, folds `‘’“”` to
  /// `'"`, `–—` to `-`, and lower-cases.
  static func normalised(_ text: String) -> String {
    var text = text
    return text.withUTF8 { bytes in
      // ASCII fast path over bytes; anything else goes through Unicode scalars.
      guard !bytes.contains(where: { $0 >= 0x80 }) else { return normalisedScalars(String(decoding: bytes, as: UTF8.self)) }
      return String(unsafeUninitializedCapacity: bytes.count) { out in
        var count = 0
        var pendingSpace = false
        for byte in bytes {
          switch byte {
          case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D:
            pendingSpace = count > 0
            continue
          default:
            break
          }
          if pendingSpace {
            out[count] = 0x20
            count += 1
            pendingSpace = false
          }
          out[count] = ASCIICase.lower(byte)
          count += 1
        }
        return count
      }
    }
  }

  /// Whether two texts normalise alike (`normalised(a) == normalised(b)`),
  /// without building either: ASCII texts are normalised byte by byte as
  /// they are compared, so two different wordings part at their first
  /// difference; a text with any other character is normalised whole.
  static func sameWording(_ a: String, _ b: String) -> Bool {
    if a == b { return true }
    var (a, b) = (a, b)
    let decided: Bool? = a.withUTF8 { x in
      b.withUTF8 { y in
        var left = NormalisedASCII(x)
        var right = NormalisedASCII(y)
        while true {
          let (l, r) = (left.next(), right.next())
          if l == NormalisedASCII.other || r == NormalisedASCII.other { return nil }
          if l != r { return false }
          if l == NormalisedASCII.end { return true }
        }
      }
    }
    return decided ?? (normalised(a) == normalised(b))
  }

  /// The bytes `normalised` makes of an ASCII text, one at a time.
  private struct NormalisedASCII {
    static let end = -1
    /// A byte outside ASCII: the text must be normalised whole.
    static let other = -2
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    var pendingSpace = false
    var started = false
    var held: UInt8?

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    mutating func next() -> Int {
      if let byte = held {
        held = nil
        return Int(byte)
      }
      while index < bytes.count {
        let byte = bytes[index]
        index += 1
        if byte >= 0x80 { return Self.other }
        if byte == 0x20 || (0x09...0x0D).contains(byte) {
          pendingSpace = started
          continue
        }
        started = true
        if pendingSpace {
          pendingSpace = false
          held = ASCIICase.lower(byte)
          return 0x20
        }
        return Int(ASCIICase.lower(byte))
      }
      return Self.end
    }
  }

  private static func normalisedScalars(_ text: String) -> String {
    var scalars = String.UnicodeScalarView()
    var pendingSpace = false
    for scalar in text.unicodeScalars {
      if scalar.properties.isWhitespace {
        pendingSpace = !scalars.isEmpty
        continue
      }
      if pendingSpace {
        scalars.append(" ")
        pendingSpace = false
      }
      switch scalar.value {
      case 0x2018, 0x2019, 0x201B, 0x2032: scalars.append("'")
      case 0x201C, 0x201D, 0x201F, 0x2033: scalars.append("\"")
      case 0x2010...0x2015, 0x2212: scalars.append("-")
      case 0x41...0x5A: scalars.append(Unicode.Scalar(scalar.value + 0x20) ?? scalar)
      case 0...0x7F: scalars.append(scalar)
      default: scalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
      }
    }
    return String(scalars)
  }

  /// Whether a text normalises to nothing (empty or whitespace only), without normalising it.
  static func isBlank(_ text: String) -> Bool {
    text.utf8.allSatisfy { $0 == 0x20 || (0x09...0x0D).contains($0) } || text.allSatisfy(\.isWhitespace)
  }

  /// The text without leading and trailing whitespace.
  static func trimmed(_ text: String) -> String {
    guard let first = text.firstIndex(where: { !$0.isWhitespace }),
      let last = text.lastIndex(where: { !$0.isWhitespace })
    else { return "" }
    return String(text[first...last])
  }

  /// Whether a key was made up from a row number (`1.1#12`) because the
  /// action has neither letter nor ref; such keys never match across files.
  static func isSynthetic(_ key: String) -> Bool {
    // Over the bytes in place (a key is short: iterating the UTF-8 view
    // decodes a small string byte by byte); called for every row of every return.
    key.utf8.withContiguousStorageIfAvailable { $0.contains(UInt8(ascii: "#")) } ?? key.utf8.contains(UInt8(ascii: "#"))
  }

  /// Whether a status cell is empty (no text and no fill).
  static func isEmpty(_ status: Status) -> Bool {
    isEmpty(rating: status.rating, raw: status.raw)
  }

  /// What makes two statuses equal: the colour read, i.e. the rating and the
  /// `towards` rating (so `G` equals `Green`, and `G/A` equals `Green/Amber`);
  /// unknown statuses compare by text. Completion and the council's label are
  /// left out: they come from a legend, and a return on a template without
  /// the legend reads the same `G` without them. `nil` for an empty cell.
  static func status(_ status: Status) -> StatusKey? {
    self.status(rating: status.rating, towards: status.towards, raw: status.raw)
  }

  /// `status(_:)` from a status's fields, for callers that read them in
  /// place (copying a `Status` retains each of its strings).
  @inline(__always)
  static func status(rating: Rating, towards: Rating?, raw: String) -> StatusKey? {
    if isEmpty(rating: rating, raw: raw) { return nil }
    let byText = rating == .unknown || rating == .none
    return StatusKey(rating: rating, towards: towards, text: byText ? normalised(raw) : nil)
  }

  /// Whether a non-empty status's fields have this key: `status(rating:
  /// towards: raw:) == key`, without building (and copying) a key for it; the
  /// text is normalised only for statuses outside the vocabulary.
  @inline(__always)
  static func status(rating: Rating, towards: Rating?, raw: String, equals key: StatusKey?) -> Bool {
    guard let key, key.rating == rating, key.towards == towards else { return false }
    let byText = rating == .unknown || rating == .none
    return byText ? key.text == normalised(raw) : key.text == nil
  }

  /// `isEmpty(_:)` from a status's fields.
  @inline(__always)
  static func isEmpty(rating: Rating, raw: String) -> Bool {
    rating == .none && raw.allSatisfy(\.isWhitespace)
  }

  /// Leads compared as a set of case-folded names (`A/B` equals `b / a`);
  /// empty when the action names none.
  static func leads(_ leads: [Lead]) -> String {
    if leads.count == 1 { return normalised(leads[0].name.isEmpty ? leads[0].raw : leads[0].name) }
    return leads.map { normalised($0.name.isEmpty ? $0.raw : $0.name) }.filter { !$0.isEmpty }.sorted()
      .joined(separator: "\u{1F}")
  }

  /// A note's identity: its date at its precision (or, for a partial prefix
  /// such as `Q2:`, the prefix as written) and its normalised text.
  static func note(_ note: ProgressNote) -> NoteKey {
    NoteKey(date: noteDate(note), text: normalised(note.text.isEmpty ? note.raw : note.text))
  }

  /// The date part of a note's identity; empty for an undated note.
  static func noteDate(_ note: ProgressNote) -> String {
    let date = dateKey(note.date)
    if date.isEmpty, let prefix = note.prefix { return "prefix:" + normalised(prefix) }
    return date
  }

  /// A date's identity at its precision (`2021-02/month`), empty when absent.
  static func dateKey(_ date: DateValue?) -> String {
    guard let date else { return "" }
    return date.description + "/" + date.precision.rawValue
  }

  /// An evidence item's identity: its E-code when it cites one, otherwise
  /// its normalised text (its raw text when the text is empty).
  static func evidence(_ item: EvidenceItem) -> String {
    if let ref = item.ref, !ref.isEmpty { return "ref:" + normalised(ref) }
    let text = normalised(item.text)
    return text.isEmpty ? "raw:" + normalised(item.raw) : "text:" + text
  }
}

/// A status's identity for comparison (`MergeKeys.status`).
struct StatusKey: Hashable {
  var rating: Rating
  var towards: Rating?
  /// The normalised text, for statuses outside the vocabulary only.
  var text: String?
}

/// A note exactly as written (date, prefix, text): equal exact keys mean
/// equal normalised keys, so most duplicates are found without normalising.
struct ExactNoteKey: Hashable {
  var date: DateValue?
  var prefix: String?
  var text: String

  init(_ note: ProgressNote) {
    date = note.date
    prefix = note.date == nil ? note.prefix : nil
    text = note.text.isEmpty ? note.raw : note.text
  }
}

/// Membership by exact text first, normalised text only on a miss.
///
/// Returns copy the master, so nearly every note and evidence item is found
/// by its exact text; normalising (the costly part) happens only for the
/// few that are new or reworded.
struct TwoLevelSet<Exact: Hashable, Normal: Hashable> {
  private var exact: Set<Exact> = []
  private var normal: Set<Normal>?
  private var pending: [Normal] = []
  private let normalise: () -> [Normal]

  /// Starts from items whose normalised keys are computed only if needed.
  init(exact: some Sequence<Exact>, normalised: @escaping () -> [Normal]) {
    self.exact = Set(exact)
    self.normalise = normalised
  }

  /// Whether the item is present; `normal` is called only on an exact miss.
  mutating func contains(_ exactKey: Exact, _ normal: () -> Normal) -> Bool {
    if exact.contains(exactKey) { return true }
    return normalisedSet().contains(normal())
  }

  /// Adds an item unless it is present (by exact key, else by normalised
  /// key); returns its normalised key when it was added. `normal` is called
  /// only on an exact miss, and once.
  mutating func insertIfNew(_ exactKey: Exact, _ normal: () -> Normal) -> Normal? {
    if exact.contains(exactKey) { return nil }
    let normalKey = normal()
    if normalisedSet().contains(normalKey) { return nil }
    insert(exactKey, normalKey)
    return normalKey
  }

  /// Adds an item (call after `contains` returned false).
  mutating func insert(_ exactKey: Exact, _ normalKey: Normal) {
    exact.insert(exactKey)
    if normal != nil { normal?.insert(normalKey) } else { pending.append(normalKey) }
  }

  private mutating func normalisedSet() -> Set<Normal> {
    if let normal { return normal }
    var set = Set(normalise())
    set.formUnion(pending)
    pending = []
    normal = set
    return set
  }
}

/// A note's identity for de-duplication: (date at its precision, normalised text).
struct NoteKey: Hashable {
  /// `MergeKeys.dateKey` of the note's date.
  var date: String
  /// The normalised text.
  var text: String
}
