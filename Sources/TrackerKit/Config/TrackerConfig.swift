import Diagnostics
public import TrackerModel

/// A council's settings, read from `wsoa.toml` (found beside the input or in
/// a folder above it, see `discover(from:)`) or from `--config`, and honoured
/// by `convert`, `validate` and `merge` alike. Keys are spelt as the
/// command-line flags are (`mixed-status`, `as-of`, `accept-leads`):
///
/// ```toml
/// [read]
/// mixed-status = "between"        # or "moving-towards" (the default): how G/A is read
///
/// [validate]
/// as-of = 2022-01-31              # the date overdue actions and future notes are judged against
/// strict = true                   # warnings fail the run too
/// period-gap-months = 12          # layout.period_gap threshold
/// stalled-periods = 4             # status.stalled threshold
///
/// [rules]                         # switch codes off or re-grade them (every command)
/// "action.overdue" = "off"
/// status.gap = "info"             # dotted keys work too
///
/// [statuses]                      # the council's own words
/// "On track" = "green"
/// "Paused" = "grey"
/// "Signed off" = { rating = "blue", completion = "embedded" }
///
/// [headers]                       # the council's own column headers
/// "Officer responsible" = "lead"
///
/// [colours]                       # status fills in the cleaned XLSX
/// amber = "#FFC000"               # text black or white to suit
/// red = { fill = "#C00000", font = "#FFFFFF" }
///
/// [periods]                       # the council's own period words
/// status-words = ["Position"]     # `Position Jun-23` is a status column
/// months = { Ionawr = 1 }         # month spellings; terms = { Michaelmas = "autumn" }
/// labels = { Baseline = 2022-01-31, "Review 1" = "Q1 2023/24" }
///
/// [subgroups]                     # more spellings of a sub-group (merge)
/// "EY" = "Early Years"
///
/// [merge]
/// prefer = "return"
/// accept-leads = true
/// ```
public struct TrackerConfig: Hashable, Sendable {
  /// The file it was read from (`nil` for the defaults).
  public var path: String?
  /// `[read] mixed-status`.
  public var mixedStatusReading: MixedStatusReading?
  /// `[validate] as-of`.
  public var asOf: CivilDate?
  /// `[validate] strict`.
  public var strict: Bool?
  /// `[validate] period-gap-months`.
  public var periodGapMonths: Int?
  /// `[validate] stalled-periods`.
  public var stalledPeriods: Int?
  /// `[rules]`.
  public var policy = FindingPolicy()
  /// `[statuses]`.
  public var vocabulary = CouncilVocabulary()
  /// `[headers]`: header words mapped to fields, tried before the built-in synonyms.
  public var headerWords = HeaderWords()
  /// `[periods]`: month, term, quarter and status words and whole labels added to the period grammar.
  public var periodWords = PeriodWords()
  /// `[colours]`: the status colours of the cleaned XLSX.
  public var palette = StatusPalette.standard
  /// `[subgroups]`: more spellings of a sub-group, each mapped to the name it stands for.
  public var subGroupAliases: [String: String] = [:]
  /// `[merge] prefer`.
  public var prefer: MergePreference?
  /// `[merge] accept-leads`.
  public var acceptLeads: Bool?
  /// `[merge] accept-text`.
  public var acceptText: Bool?
  /// `[merge] accept-due`.
  public var acceptDue: Bool?
  /// Every setting the file made, in file order, with where it was written (`config --show`).
  public var settings: [ConfigSetting] = []

  /// The defaults: nothing configured.
  public init() {}

  /// The name looked for beside each input and in the folders above it.
  public static let fileName = "wsoa.toml"

  /// The tables a config may have, in the order `config --show` prints them.
  public static let tables = ["read", "validate", "rules", "statuses", "headers", "periods", "colours", "subgroups", "merge"]

  /// The keys of `[periods]`.
  static let periodKeys = ["months", "terms", "quarter-words", "status-words", "labels"]

  /// The keys of the tables with fixed keys.
  static let settingKeys: [String: [String]] = [
    "read": ["mixed-status"],
    "validate": ["as-of", "strict", "period-gap-months", "stalled-periods"],
    "merge": ["prefer", "accept-leads", "accept-text", "accept-due"],
  ]

  /// Reads and checks a config file.
  ///
  /// - Throws: `ConfigError` naming the file, line and column of the first problem.
  public static func load(path: String) throws(ConfigError) -> TrackerConfig {
    let bytes = try ConfigFileBytes.read(path: path)
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw .unreadable(path: path, reason: "not UTF-8 text")
    }
    return try parse(text, path: path)
  }

  /// Reads config text; `path` names it in errors.
  public static func parse(_ text: String, path: String) throws(ConfigError) -> TrackerConfig {
    let document = try ConfigDocument(text: text, path: path)
    var reader = Reader(path: path)
    for member in document.members {
      guard case .table(let entries) = member.value, tables.contains(member.key) else {
        let what = if case .table = member.value { "unknown table [\(member.key)]" } else { "\"\(member.key)\" must be inside a table" }
        throw reader.bad(member, "\(what); expected " + tables.map { "[\($0)]" }.joined(separator: ", "))
      }
      for entry in entries { try reader.read(entry, in: member.key) }
    }
    return reader.config
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

  /// A rating by name (`grey`, `gray`, `n/a`, …).
  static func rating(_ name: String) -> Rating? {
    switch name.lowercased() {
    case "red": .red
    case "amber": .amber
    case "green": .green
    case "blue": .blue
    case "grey", "gray": .grey
    case "n/a", "na", "not-applicable": .notApplicable
    default: nil
    }
  }

  /// Reads one table entry at a time into a config, with positions for errors.
  fileprivate struct Reader {
    let path: String
    var config = TrackerConfig()

    init(path: String) {
      self.path = path
      config.path = path
    }

    func bad(_ member: ConfigDocument.Member, _ reason: String) -> ConfigError {
      .invalid(path: path, line: member.position.line, column: member.position.column, reason: reason)
    }

    mutating func read(_ entry: ConfigDocument.Member, in table: String) throws(ConfigError) {
      switch table {
      case "rules": try readRules(entry, prefix: "")
      case "statuses": try readStatus(entry)
      case "colours": try readColour(entry)
      case "periods": try readPeriods(entry)
      case "headers":
        guard case .string(let field) = entry.value, config.headerWords.define(entry.key, as: field) else {
          throw bad(
            entry, "header \"\(entry.key)\" must name a field: " + HeaderWords.fieldNames.map { "\"\($0)\"" }.joined(separator: ", "))
        }
      case "subgroups":
        guard case .string(let name) = entry.value, !name.allSatisfy(\.isWhitespace) else {
          throw bad(entry, "sub-group alias \"\(entry.key)\" must name a sub-group, e.g. \"\(entry.key)\" = \"Early Years\"")
        }
        config.subGroupAliases[entry.key] = name
      default: try readSetting(entry, in: table)
      }
      if table != "rules" { config.settings.append(ConfigSetting(table: table, key: entry.key, value: entry.value, position: entry.position)) }
    }

    private mutating func readSetting(_ entry: ConfigDocument.Member, in table: String) throws(ConfigError) {
      let known = TrackerConfig.settingKeys[table] ?? []
      guard known.contains(entry.key) else {
        let spelt = String(entry.key.map { $0 == "_" ? "-" : $0 })
        let hint = known.contains(spelt) ? "; keys are spelt as on the command line: \"\(spelt)\"" : ""
        throw bad(entry, "unknown key \"\(entry.key)\" in [\(table)]\(hint); expected " + known.joined(separator: ", "))
      }
      func wrong(_ expected: String) -> ConfigError {
        bad(entry, "\(entry.key) must be \(expected), not \(entry.value.kind)")
      }
      switch (entry.key, entry.value) {
      case ("mixed-status", .string(let text)):
        switch text {
        case "moving-towards": config.mixedStatusReading = .movingTowards
        case "between": config.mixedStatusReading = .between
        default: throw bad(entry, "mixed-status \"\(text)\" must be \"moving-towards\" or \"between\"")
        }
      case ("mixed-status", _): throw wrong("\"moving-towards\" or \"between\"")
      case ("as-of", .date(let date)):
        guard date.isValid else { throw bad(entry, "as-of \(date) is not a real day") }
        config.asOf = date
      case ("as-of", .string(let text)):
        guard let date = TrackerConfig.isoDate(text) else { throw bad(entry, "as-of \"\(text)\" is not a date like 2022-01-31") }
        config.asOf = date
      case ("as-of", _): throw wrong("a date such as 2022-01-31")
      case ("strict", .bool(let value)): config.strict = value
      case ("accept-leads", .bool(let value)): config.acceptLeads = value
      case ("accept-text", .bool(let value)): config.acceptText = value
      case ("accept-due", .bool(let value)): config.acceptDue = value
      case ("strict", _), ("accept-leads", _), ("accept-text", _), ("accept-due", _): throw wrong("true or false")
      case ("period-gap-months", .integer(let value)) where value > 0: config.periodGapMonths = value
      case ("period-gap-months", _): throw wrong("a whole number of months above 0")
      case ("stalled-periods", .integer(let value)) where value >= 2: config.stalledPeriods = value
      case ("stalled-periods", _): throw wrong("a whole number of periods, 2 or more")
      case ("prefer", .string(let text)):
        guard let preference = MergePreference(rawValue: text) else {
          throw bad(entry, "prefer \"\(text)\" must be \"master\" or \"return\"")
        }
        config.prefer = preference
      default: throw wrong("\"master\" or \"return\"")
      }
    }

    /// `"status.gap" = "off"`, `status.gap = "off"` and `[rules.status] gap = "off"` alike.
    private mutating func readRules(_ entry: ConfigDocument.Member, prefix: String) throws(ConfigError) {
      let code = prefix.isEmpty ? entry.key : "\(prefix).\(entry.key)"
      if case .table(let inner) = entry.value, RuleCatalogue.info(code) == nil {
        for member in inner { try readRules(member, prefix: code) }
        return
      }
      guard RuleCatalogue.info(code) != nil else {
        throw bad(entry, "unknown rule code \"\(code)\" (see `wsoa rules`)")
      }
      guard case .string(let text) = entry.value, let level = RuleLevel(rawValue: text) else {
        throw bad(entry, "\"\(code)\" must be \"off\", \"info\", \"warning\" or \"error\"")
      }
      level.apply(to: &config.policy, code: code)
      config.settings.append(ConfigSetting(table: "rules", key: code, value: entry.value, position: entry.position))
    }

    private mutating func readStatus(_ entry: ConfigDocument.Member) throws(ConfigError) {
      func ratingHelp(_ name: String) -> ConfigError {
        bad(entry, "\"\(name)\" is not a rating; use red, amber, green, blue, grey or n/a")
      }
      switch entry.value {
      case .string(let name):
        guard let rating = TrackerConfig.rating(name) else { throw ratingHelp(name) }
        config.vocabulary.define(entry.key, as: .init(rating: rating))
      case .table(let fields):
        var meaning = CouncilVocabulary.Meaning(rating: .none)
        var hasRating = false
        for field in fields {
          switch (field.key, field.value) {
          case ("rating", .string(let name)):
            guard let rating = TrackerConfig.rating(name) else { throw ratingHelp(name) }
            meaning.rating = rating
            hasRating = true
          case ("completion", .string(let text)):
            guard let completion = Completion(rawValue: text) else {
              throw bad(field, "completion \"\(text)\" must be \"complete\" or \"embedded\"")
            }
            meaning.completion = completion
          case ("label", .string(let text)): meaning.label = text
          default:
            throw bad(field, "unknown field \"\(field.key)\" for status \"\(entry.key)\"; expected rating, completion, label (strings)")
          }
        }
        guard hasRating else { throw bad(entry, "status \"\(entry.key)\" needs a rating") }
        config.vocabulary.define(entry.key, as: meaning)
      default:
        throw bad(entry, "status \"\(entry.key)\" must be a rating such as \"green\" or { rating = \"blue\", completion = \"embedded\" }")
      }
    }
  }
}

extension TrackerConfig.Reader {
  /// `red = "#C00000"` or `red = { fill = "#C00000", font = "#FFFFFF" }`.
  fileprivate mutating func readColour(_ entry: ConfigDocument.Member) throws(ConfigError) {
    guard let rating = TrackerConfig.rating(entry.key) else {
      throw bad(entry, "\"\(entry.key)\" is not a rating; use red, amber, green, blue, grey or n/a")
    }
    func rgb(_ text: String, _ member: ConfigDocument.Member) throws(ConfigError) -> UInt32 {
      let hex = text.hasPrefix("#") ? text.dropFirst() : Substring(text)
      guard hex.count == 6, let value = UInt32(hex, radix: 16) else {
        throw bad(member, "colour \"\(text)\" is not like \"#C00000\"")
      }
      return value
    }
    switch entry.value {
    case .string(let text):
      let fill = try rgb(text, entry)
      config.palette.colours[rating] = StatusPalette.Colours(fill: fill, font: StatusPalette.readableFont(on: fill))
    case .table(let fields):
      var fill: UInt32?
      var font: UInt32?
      for field in fields {
        switch (field.key, field.value) {
        case ("fill", .string(let text)): fill = try rgb(text, field)
        case ("font", .string(let text)): font = try rgb(text, field)
        default: throw bad(field, "unknown field \"\(field.key)\" for colour \"\(entry.key)\"; expected fill, font")
        }
      }
      guard let fill else { throw bad(entry, "colour \"\(entry.key)\" needs a fill") }
      config.palette.colours[rating] = StatusPalette.Colours(fill: fill, font: font ?? StatusPalette.readableFont(on: fill))
    default:
      throw bad(entry, "colour \"\(entry.key)\" must be \"#RRGGBB\" or { fill = \"#RRGGBB\", font = \"#RRGGBB\" }")
    }
  }
}

extension TrackerConfig.Reader {
  /// `[periods]`: `months = { Ionawr = 1 }`, `terms = { Michaelmas = "autumn" }`,
  /// `quarter-words = ["Chwarter"]`, `status-words = ["Position"]`,
  /// `labels = { Baseline = 2022-01-31, "Review 1" = "Q1 2023/24" }`.
  fileprivate mutating func readPeriods(_ entry: ConfigDocument.Member) throws(ConfigError) {
    func word(_ member: ConfigDocument.Member, _ text: String, _ what: String) -> ConfigError {
      let why = PeriodWords.problem(word: text) ?? "is defined twice in [periods]"
      return bad(member, "\(what) \"\(text)\" \(why)")
    }
    switch (entry.key, entry.value) {
    case ("months", .table(let members)):
      for member in members {
        let month: Int? =
          switch member.value {
          case .integer(let number): (1...12).contains(number) ? number : nil
          case .string(let name): PeriodWords.month(named: name)
          default: nil
          }
        guard let month else {
          throw bad(member, "month word \"\(member.key)\" must name a month: a number 1-12 or an English month name such as \"January\"")
        }
        guard config.periodWords.define(month: member.key, as: month) else { throw word(member, member.key, "month word") }
      }
    case ("terms", .table(let members)):
      for member in members {
        guard case .string(let term) = member.value, PeriodWords.termNames.contains(term.lowercased()) else {
          throw bad(member, "term word \"\(member.key)\" must name a term: \"autumn\", \"spring\" or \"summer\"")
        }
        guard config.periodWords.define(term: member.key, as: term.lowercased()) else { throw word(member, member.key, "term word") }
      }
    case ("quarter-words", .array(let items)), ("status-words", .array(let items)):
      for item in items {
        guard case .string(let text) = item else { throw bad(entry, "\(entry.key) must be a list of words, e.g. [\"Position\"]") }
        let defined =
          entry.key == "quarter-words" ? config.periodWords.define(quarterWord: text) : config.periodWords.define(statusWord: text)
        guard defined else { throw word(entry, text, entry.key == "quarter-words" ? "quarter word" : "status word") }
      }
    case ("labels", .table(let members)):
      for member in members {
        let period: PeriodLabel? =
          switch member.value {
          case .date(let day) where day.isValid:
            .period(kind: .date, start: day, end: day, id: PeriodLabel.id(kind: .date, start: day, end: day))
          case .string(let text): PeriodLabel.parse(text)
          default: nil
          }
        guard let period, case .period = period else {
          throw bad(
            member,
            "label \"\(member.key)\" must be a review date (2023-06-30) or a period the grammar reads (\"Jun-23\", \"Q1 2023/24\", \"Autumn 2023\")")
        }
        guard config.periodWords.define(label: member.key, as: period) else {
          throw bad(member, "label \"\(member.key)\" must hold a word or a number")
        }
      }
    case ("months", _), ("terms", _), ("labels", _):
      throw bad(entry, "\(entry.key) must be a table, e.g. [periods.\(entry.key)] or \(entry.key) = { … }")
    case ("quarter-words", _), ("status-words", _):
      throw bad(entry, "\(entry.key) must be a list of words, e.g. [\"Position\"]")
    default:
      let spelt = String(entry.key.map { $0 == "_" ? "-" : $0 })
      let hint = TrackerConfig.periodKeys.contains(spelt) ? "; keys are spelt as on the command line: \"\(spelt)\"" : ""
      throw bad(entry, "unknown key \"\(entry.key)\" in [periods]\(hint); expected " + TrackerConfig.periodKeys.joined(separator: ", "))
    }
  }
}

/// A level a code can be set to in `[rules]` or with `--severity CODE=LEVEL`.
public enum RuleLevel: String, CaseIterable, Sendable {
  case off, info, warning, error

  /// Sets `code` to this level in `policy`.
  public func apply(to policy: inout FindingPolicy, code: String) {
    switch self {
    case .off: policy.disable(code)
    case .info: policy.regrade(code, to: .info)
    case .warning: policy.regrade(code, to: .warning)
    case .error: policy.regrade(code, to: .error)
    }
  }
}

/// One setting of the effective configuration: where it is (`[table] key`),
/// its value, and the line it was written at (`nil` for a default).
public struct ConfigSetting: Hashable, Sendable {
  /// The table (`validate`, `statuses`, …).
  public var table: String
  /// The key as written (a rule code in `[rules]`, however it was dotted).
  public var key: String
  /// The value as TOML text (`"grey"`, `true`, `2022-01-31`, `{ rating = "blue" }`).
  public var toml: String
  /// The value for JSON: a string, boolean or integer; tables as TOML text.
  public var json: JSONValue
  /// Where it was written; `nil` when it is the default.
  public var position: ConfigPosition?

  /// A scalar for `config --show --format json`.
  public enum JSONValue: Hashable, Sendable {
    case string(String)
    case bool(Bool)
    case integer(Int)
    case null
  }

  /// A default setting.
  init(table: String, key: String, toml: String, json: JSONValue) {
    self.table = table
    self.key = key
    self.toml = toml
    self.json = json
    self.position = nil
  }

  /// A setting read from the file.
  init(table: String, key: String, value: ConfigDocument.Value, position: ConfigPosition) {
    self.table = table
    self.key = key
    self.toml = Self.toml(value)
    switch value {
    case .string(let text): json = .string(text)
    case .bool(let flag): json = .bool(flag)
    case .integer(let number): json = .integer(number)
    default: json = .string(toml)
    }
    self.position = position
  }

  /// TOML text for a value.
  static func toml(_ value: ConfigDocument.Value) -> String {
    switch value {
    case .string(let text): quoted(text)
    case .bool(let flag): flag ? "true" : "false"
    case .integer(let number): "\(number)"
    case .float(let number): "\(number)"
    case .date(let date): date.description
    case .array(let items): "[" + items.map(toml).joined(separator: ", ") + "]"
    case .table(let members): "{ " + members.map { "\(key($0.key)) = \(toml($0.value))" }.joined(separator: ", ") + " }"
    case .other(let name): "<\(name)>"
    }
  }

  /// A key, bare when TOML allows it.
  static func key(_ text: String) -> String {
    let bare = !text.isEmpty && text.unicodeScalars.allSatisfy {
      ($0 >= "a" && $0 <= "z") || ($0 >= "A" && $0 <= "Z") || ($0 >= "0" && $0 <= "9") || $0 == "_" || $0 == "-"
    }
    return bare ? text : quoted(text)
  }

  /// A TOML basic string.
  static func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case "\r": out += "\\r"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          let hex = String(scalar.value, radix: 16, uppercase: true)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}
