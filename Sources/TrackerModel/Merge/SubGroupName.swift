import Diagnostics

/// Sub-group names compared through an alias table, and a return's sub-group
/// found from its sub-group column or its file name.
///
/// Councils write one group several ways (domain.md §3: `GR sub group` /
/// `Graduated Response sub group`, `EHCP` / `EHC Sub group`, `SEND IPG` /
/// `SIPG` / `IPG Group`). `canonical` folds case and spacing, drops a
/// trailing `sub group` / `sub-group` / `subgroup` / `group`, then applies the
/// alias table, so all spellings of one group compare equal.
public enum SubGroupName {
  /// Known spellings (already normalised, suffix removed) → canonical name.
  public static let aliases: [String: String] = [
    "graduated response": "gr",
    "ehc": "ehcp",
    "ehc plan": "ehcp",
    "sipg": "send ipg",
    "ipg": "send ipg",
    "send improvement and performance": "send ipg",
    "management": "mng",
    "joint commissioning": "joint comm",
  ]

  private static let suffixes = [" sub-group", " sub group", " subgroup", " group", " sg"]

  /// The canonical form of a sub-group name (`Graduated Response sub group` → `gr`).
  public static func canonical(_ name: String) -> String {
    canonical(name, extra: SubGroupAliases())
  }

  /// The canonical form, with a council's own spellings (`[subgroups]`) tried before the built-in ones.
  public static func canonical(_ name: String, extra: SubGroupAliases) -> String {
    let text = stem(name)
    return extra.table[text] ?? aliases[text] ?? text
  }

  /// Case and spacing folded, a trailing `sub group` / `group` removed.
  static func stem(_ name: String) -> String {
    var text = MergeKeys.normalised(name)
    var trimmed = true
    while trimmed {
      trimmed = false
      for suffix in suffixes where text.hasSuffix(suffix) && text.count > suffix.count {
        text.removeLast(suffix.count)
        trimmed = true
      }
    }
    return text
  }

  /// Whether two names denote the same sub-group.
  public static func same(_ lhs: String?, _ rhs: String?) -> Bool {
    guard let lhs, let rhs else { return false }
    return canonical(lhs) == canonical(rhs)
  }

  /// The sub-group every action of a return names, when they all name the
  /// same one (by canonical name); `nil` when none or several do.
  public static func fromColumn(of plan: Plan) -> String? {
    var found: String?
    var canonicalFound: String?
    for action in plan.actions {
      guard let name = action.subGroup, !name.allSatisfy(\.isWhitespace) else { continue }
      let key = canonical(name)
      if let canonicalFound, canonicalFound != key { return nil }
      if found == nil {
        found = name
        canonicalFound = key
      }
    }
    return found
  }

  /// The sub-group a file name names: a name among `known` (or one of its
  /// aliases) that appears in the file's base name as whole words (`_`, `-`
  /// and `.` count as spaces), returned as spelled in `known`. `nil` when none
  /// matches or when two different groups do (`GR and EHCP.xlsx`).
  ///
  /// `returns/2022-03_GR-sub-group.xlsx` with `known = ["Graduated Response sub group"]`
  /// gives `Graduated Response sub group` (through the alias `gr`).
  public static func fromFileName(_ file: String, known: [String], extra: SubGroupAliases = SubGroupAliases()) -> String? {
    let base = file.split(separator: "/").last.map(String.init) ?? file
    let stem = base.split(separator: ".", omittingEmptySubsequences: false).dropLast().joined(separator: " ")
    let words = " " + MergeKeys.normalised(
      String((stem.isEmpty ? base : stem).map { $0 == "_" || $0 == "-" || $0 == "." ? " " : $0 })) + " "
    var spellings: [(spelling: String, canonical: String, display: String)] = []
    for name in known {
      let key = canonical(name, extra: extra)
      spellings.append((String(MergeKeys.normalised(name).map { $0 == "-" ? " " : $0 }), key, name))
      spellings.append((key, key, name))
      for (alias, target) in aliases where target == key { spellings.append((alias, key, name)) }
      for (alias, target) in extra.table where target == key { spellings.append((alias, key, name)) }
    }
    let found = spellings.filter { !$0.spelling.isEmpty && words.contains(" " + $0.spelling + " ") }
    // A spelling inside a longer one that also matched (`ipg` in `send ipg`) does not count.
    let kept = found.filter { short in
      !found.contains { $0.spelling.count > short.spelling.count && " \($0.spelling) ".contains(" \(short.spelling) ") }
    }
    let groups = Set(kept.map(\.canonical))
    guard groups.count == 1, let match = kept.max(by: { $0.spelling.count < $1.spelling.count }) else { return nil }
    return match.display
  }

  /// The distinct sub-group names a plan's actions use, first spelling of
  /// each canonical name, in order of first appearance.
  public static func known(in plan: Plan, extra: SubGroupAliases = SubGroupAliases()) -> [String] {
    var seen: Set<String> = []
    var names: [String] = []
    for action in plan.actions {
      guard let name = action.subGroup, !name.allSatisfy(\.isWhitespace) else { continue }
      if seen.insert(canonical(name, extra: extra)).inserted { names.append(name) }
    }
    return names
  }

  /// Fills in a return's sub-group: the flag's value if given, else the file
  /// name (against the master's sub-groups), else the return's own
  /// sub-group column when it names a single group.
  public static func resolve(_ input: MergeInput, flag: String?, master: Plan) -> MergeInput {
    resolve(input, flag: flag, known: known(in: master))
  }

  /// `resolve(_:flag:master:)` with the master's sub-groups already listed
  /// (`known(in:)`), for many returns against one master.
  public static func resolve(
    _ input: MergeInput, flag: String?, known: [String], extra: SubGroupAliases = SubGroupAliases()
  ) -> MergeInput {
    var resolved = input
    if let flag, !flag.isEmpty {
      resolved.subGroup = flag
      resolved.subGroupOrigin = .flag
    } else if let name = fromFileName(input.file, known: known, extra: extra) {
      resolved.subGroup = name
      resolved.subGroupOrigin = .fileName
    } else if let name = fromColumn(of: input.plan) {
      resolved.subGroup = name
      resolved.subGroupOrigin = .column
    }
    return resolved
  }
}

/// A council's own spellings of its sub-groups (`[subgroups]` in
/// `wsoa.toml`: `"EY" = "Early Years"`), each mapped to the canonical name of
/// the group it stands for, tried before the built-in table.
public struct SubGroupAliases: Hashable, Sendable {
  /// Folded spelling → canonical name.
  public private(set) var table: [String: String] = [:]

  /// Builds the table from spellings and the names they stand for.
  public init(_ spellings: [String: String] = [:]) {
    for (alias, name) in spellings { table[SubGroupName.stem(alias)] = SubGroupName.canonical(name) }
  }
}
