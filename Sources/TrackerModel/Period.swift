/// One review period: a status column such as `Dec-19` or `Q3 2024/25`.
public struct Period: Hashable, Sendable, Codable, Identifiable {
  /// Stable id derived from the date window (e.g. `2019-12`, `2024-Q3`), so
  /// that `Dec-21` and `December 2021` are the same period across files.
  public var id: String
  /// The heading as written.
  public var label: String
  /// The grammar the heading was read with.
  public var kind: Kind
  /// First day of the period.
  public var start: CivilDate
  /// Last day of the period.
  public var end: CivilDate
  /// 1-based column in the source sheet.
  public var column: Int?
  /// Where the heading was.
  public var source: CellRef?

  /// The grammar of a period heading (domain.md §5.3).
  public enum Kind: String, Hashable, Sendable, Codable {
    /// A month: `Dec-19`, `December 2021`, or a date serial formatted as a month.
    case month
    /// A UK financial-year quarter (`Q3 2024/25` = Oct–Dec 2024).
    case quarterFY
    /// A calendar quarter (`Q3 2024` = Jul–Sep 2024); its id is the
    /// financial-year quarter's with the same months (`2024/25-Q2`).
    case quarter
    /// A span of months (`July-Sept 2023`); a span that is a quarter has the
    /// quarter's id, other spans `2023-06..2023-08`.
    case months
    /// A review date (`2021-04-30`, `30/04/2021`).
    case date
    /// An academic year (`21/22` = Sep 2021 – Aug 2022).
    case academicYear
    /// A school term (`Autumn 2021`).
    case term
    /// An APP milestone (`Milestone 1 – Jul 23`).
    case milestone
  }

  /// Creates a period.
  public init(
    id: String, label: String, kind: Kind, start: CivilDate, end: CivilDate, column: Int? = nil,
    source: CellRef? = nil
  ) {
    self.id = id
    self.label = label
    self.kind = kind
    self.start = start
    self.end = end
    self.column = column
    self.source = source
  }
}

extension Period {
  /// The date a note gets when only this period dates it (an update on a
  /// long export's row, a note prefixed `Autumn 2022:`): the period at its
  /// own precision (a month, a quarter), else its last day.
  public static func noteDate(kind: Kind, start: CivilDate, end: CivilDate) -> DateValue {
    switch kind {
    case .month: return DateValue(year: start.year, month: start.month)
    case .quarterFY: return DateValue(year: start.year, month: start.month, precision: .quarter)
    default: return DateValue(year: end.year, month: end.month, day: end.day)
    }
  }
}
