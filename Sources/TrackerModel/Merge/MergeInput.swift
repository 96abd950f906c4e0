/// One tracker taking part in a merge: the canonical plan, the file it came
/// from and, for a return, the sub-group that sent it.
///
/// ```swift
/// let master = MergeInput(plan: masterPlan, file: "master.xlsx")
/// let ehcp = MergeInput(plan: returnPlan, file: "returns/ehcp.csv", subGroup: "EHCP", subGroupOrigin: .fileName)
/// ```
public struct MergeInput: Hashable, Sendable {
  /// The tracker, already normalised into the canonical model.
  public var plan: Plan
  /// The file as the user named it; used in provenance and the merge log.
  public var file: String
  /// The sub-group that sent the return (`nil` for the master or when unknown).
  public var subGroup: String?
  /// How `subGroup` was found.
  public var subGroupOrigin: SubGroupOrigin
  /// When the return was received, when known (used only to choose between
  /// disagreeing returns under `--prefer return`).
  public var receivedAt: DateValue?
  /// The SHA-256 of the file's bytes (lowercase hex), when the caller read
  /// them: a return with the same bytes as another (the same file under
  /// another path, a link, or a copy) is applied once (`merge.duplicate_return`).
  /// Not taken from `plan.sources`: a `wsoa/1` return lists the files *it*
  /// was made from, which two different returns can share.
  public var sha256: String?

  /// Creates a merge input.
  public init(
    plan: Plan, file: String, subGroup: String? = nil, subGroupOrigin: SubGroupOrigin = .unknown,
    receivedAt: DateValue? = nil, sha256: String? = nil
  ) {
    self.plan = plan
    self.file = file
    self.subGroup = subGroup
    self.subGroupOrigin = subGroupOrigin
    self.receivedAt = receivedAt
    self.sha256 = sha256
  }

  /// The last path component of `file` (`ehcp.csv` for `returns/ehcp.csv`).
  public var fileName: String {
    file.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? file
  }
}

/// Where a return's sub-group came from (domain.md §8.2; README "wsoa merge").
public enum SubGroupOrigin: String, Hashable, Sendable, Codable {
  /// Given on the command line (`--sub-group`).
  case flag
  /// Every action in the return names the same sub-group in its sub-group column.
  case column
  /// Found in the file name (`2022-03 EHCP return.xlsx`).
  case fileName
  /// Not known: remit checks (`merge.out_of_remit`, `merge.no_update`) are skipped.
  case unknown
}

/// Which side wins a status conflict.
public enum MergePreference: String, Hashable, Sendable, Codable, CaseIterable {
  /// Keep the master's value (also the default when no preference is given).
  case master
  /// Take a return's value.
  case `return`
}

/// How a merge resolves what it cannot decide alone.
public struct MergeOptions: Hashable, Sendable {
  /// The side that wins a status conflict. `nil` keeps the master's value but
  /// leaves the conflict *unresolved* (the CLI then exits 1); an explicit
  /// choice resolves it.
  public var prefer: MergePreference?
  /// Take a return's leads when they differ from the master's.
  public var acceptLeads: Bool
  /// Take a return's action wording when it differs from the master's.
  public var acceptText: Bool
  /// Take a return's due date when it differs from the master's.
  public var acceptDue: Bool

  /// A council's own sub-group spellings (`[subgroups]`).
  public var subGroupAliases = SubGroupAliases()
  /// Whether a large merge's rows may be merged on several threads (the result is the same).
  public var allowsThreads = true

  /// Creates options; the defaults keep the master everywhere.
  public init(prefer: MergePreference? = nil, acceptLeads: Bool = false, acceptText: Bool = false, acceptDue: Bool = false) {
    self.prefer = prefer
    self.acceptLeads = acceptLeads
    self.acceptText = acceptText
    self.acceptDue = acceptDue
  }
}
