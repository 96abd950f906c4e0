import Diagnostics
#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
public import TrackerModel

/// A council's settings for `wsoa validate`, read from `wsoa.toml` beside
/// the input or from `--config`:
///
/// ```toml
/// [validate]
/// as_of = "2022-01-31"            # the date overdue actions and future notes are judged against
/// mixed_status = "between"        # or "moving_towards" (the default): how G/A is read
/// strict = true                   # warnings fail the run too
/// period_gap_months = 12          # layout.period_gap threshold
/// stalled_periods = 4             # status.stalled threshold
///
/// [rules]                         # switch codes off or re-grade them
/// "action.overdue" = "off"
/// "status.gap" = "info"
///
/// [statuses]                      # the council's own words
/// "On track" = "green"
/// "Paused" = "grey"
/// "Signed off" = { rating = "blue", completion = "embedded" }
///
/// [headers]                       # the council's own column headers
/// "Officer responsible" = "lead"
/// "Go-live" = "due"
///
/// [colours]                       # status fills in the cleaned XLSX
/// amber = "#FFC000"               # text black or white to suit
/// red = { fill = "#C00000", font = "#FFFFFF" }
/// ```
public struct ValidationConfig: Sendable {
  /// The file it was read from (`nil` for the defaults).
  public var path: String?
  /// `[validate] as_of`.
  public var asOf: CivilDate?
  /// `[validate] mixed_status`.
  public var mixedStatusReading: MixedStatusReading?
  /// `[validate] strict`.
  public var strict: Bool?
  /// `[validate] period_gap_months`.
  public var periodGapMonths: Int?
  /// `[validate] stalled_periods`.
  public var stalledPeriods: Int?
  /// `[rules]`.
  public var policy = FindingPolicy()
  /// `[statuses]`.
  public var vocabulary = CouncilVocabulary()
  /// `[headers]`: header words mapped to fields, tried before the built-in synonyms.
  public var headerWords = HeaderWords()
  /// `[colours]`: the status colours of the cleaned XLSX.
  public var palette = StatusPalette.standard

  /// The defaults: nothing configured.
  public init() {}

  /// The name looked for beside each input.
  public static let fileName = "wsoa.toml"

  /// `wsoa.toml` in the input's folder, when there is one.
  public static func discover(besideInput input: String) -> String? {
    let folder = URL(fileURLWithPath: input).deletingLastPathComponent()
    let candidate = folder.appendingPathComponent(fileName).path
    return FileManager.default.isReadableFile(atPath: candidate) ? candidate : nil
  }

  /// Reads and checks a config file.
  ///
  /// - Throws: `ConfigError` naming the file and line of the first problem.
  public static func load(path: String) throws(ConfigError) -> ValidationConfig {
    let bytes = try ConfigFileBytes.read(path: path)
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw .unreadable(path: path, reason: "not UTF-8 text")
    }
    return try parse(text, path: path)
  }

  /// Reads config text; `path` names it in errors.
  public static func parse(_ text: String, path: String) throws(ConfigError) -> ValidationConfig {
    let document = try TOMLSubset(text: text, path: path)
    var config = ValidationConfig()
    config.path = path
    for table in document.tables where !["validate", "rules", "statuses", "headers", "colours"].contains(table.name) {
      throw ConfigError.invalid(
        path: path, line: table.line,
        reason: "unknown table [\(table.name)]; expected [validate], [rules], [statuses], [headers] or [colours]")
    }
    for entry in document.entries {
      switch entry.table {
      case "validate": try config.readSetting(entry, path: path)
      case "rules": try config.readRule(entry, path: path)
      case "statuses": try config.readStatus(entry, path: path)
      case "headers": try config.readHeader(entry, path: path)
      case "colours": try config.readColour(entry, path: path)
      case "": throw ConfigError.invalid(path: path, line: entry.line, reason: "\"\(entry.key)\" must be inside [validate], [rules], [statuses], [headers] or [colours]")
      default: break  // rejected above
      }
    }
    return config
  }

  private mutating func readSetting(_ entry: TOMLSubset.Entry, path: String) throws(ConfigError) {
    func bad(_ reason: String) -> ConfigError { .invalid(path: path, line: entry.line, reason: reason) }
    switch (entry.key, entry.value) {
    case ("as_of", .string(let text)):
      guard let date = ValidationConfig.isoDate(text) else { throw bad("as_of \"\(text)\" is not a date like 2022-01-31") }
      asOf = date
    case ("mixed_status", .string(let text)):
      switch text {
      case "moving_towards", "movingTowards": mixedStatusReading = .movingTowards
      case "between": mixedStatusReading = .between
      default: throw bad("mixed_status \"\(text)\" must be \"moving_towards\" or \"between\"")
      }
    case ("strict", .bool(let value)): strict = value
    case ("period_gap_months", .integer(let value)) where value > 0: periodGapMonths = value
    case ("stalled_periods", .integer(let value)) where value >= 2: stalledPeriods = value
    case ("as_of", _), ("mixed_status", _), ("strict", _), ("period_gap_months", _), ("stalled_periods", _):
      throw bad("wrong kind of value for \(entry.key)")
    default:
      throw bad("unknown setting \"\(entry.key)\" in [validate]; expected as_of, mixed_status, strict, period_gap_months or stalled_periods")
    }
  }

  private mutating func readRule(_ entry: TOMLSubset.Entry, path: String) throws(ConfigError) {
    guard RuleCatalogue.info(entry.key) != nil else {
      throw .invalid(path: path, line: entry.line, reason: "unknown rule code \"\(entry.key)\" (see `wsoa validate --list-rules`)")
    }
    guard case .string(let level) = entry.value else {
      throw .invalid(path: path, line: entry.line, reason: "\"\(entry.key)\" must be \"off\", \"info\", \"warning\" or \"error\"")
    }
    switch level {
    case "off": policy.disable(entry.key)
    case "info": policy.regrade(entry.key, to: .info)
    case "warning": policy.regrade(entry.key, to: .warning)
    case "error": policy.regrade(entry.key, to: .error)
    default:
      throw .invalid(path: path, line: entry.line, reason: "\"\(level)\" must be \"off\", \"info\", \"warning\" or \"error\"")
    }
  }

  private mutating func readHeader(_ entry: TOMLSubset.Entry, path: String) throws(ConfigError) {
    guard case .string(let field) = entry.value, headerWords.define(entry.key, as: field) else {
      throw .invalid(
        path: path, line: entry.line,
        reason: "header \"\(entry.key)\" must name a field: " + HeaderWords.fieldNames.map { "\"\($0)\"" }.joined(separator: ", "))
    }
  }

  private mutating func readStatus(_ entry: TOMLSubset.Entry, path: String) throws(ConfigError) {
    func bad(_ reason: String) -> ConfigError { .invalid(path: path, line: entry.line, reason: reason) }
    switch entry.value {
    case .string(let name):
      guard let rating = ValidationConfig.rating(name) else { throw bad(ValidationConfig.ratingHelp(name)) }
      vocabulary.define(entry.key, as: .init(rating: rating))
    case .table(let fields):
      var meaning = CouncilVocabulary.Meaning(rating: .none)
      var hasRating = false
      for field in fields {
        switch (field.key, field.value) {
        case ("rating", .string(let name)):
          guard let rating = ValidationConfig.rating(name) else { throw bad(ValidationConfig.ratingHelp(name)) }
          meaning.rating = rating
          hasRating = true
        case ("completion", .string(let text)):
          guard let completion = Completion(rawValue: text) else {
            throw bad("completion \"\(text)\" must be \"complete\" or \"embedded\"")
          }
          meaning.completion = completion
        case ("label", .string(let text)): meaning.label = text
        default: throw bad("unknown field \"\(field.key)\" for status \"\(entry.key)\"; expected rating, completion, label")
        }
      }
      guard hasRating else { throw bad("status \"\(entry.key)\" needs a rating") }
      vocabulary.define(entry.key, as: meaning)
    default:
      throw bad("status \"\(entry.key)\" must be a rating such as \"green\" or { rating = \"blue\", completion = \"embedded\" }")
    }
  }

  /// `red = "#C00000"` or `red = { fill = "#C00000", font = "#FFFFFF" }`.
  private mutating func readColour(_ entry: TOMLSubset.Entry, path: String) throws(ConfigError) {
    func bad(_ reason: String) -> ConfigError { .invalid(path: path, line: entry.line, reason: reason) }
    guard let rating = ValidationConfig.rating(entry.key) else { throw bad(ValidationConfig.ratingHelp(entry.key)) }
    func rgb(_ text: String) throws(ConfigError) -> UInt32 {
      let hex = text.hasPrefix("#") ? text.dropFirst() : Substring(text)
      guard hex.count == 6, let value = UInt32(hex, radix: 16) else { throw bad("colour \"\(text)\" is not like \"#C00000\"") }
      return value
    }
    switch entry.value {
    case .string(let text):
      let fill = try rgb(text)
      palette.colours[rating] = StatusPalette.Colours(fill: fill, font: StatusPalette.readableFont(on: fill))
    case .table(let fields):
      var fill: UInt32?
      var font: UInt32?
      for field in fields {
        switch (field.key, field.value) {
        case ("fill", .string(let text)): fill = try rgb(text)
        case ("font", .string(let text)): font = try rgb(text)
        default: throw bad("unknown field \"\(field.key)\" for colour \"\(entry.key)\"; expected fill, font")
        }
      }
      guard let fill else { throw bad("colour \"\(entry.key)\" needs a fill") }
      palette.colours[rating] = StatusPalette.Colours(fill: fill, font: font ?? StatusPalette.readableFont(on: fill))
    default:
      throw bad("colour \"\(entry.key)\" must be \"#RRGGBB\" or { fill = \"#RRGGBB\", font = \"#RRGGBB\" }")
    }
  }

  static func rating(_ name: String) -> Rating? {
    switch name.lowercased() {
    case "red": .red
    case "amber": .amber
    case "green": .green
    case "blue": .blue
    case "grey", "gray": .grey
    case "n/a", "na", "not_applicable", "notapplicable": .notApplicable
    default: nil
    }
  }

  private static func ratingHelp(_ name: String) -> String {
    "\"\(name)\" is not a rating; use red, amber, green, blue, grey or n/a"
  }

  /// Parses `yyyy-mm-dd` into a valid day.
  public static func isoDate(_ text: String) -> CivilDate? {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
    else { return nil }
    let date = CivilDate(year: year, month: month, day: day)
    return date.isValid ? date : nil
  }
}
