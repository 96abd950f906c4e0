public import Diagnostics

/// Runs every model-level rule of domain.md §6 over a canonical `Plan`.
///
/// Rules work from period dates, never column positions; the legend decides
/// what colours mean; codes switched off in `options.policy` are not
/// computed, re-graded ones get their new severity.
///
/// ```swift
/// let findings = Validator.validate(plan, options: ValidationOptions(today: today))
/// ```
public enum Validator {
  /// The rules over the whole plan.
  static let planRules: [any PlanRule] = [
    PeriodGapRule(), DuplicateRefRule(), AreaMismatchRule(), PriorityStatusRule(),
    EvidenceLogRule(), SimilarLeadNamesRule(), CellLengthRule(),
  ]

  /// The rules over each action.
  static let actionRules: [any ActionRule] = [
    StatusHistoryRule(), StalledStatusRule(), StatusValueRule(), NoteDisagreesRule(), CompletionEvidenceRule(),
    NoteDateRule(), MissingLeadRule(), CrossRefRule(), OverdueRule(),
  ]

  /// The codes the rules can report.
  public static var codes: [String] { planRules.flatMap(\.codes) + actionRules.flatMap(\.codes) }

  /// The findings for a plan, with the policy applied, sorted by location.
  public static func validate(_ plan: Plan, options: ValidationOptions) -> [Diagnostic] {
    validate(plan, options: options, after: [])
  }

  /// The findings for a plan together with `earlier` ones (the recogniser's),
  /// the policy applied to all, sorted once by location (`earlier` first
  /// where two sort alike). A large plan's rules run on several threads
  /// (`ValidationOptions.allowsThreads`) with the same result.
  public static func validate(_ plan: Plan, options: ValidationOptions, after earlier: [Diagnostic]) -> [Diagnostic] {
    let context = ValidationContext(plan: plan, options: options)
    let whole = planRules.filter { $0.codes.contains(where: context.isEnabled) }
    let each = actionRules.filter { $0.codes.contains(where: context.isEnabled) }
    let actions = plan.actions
    // The jobs: each plan rule, then the actions in chunks. Each job's
    // findings are kept apart and joined in job order, which is the order
    // one thread gives; a large plan's jobs run on several threads.
    let threads = options.allowsThreads && actions.count >= parallelThreshold
    let chunks = each.isEmpty ? 0 : threads ? 16 : 1
    let size = max(1, (actions.count + chunks - 1) / max(1, chunks))
    var parts = OrderedParts.results(whole.count + chunks, threads: threads) { k in
      var found: [Diagnostic] = []
      if k < whole.count {
        whole[k].check(context, into: &found)
      } else {
        let chunk = k - whole.count
        check(actions, min(actions.count, chunk * size)..<min(actions.count, (chunk + 1) * size), each, context, into: &found)
      }
      return found
    }
    var findings = earlier
    findings.reserveCapacity(earlier.count + parts.reduce(0) { $0 + $1.count })
    for k in parts.indices {
      findings += parts[k]
      parts[k] = []  // each part freed once copied: the findings are not held twice
    }
    options.policy.apply(to: &findings)
    FindingOrder.sort(&findings)
    return findings
  }

  /// Actions from which the rules run on several threads.
  public static let parallelThreshold = 4_096

  /// Runs the action rules over the actions in `range`.
  private static func check(
    _ actions: [Action], _ range: Range<Int>, _ rules: [any ActionRule], _ context: ValidationContext,
    into findings: inout [Diagnostic]
  ) {
    for index in range {
      let view = ActionView(actions, index, timeline: context.timeline)
      for rule in rules { rule.check(view, context, into: &findings) }
    }
  }

  /// How the plan's statuses were read (legend, mixed codes), for reports.
  public static func reading(of plan: Plan, options: ValidationOptions) -> LegendReading {
    LegendReading(plan: plan, mixed: options.mixedStatusReading)
  }
}

/// The order findings are reported in: by file, sheet, row and column, then
/// most severe first, then by code, then as produced.
public enum FindingOrder {
  /// Sorts findings by location (whole-file findings first). Files, sheets
  /// and codes are interned to integers first, so the sort compares only
  /// integers.
  public static func sorted(_ findings: [Diagnostic]) -> [Diagnostic] {
    var findings = findings
    sort(&findings)
    return findings
  }

  /// Sorts findings in place, as `sorted`: the keys are sorted, then the
  /// findings are moved into their places by swapping, one cycle of the
  /// permutation at a time, so no second array of findings is made.
  ///
  /// Each key is packed into 16 bytes when its parts fit (they always do
  /// in practice: under 65,536 files and sheets, rows and lines under 2^32,
  /// columns under 65,536, under 16,384 codes and 2^32 findings); else the
  /// keys are kept whole. A whole key is 56 bytes and the sort needs half as
  /// much again beside it: 80 MB for the 640,000 findings of a dense
  /// 100,000-action tracker, against 24 MB packed.
  public static func sort(_ findings: inout [Diagnostic]) {
    var names = Names()
    var fits = findings.count <= Int(UInt32.max)
    // Read in place: a finding taken out of the array is a copy (a retain
    // and a release of each of its strings).
    let keys = findings.withUnsafeBufferPointer { findings in
      for offset in findings.indices {
        let (row, column) = position(findings[offset].location)
        _ = names.ids(findings[offset].location, findings[offset].code)
        if row < 0 || row > Int(UInt32.max) || column < 0 || column > 0xFFFF { fits = false }
      }
      let ranks = names.ranks()
      fits = fits && ranks.file.count <= 0x1_0000 && ranks.sheet.count <= 0x1_0000 && ranks.code.count <= 0x4000
      func key(_ offset: Int) -> Key {
        let (file, sheet, code) = names.ids(findings[offset].location, findings[offset].code)
        let (row, column) = position(findings[offset].location)
        return Key(
          file: ranks.file[file], sheet: ranks.sheet[sheet], row: row, column: column,
          severity: severityRank(findings[offset].severity), code: ranks.code[code], offset: offset)
      }
      return fits ? Keys.packed(sortedKeys(findings.count) { PackedKey(key($0)) }) : Keys.whole(sortedKeys(findings.count, key))
    }
    switch keys {
    case .packed(let keys): place(&findings, keys)
    case .whole(let keys): place(&findings, keys)
    }
  }

  /// The sorted keys, packed when every finding's parts fit.
  private enum Keys {
    case packed([PackedKey])
    case whole([Key])
  }

  /// The keys of `count` findings, sorted.
  private static func sortedKeys<K: FindingKey>(_ count: Int, _ key: (Int) -> K) -> [K] {
    var keys: [K] = []
    keys.reserveCapacity(count)
    for offset in 0..<count { keys.append(key(offset)) }
    keys.sort()
    return keys
  }

  /// Moves each finding to its place: `keys[i].offset` is where the
  /// finding that belongs at `i` is now. The buffer's swap moves the two
  /// values; the array's copies them (a retain and a release of every
  /// string in a finding, several per swap).
  private static func place<K: FindingKey>(_ findings: inout [Diagnostic], _ keys: [K]) {
    var placed = [Bool](repeating: false, count: findings.count)
    findings.withUnsafeMutableBufferPointer { findings in
      for start in findings.indices where !placed[start] {
        var index = start
        while true {
          placed[index] = true
          let from = keys[index].offset
          if from == start { break }
          findings.swapAt(index, from)
          index = from
        }
      }
    }
  }

  /// A finding's row (or line) and column; 0 for those it has not.
  private static func position(_ location: SourceLocation?) -> (row: Int, column: Int) {
    (location?.cell?.row ?? location?.line ?? 0, location?.cell?.column ?? 0)
  }

  /// Errors first, then warnings, then info.
  private static func severityRank(_ severity: Severity) -> Int {
    severity == .error ? 0 : severity == .warning ? 1 : 2
  }

  /// The files, sheets and codes of the findings, interned. A location's
  /// file and sheet are looked up once per origin (an interned pair, so
  /// comparing two is comparing integers), not per finding.
  private struct Names {
    private var files = Interned()
    private var sheets = Interned()
    private var codes = Interned()
    private var origins: [SourceOrigin: (file: Int, sheet: Int)] = [:]
    private var previous: (origin: SourceOrigin, file: Int, sheet: Int)?
    /// The ids of findings with no location ("" for file and sheet).
    private var nowhere: (file: Int, sheet: Int)?

    /// A finding's file, sheet and code ids ("" for a missing file or sheet).
    mutating func ids(_ location: SourceLocation?, _ code: String) -> (file: Int, sheet: Int, code: Int) {
      let (file, sheet) = fileAndSheet(location?.origin)
      return (file, sheet, codes.id(code))
    }

    private mutating func fileAndSheet(_ origin: SourceOrigin?) -> (file: Int, sheet: Int) {
      guard let origin else {
        if let nowhere { return nowhere }
        let ids = (files.id(""), sheets.id(""))
        nowhere = ids
        return ids
      }
      if let previous, previous.origin == origin { return (previous.file, previous.sheet) }
      let ids: (file: Int, sheet: Int)
      if let known = origins[origin] {
        ids = known
      } else {
        ids = (files.id(origin.file), sheets.id(origin.sheet ?? ""))
        origins[origin] = ids
      }
      previous = (origin, ids.file, ids.sheet)
      return ids
    }

    /// The sort rank of each id.
    func ranks() -> (file: [Int], sheet: [Int], code: [Int]) { (files.ranks(), sheets.ranks(), codes.ranks()) }
  }

  /// A sort key that knows which finding it is for.
  private protocol FindingKey: Comparable {
    /// Where the finding is before the sort.
    var offset: Int { get }
  }

  /// A whole key in two words, compared as (`high`, `low`): file, sheet and
  /// row in `high` (16, 16 and 32 bits), then column, severity, code and
  /// offset in `low` (16, 2, 14 and 32 bits). Only for keys whose parts fit.
  private struct PackedKey: FindingKey {
    var high: UInt64
    var low: UInt64
    init(_ key: Key) {
      high = UInt64(key.file) << 48 | UInt64(key.sheet) << 32 | UInt64(key.row)
      low = UInt64(key.column) << 48 | UInt64(key.severity) << 46 | UInt64(key.code) << 32 | UInt64(key.offset)
    }
    var offset: Int { Int(truncatingIfNeeded: low & 0xFFFF_FFFF) }
    static func < (a: PackedKey, b: PackedKey) -> Bool { a.high != b.high ? a.high < b.high : a.low < b.low }
  }

  /// Ids for strings in first-seen order, hashing only when a value differs
  /// from the one before (findings come in runs of one file and sheet).
  private struct Interned {
    private var ids: [String: Int] = [:]
    private var names: [String] = []
    private var previous: String? = nil
    private var previousID = 0

    mutating func id(_ value: String) -> Int {
      if value == previous { return previousID }
      if let id = ids[value] {
        previousID = id
      } else {
        previousID = names.count
        ids[value] = previousID
        names.append(value)
      }
      previous = value
      return previousID
    }

    /// The sort rank of each id.
    func ranks() -> [Int] {
      var rank = [Int](repeating: 0, count: names.count)
      for (position, id) in names.indices.sorted(by: { names[$0] < names[$1] }).enumerated() { rank[id] = position }
      return rank
    }
  }

  /// A finding's whole key, sorted as it is when a part does not fit `PackedKey`.
  private struct Key: FindingKey {
    var file, sheet, row, column, severity, code, offset: Int
    static func < (a: Key, b: Key) -> Bool {
      if a.file != b.file { return a.file < b.file }
      if a.sheet != b.sheet { return a.sheet < b.sheet }
      if a.row != b.row { return a.row < b.row }
      if a.column != b.column { return a.column < b.column }
      if a.severity != b.severity { return a.severity < b.severity }
      if a.code != b.code { return a.code < b.code }
      return a.offset < b.offset
    }
  }
}
