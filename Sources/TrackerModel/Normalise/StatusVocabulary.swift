/// The status vocabulary of domain.md §5.4: codes and words councils use for
/// RAG/BRAG ratings, read case-, space- and hyphen-insensitively.
///
/// ```swift
/// StatusVocabulary.read("G/A").status    // green towards amber
/// StatusVocabulary.read(" a ").isCanonical  // false (status.normalised)
/// StatusVocabulary.read("GR").status.rating // .unknown: GR is Graduated Response
/// ```
public enum StatusVocabulary {
  /// A status read from text, and how it was read.
  public struct Reading: Hashable, Sendable {
    /// The status.
    public var status: Status
    /// Whether the raw text is already a canonical code (`R`, `A`, `G`, `B`,
    /// `Grey`, `N/A`, `Complete`, `G/A`), so no `status.normalised` is due.
    public var isCanonical: Bool
    /// The legend entry that decided the meaning, when one did.
    public var legendEntry: LegendEntry?
  }

  /// Words (normalised: lower case, hyphens as spaces, spaces collapsed) →
  /// rating and completion.
  static let words: [String: (Rating, Completion?)] = {
    var table: [String: (Rating, Completion?)] = [:]
    for w in ["r", "red", "off track", "behind schedule", "delayed", "significant concern", "significant concerns"] {
      table[w] = (.red, nil)
    }
    for w in ["a", "amber", "orange", "at risk", "some slippage", "may fall behind", "in progress"] {
      table[w] = (.amber, nil)
    }
    for w in ["g", "green", "on track", "on schedule", "on target"] { table[w] = (.green, nil) }
    for w in ["complete", "completed", "done", "achieved"] { table[w] = (.green, .complete) }
    for w in [
      "b", "blue", "complete and embedded", "completed and embedded", "embedded", "business as usual", "bau",
    ] {
      table[w] = (.blue, .embedded)
    }
    for w in ["grey", "gray", "not started", "not yet started", "not yet due"] { table[w] = (.grey, nil) }
    for w in ["n/a", "na", "not applicable", "no longer applicable"] { table[w] = (.notApplicable, nil) }
    return table
  }()

  /// The ratings a mixed code's halves may name.
  private static let mixedHalves: [String: Rating] = [
    "r": .red, "red": .red, "a": .amber, "amber": .amber, "orange": .amber, "g": .green, "green": .green,
    "b": .blue, "blue": .blue,
  ]

  /// Canonical spellings that need no `status.normalised`.
  static let canonical: Set<String> = ["R", "A", "G", "B", "Grey", "N/A", "Complete"]

  /// Reads a status cell's text.
  ///
  /// - Parameters:
  ///   - raw: the text as written.
  ///   - legend: the legend entries that apply (a legend wins over the table).
  /// - Returns: the status (rating `.none` for empty text, `.unknown` for
  ///   text outside the vocabulary and the legend, raw kept either way).
  public static func read(_ raw: String, legend: [LegendEntry] = []) -> Reading {
    let key = normalisedKey(raw)
    if key.isEmpty { return Reading(status: Status(raw: raw, rating: .none), isCanonical: true) }
    let trimmed = raw.collapsedWhitespace
    if let entry = legend.first(where: { $0.label.map(normalisedKey) == key }) {
      let status = Status(raw: raw, rating: entry.rating, completion: entry.completion ?? defaultCompletion(entry.rating),
        label: entry.label)
      return Reading(status: status, isCanonical: trimmed == raw, legendEntry: entry)
    }
    if let (rating, completion) = words[key] {
      // Of two entries for one colour (`Complete` and `On track`), the one that
      // says as much about completion as the word does.
      let entry = legend.first { $0.rating == rating && $0.completion == completion } ?? legend.first { $0.rating == rating }
      var status = Status(raw: raw, rating: rating, completion: completion, label: entry?.label)
      if completion == nil, let entry { status.completion = entry.completion }
      return Reading(status: status, isCanonical: canonical.contains(raw), legendEntry: entry)
    }
    if let mixed = readMixed(key) {
      let status = Status(raw: raw, rating: mixed.0, towards: mixed.1, completion: mixed.2)
      let isCode = raw.utf8.count == 3 && raw.utf8.allSatisfy { $0 == UInt8(ascii: "/") || (65...90).contains($0) }
      return Reading(status: status, isCanonical: isCode && mixed.1 != nil, legendEntry: nil)
    }
    return Reading(status: Status(raw: raw, rating: .unknown), isCanonical: false)
  }

  /// Blue means embedded unless a legend says otherwise.
  private static func defaultCompletion(_ rating: Rating) -> Completion? { rating == .blue ? .embedded : nil }

  /// `G/A`, `G-A`, `Amber/Green`, `Green/Complete`: (rating, towards, completion).
  private static func readMixed(_ key: String) -> (Rating, Rating?, Completion?)? {
    let parts = key.split(whereSeparator: { $0 == "/" || $0 == " " })
    guard parts.count == 2, let first = mixedHalves[String(parts[0])] else { return nil }
    let second = String(parts[1])
    if let towards = mixedHalves[second] { return (first, towards == first ? nil : towards, nil) }
    if first == .green, ["complete", "completed"].contains(second) { return (.green, nil, .complete) }
    return nil
  }

  /// Lower case, hyphens and dashes as spaces, spaces collapsed, trailing
  /// full stop dropped; `/` kept (`n/a`, `g/a`).
  public static func normalisedKey(_ raw: String) -> String {
    var out: [UInt8] = []
    let bytes = Array(raw.utf8)
    var i = 0
    var space = false
    while i < bytes.count {
      let dash = TextBytes.dashLength(bytes, i)
      let sp = TextBytes.spaceLength(bytes, i)
      if dash > 0 || sp > 0 || bytes[i] == 10 || bytes[i] == 13 || bytes[i] == UInt8(ascii: "_") {
        space = true
        i += max(1, dash, sp)
        continue
      }
      if space, !out.isEmpty, bytes[i] != UInt8(ascii: "/"), out.last != UInt8(ascii: "/") { out.append(32) }
      space = false
      out.append(TextBytes.lower(bytes[i]))
      i += 1
    }
    while out.last == UInt8(ascii: ".") { out.removeLast() }
    return String(decoding: out, as: UTF8.self)
  }
}

extension Status {
  /// The canonical text for this status: `R`, `A`, `G`, `B`, `Grey`, `N/A`,
  /// `Complete` (green and complete, unless written as a plain `G`/`Green`
  /// whose completion a legend gave), `G/A` (mixed), empty for none, the raw
  /// text for unknown.
  public var code: String {
    func letter(_ r: Rating) -> String {
      switch r {
      case .red: "R"
      case .amber: "A"
      case .green: "G"
      case .blue: "B"
      case .grey: "Grey"
      case .notApplicable: "N/A"
      case .none: ""
      case .unknown: raw
      }
    }
    if let towards { return letter(rating) + "/" + letter(towards) }
    if rating == .green, completion == .complete, label == nil || !["g", "green"].contains(StatusVocabulary.normalisedKey(raw)) {
      return "Complete"
    }
    return letter(rating)
  }
}
