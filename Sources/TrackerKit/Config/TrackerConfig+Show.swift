public import AtomicOutput
import TrackerModel

/// `wsoa config --show`: the effective configuration, each value with where
/// it came from (`default` or `file:line`).
extension TrackerConfig {
  /// The JSON schema identifier.
  public static let showSchema = "wsoa-config/1"

  /// Every setting in effect, table by table: the file's, and the default of
  /// each fixed key it does not set (`json == .null` for "not set").
  public var effectiveSettings: [ConfigSetting] {
    let defaults: [ConfigSetting] = [
      ConfigSetting(table: "read", key: "mixed-status", toml: "\"moving-towards\"", json: .string("moving-towards")),
      ConfigSetting(table: "validate", key: "as-of", toml: "", json: .null),
      ConfigSetting(table: "validate", key: "strict", toml: "false", json: .bool(false)),
      ConfigSetting(table: "validate", key: "period-gap-months", toml: "\(ValidationOptions.defaultPeriodGapMonths)", json: .integer(ValidationOptions.defaultPeriodGapMonths)),
      ConfigSetting(table: "validate", key: "stalled-periods", toml: "\(ValidationOptions.defaultStalledPeriods)", json: .integer(ValidationOptions.defaultStalledPeriods)),
      ConfigSetting(table: "merge", key: "prefer", toml: "", json: .null),
      ConfigSetting(table: "merge", key: "accept-leads", toml: "false", json: .bool(false)),
      ConfigSetting(table: "merge", key: "accept-text", toml: "false", json: .bool(false)),
      ConfigSetting(table: "merge", key: "accept-due", toml: "false", json: .bool(false)),
    ]
    var result: [ConfigSetting] = []
    for table in TrackerConfig.tables {
      let own = settings.filter { $0.table == table }
      result += own
      result += defaults.filter { d in d.table == table && !own.contains { $0.key == d.key } }
    }
    return result
  }

  /// Where a setting came from: `default` or `path:line`.
  public func origin(of setting: ConfigSetting) -> String {
    guard let position = setting.position else { return "default" }
    return "\(path ?? TrackerConfig.fileName):\(position.line)"
  }

  /// The effective configuration as TOML, each line commented with its origin.
  public func showText() -> String {
    var out = "# configuration: " + (path ?? "defaults (no \(TrackerConfig.fileName) found)") + "\n"
    let effective = effectiveSettings
    for table in TrackerConfig.tables {
      out += "\n[\(table)]\n"
      let rows = effective.filter { $0.table == table }
      if rows.isEmpty { out += "# none: \(Self.emptyMeaning[table] ?? "")\n" }
      for setting in rows {
        let line =
          setting.json == .null
          ? "# \(setting.key) = (not set: \(Self.unsetMeaning[setting.key] ?? "off"))"
          : "\(ConfigSetting.key(setting.key)) = \(setting.toml)"
        out += line.padding(to: 44) + "  # \(origin(of: setting))\n"
      }
    }
    return out
  }

  /// `{"file", "settings": [{"key", "origin", "table", "value"}], "schema", "tool"}`.
  public func showJSON(tool: String, to sink: ByteSink) {
    var out = JSONOutput(sink: sink, pretty: true)
    out.beginObject()
    out.key("file")
    if let path { out.string(path) } else { out.null() }
    out.key("settings")
    out.beginArray()
    for setting in effectiveSettings {
      out.beginObject()
      out.key("key")
      out.string(setting.key)
      out.key("origin")
      out.string(origin(of: setting))
      out.key("table")
      out.string(setting.table)
      out.key("value")
      switch setting.json {
      case .string(let text): out.string(text)
      case .bool(let flag): out.bool(flag)
      case .integer(let number): out.int(number)
      case .null: out.null()
      }
      out.endObject()
    }
    out.endArray()
    out.endReport(schema: TrackerConfig.showSchema, tool: tool)
  }

  private static let unsetMeaning = [
    "as-of": "today", "prefer": "conflicts keep the master's value and stay unresolved",
  ]

  private static let emptyMeaning = [
    "rules": "every code at its catalogue severity (wsoa rules)",
    "statuses": "the built-in status words and the tracker's own key",
    "headers": "the built-in header words",
    "periods": "the built-in period grammar (preamble-keys-periods.md)",
    "subgroups": "the built-in sub-group spellings",
  ]
}

extension String {
  fileprivate func padding(to width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }
}
