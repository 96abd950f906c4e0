import Diagnostics
#if canImport(FoundationEssentials)
  public import FoundationEssentials
#else
  public import Foundation
#endif
public import TrackerModel

/// The `--report REPORT.json` document (`schemas/merge-report.schema.json`,
/// `"schema": "wsoa-merge-report/1"`): the inputs in merge order, the
/// options, the counts, every log entry and every diagnostic. Keys are
/// sorted, so the same inputs give the same bytes.
public struct MergeReportDocument: Encodable, Sendable {
  /// The schema id.
  public let schema = "wsoa-merge-report/1"
  /// `wsoa` and its version.
  public let tool: String
  /// The master as named.
  public let master: String
  /// The merged tracker's path (`-` for standard output).
  public let output: String
  /// `clean` or `unresolved-conflicts`.
  public let result: String
  /// The exit status the command returns.
  public let exitStatus: Int
  /// The options used.
  public let options: Options
  /// The returns, in merge order.
  public let returns: [MergeReturnSummary]
  /// The counts.
  public let counts: MergeSummary
  /// Every change, conflict and event.
  public let log: [LogEntry]
  /// Every diagnostic.
  public let diagnostics: [Finding]

  /// The options of a merge.
  public struct Options: Encodable, Sendable {
    /// `master`, `return`, or absent when not given.
    public let prefer: String?
    /// `--accept-leads`.
    public let acceptLeads: Bool
    /// `--accept-text`.
    public let acceptText: Bool
    /// `--accept-due`.
    public let acceptDue: Bool
  }

  /// One log entry, its source rendered as `file!cell`.
  public struct LogEntry: Encodable, Sendable {
    let code: String
    let action: String
    let priority: String?
    let period: String?
    let periodId: String?
    let field: String
    let old: String
    let new: String
    let source: String?
    let subGroup: String?
    let decision: String
  }

  /// One diagnostic.
  public struct Finding: Encodable, Sendable {
    let code: String
    let severity: String
    let message: String
    let fix: String?
    let location: Location?
    let related: [Location]
  }

  /// A location, structured and rendered.
  public struct Location: Encodable, Sendable {
    let file: String
    let sheet: String?
    let cell: String?
    let line: Int?
    let text: String

    init(_ location: SourceLocation) {
      file = location.file
      sheet = location.sheet
      cell = location.cell?.a1
      line = location.line
      text = location.description
    }
  }

  /// Builds the document from a merge.
  public init(result: MergeResult, options: MergeOptions, master: String, output: String, tool: String, exitStatus: Int) {
    self.tool = tool
    self.master = master
    self.output = output
    self.result = result.hasUnresolvedConflicts ? "unresolved-conflicts" : "clean"
    self.exitStatus = exitStatus
    self.options = Options(
      prefer: options.prefer?.rawValue, acceptLeads: options.acceptLeads, acceptText: options.acceptText,
      acceptDue: options.acceptDue)
    returns = result.returns
    counts = result.summary
    log = result.log.map {
      LogEntry(
        code: $0.code, action: $0.action, priority: $0.priorityId, period: $0.period, periodId: $0.periodId,
        field: $0.field.rawValue, old: $0.old, new: $0.new, source: $0.source?.reference, subGroup: $0.subGroup,
        decision: $0.decision.rawValue)
    }
    diagnostics = result.diagnostics.map {
      Finding(
        code: $0.code, severity: $0.severity.rawValue, message: $0.message, fix: $0.fix,
        location: $0.location.map(Location.init), related: $0.related.map(Location.init))
    }
  }

  /// The document as pretty-printed JSON with sorted keys and a final newline.
  public func encoded() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    var data = try encoder.encode(self)
    data.append(0x0A)
    return data
  }
}
