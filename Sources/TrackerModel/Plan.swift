/// A whole tracker: the canonical form every input is normalised into
/// (domain.md §4).
public struct Plan: Hashable, Sendable, Codable {
  /// An identifier for the plan (the first source's base name by default).
  public var id: String
  /// The local area, when stated.
  public var localArea: String?
  /// The plan's title, when stated.
  public var title: String?
  /// What kind of plan it is.
  public var planType: PlanType
  /// A version label such as `v22`, when stated.
  public var version: String?
  /// The "as at" date, when stated.
  public var asAt: DateValue?
  /// The legend(s) that define what each status means, in source order.
  public var statusScheme: [LegendEntry]
  /// How mixed codes such as `G/A` are read.
  public var mixedStatusReading: MixedStatusReading
  /// Review periods ordered by end date.
  public var periods: [Period]
  /// Priorities / areas of weakness.
  public var priorities: [Priority]
  /// Focus areas (`Ref - 1.1`).
  public var focusAreas: [FocusArea]
  /// Actions in source order.
  public var actions: [Action]
  /// An evidence register, when the tracker has one.
  public var evidenceLog: [EvidenceDoc]
  /// Blocks kept verbatim: title rows, legends, footers, other tables.
  public var unparsed: [Block]
  /// The files the plan was read from.
  public var sources: [SourceFile]

  /// Creates a plan.
  public init(
    id: String, localArea: String? = nil, title: String? = nil, planType: PlanType = .wsoa,
    version: String? = nil, asAt: DateValue? = nil, statusScheme: [LegendEntry] = [],
    mixedStatusReading: MixedStatusReading = .movingTowards, periods: [Period] = [],
    priorities: [Priority] = [], focusAreas: [FocusArea] = [], actions: [Action] = [],
    evidenceLog: [EvidenceDoc] = [], unparsed: [Block] = [], sources: [SourceFile] = []
  ) {
    self.id = id
    self.localArea = localArea
    self.title = title
    self.planType = planType
    self.version = version
    self.asAt = asAt
    self.statusScheme = statusScheme
    self.mixedStatusReading = mixedStatusReading
    self.periods = periods
    self.priorities = priorities
    self.focusAreas = focusAreas
    self.actions = actions
    self.evidenceLog = evidenceLog
    self.unparsed = unparsed
    self.sources = sources
  }
}

/// The kind of improvement plan.
public enum PlanType: String, Hashable, Sendable, Codable {
  /// Written Statement of Action.
  case wsoa = "WSoA"
  /// Accelerated Progress Plan.
  case app = "APP"
  /// Priority Action Plan.
  case pap = "PAP"
  /// An improvement plan.
  case improvementPlan = "ImprovementPlan"
  /// Anything else.
  case other = "Other"
}

/// How a mixed status such as `G/A` is read.
public enum MixedStatusReading: String, Hashable, Sendable, Codable {
  /// "Moving from G towards A": the effective rating is A (the default).
  case movingTowards
  /// "Between G and A": the effective rating is the lower of the two.
  case between
}

/// One line of a legend (status key), e.g. `Amber – In progress`.
public struct LegendEntry: Hashable, Sendable, Codable {
  /// The colour or code as written (`Amber`).
  public var code: String
  /// The rating the code names.
  public var rating: Rating
  /// The council's short label, when there is one.
  public var label: String?
  /// What the legend says the code means.
  public var meaning: String
  /// What the legend says about completion.
  public var completion: Completion?
  /// The cell that holds the legend.
  public var source: CellRef?
  /// Which statuses the legend governs.
  public var scope: Scope

  /// Which statuses a legend governs.
  public enum Scope: String, Hashable, Sendable, Codable {
    /// The review-period columns (a key in or over the period headers, seed E5).
    case periods
    /// The priority's overall status (a key in the preamble, seed I3).
    case overall
  }

  /// Creates a legend entry.
  public init(
    code: String, rating: Rating, label: String? = nil, meaning: String,
    completion: Completion? = nil, source: CellRef? = nil, scope: Scope = .periods
  ) {
    self.code = code
    self.rating = rating
    self.label = label
    self.meaning = meaning
    self.completion = completion
    self.source = source
    self.scope = scope
  }
}

/// A file a plan was read from.
public struct SourceFile: Hashable, Sendable, Codable {
  /// The path as given.
  public var path: String
  /// SHA-256 of the file's bytes, lowercase hex.
  public var sha256: String?
  /// The sheet(s) read.
  public var sheet: String?
  /// Whether the file is the master or a return.
  public var role: Role
  /// The sub-group that sent it (returns).
  public var subGroup: String?

  /// The role of a source file in a merge.
  public enum Role: String, Hashable, Sendable, Codable {
    /// The consolidated tracker.
    case master
    /// A sub-group's return.
    case `return`
  }

  /// Creates a source-file record.
  public init(path: String, sha256: String? = nil, sheet: String? = nil, role: Role = .master, subGroup: String? = nil) {
    self.path = path
    self.sha256 = sha256
    self.sheet = sheet
    self.role = role
    self.subGroup = subGroup
  }
}

/// Cells kept verbatim because they are not part of the action table.
public struct Block: Hashable, Sendable, Codable {
  /// What the block is, as far as the recogniser could tell (`preamble`,
  /// `legend`, `footer`, `table`).
  public var kind: String
  /// The cells, in row-major order.
  public var cells: [RawCell]

  /// The kind of a block that marks a status column whose period heading
  /// could not be read (its one cell is the heading; the column's cells are
  /// the actions' `extra` fields). Rules that need the whole timeline do not
  /// run past it.
  public static let unreadPeriod = "period"

  /// Creates a block.
  public init(kind: String, cells: [RawCell]) {
    self.kind = kind
    self.cells = cells
  }
}

/// A cell's text exactly as it was, and where.
public struct RawCell: Hashable, Sendable, Codable {
  /// The text as written.
  public var text: String
  /// Where it was.
  public var source: CellRef?

  /// Creates a raw cell.
  public init(text: String, source: CellRef? = nil) {
    self.text = text
    self.source = source
  }
}

/// An entry of an evidence register (`E12 | Document | Date | Owner`).
public struct EvidenceDoc: Hashable, Sendable, Codable {
  /// The code, e.g. `E12`.
  public var code: String
  /// The document title.
  public var title: String
  /// Any other columns, verbatim.
  public var fields: [String: String]
  /// Where it was.
  public var source: CellRef?

  /// Creates an evidence-log entry.
  public init(code: String, title: String, fields: [String: String] = [:], source: CellRef? = nil) {
    self.code = code
    self.title = title
    self.fields = fields
    self.source = source
  }
}
