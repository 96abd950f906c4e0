import Diagnostics
import TrackerModel
import XLSXFormat

/// What a status cell of the cleaned XLSX says and how it is coloured.
///
/// The cell keeps what the officer wrote (`On track` stays `On track`, even
/// when the key says green means completed) whenever reading it back gives
/// the same status; otherwise (a status taken from a fill, an "as above", a
/// word only a config knows when no config is given) it gets its code. Its
/// colour comes from its meaning: the palette's colour for its rating, by a
/// conditional rule per word, so an edit recolours the cell. A word outside
/// the vocabulary, the key and the config (`Paused`) keeps its word and no
/// colour. The drop-down offers the codes and every word the sheet uses.
struct StatusWords {
  let palette: StatusPalette
  let council: CouncilVocabulary
  /// The key period statuses are read with (as the recogniser picks it).
  let periodLegend: [LegendEntry]
  /// The key the overall status is read with.
  let overallLegend: [LegendEntry]

  /// The codes offered first in every drop-down.
  static let codes = ["R", "A", "G", "B", "Grey", "N/A", "Complete"]

  init(plan: Plan, palette: StatusPalette, council: CouncilVocabulary) {
    self.palette = palette
    self.council = council
    let periods = plan.statusScheme.filter { $0.scope == .periods }
    let overall = plan.statusScheme.filter { $0.scope == .overall }
    periodLegend = periods.isEmpty ? overall : periods
    overallLegend = overall.isEmpty ? periods : overall
  }

  /// The cell text for a status.
  func text(_ status: Status, overall: Bool = false) -> String {
    let written = status.raw.collapsedWhitespace
    guard status.origin == .text, !written.isEmpty, written != status.code, written.utf8.count <= 255 else {
      return status.code
    }
    if let meaning = council.meaning(of: written), meaning.rating == status.rating, status.towards == nil {
      return written
    }
    // The preamble takes a cell as a status only when the built-in words know it.
    if overall, [.unknown, .none].contains(StatusVocabulary.read(written).status.rating) { return status.code }
    var back = StatusVocabulary.read(written, legend: overall ? overallLegend : periodLegend).status
    back.raw = status.raw
    back.origin = status.origin
    return back == status ? written : status.code
  }

  /// The colours of a word written in a status cell, by its meaning.
  func colours(of word: String, overall: Bool = false) -> StatusPalette.Colours? {
    if let meaning = council.meaning(of: word) { return palette.colours[meaning.rating] }
    return palette.colours(for: StatusVocabulary.read(word, legend: overall ? overallLegend : periodLegend).status)
  }

  /// Rules colouring the codes, the key's words, `used` and the config's
  /// words (each by its meaning), and any `X/Y` typed later by where it is heading.
  func rules(used: [String], overall: Bool = false) -> [ConditionalRule] {
    var words: [String] = []
    var seen = Set<String>()
    let legend = overall ? overallLegend : periodLegend
    for word in Self.codes + legend.flatMap({ [$0.code] + ($0.label.map { [$0] } ?? []) }) + used + council.meanings.keys.sorted()
    where word.utf16.count <= 255 && seen.insert(StatusVocabulary.normalisedKey(word)).inserted {
      words.append(word)
    }
    var rules: [ConditionalRule] = words.compactMap { word in
      colours(of: word, overall: overall).map {
        ConditionalRule(.cellEquals(.text(word)), format: DifferentialFormat(fillRGB: $0.fill, fontColorRGB: $0.font))
      }
    }
    for (letter, rating) in [("R", Rating.red), ("A", .amber), ("G", .green), ("B", .blue)] {
      if let c = palette.colours[rating] {
        rules.append(ConditionalRule(.endsWith("/" + letter), format: DifferentialFormat(fillRGB: c.fill, fontColorRGB: c.font)))
      }
    }
    return rules
  }

  /// The drop-down: the codes, then the words used (those a list can hold),
  /// within Excel's limit on a list's length.
  static func dropDown(used: [String]) -> [String] {
    var items = codes
    var seen = Set(codes.map(StatusVocabulary.normalisedKey))
    var length = codes.joined(separator: ",").utf16.count
    for word in used where !word.contains(",") && !word.contains("\"") && !word.isEmpty {
      guard seen.insert(StatusVocabulary.normalisedKey(word)).inserted else { continue }
      guard length + 1 + word.utf16.count <= ExcelLimits.maxValidationListLength else { continue }
      items.append(word)
      length += 1 + word.utf16.count
    }
    return items
  }
}
