public import AtomicOutput
public import Diagnostics
public import TrackerModel

/// The `--report REPORT.json` document (`schemas/merge-report.schema.json`,
/// `"schema": "wsoa-merge-report/1"`): the inputs in merge order, the
/// options, the counts, every log entry and every diagnostic. Written through
/// `JSONOutput` as every report is, keys in sorted order, so the same inputs
/// give the same bytes.
public struct MergeReportDocument: Sendable {
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
  public let diagnostics: [Diagnostic]

  /// The options of a merge.
  public struct Options: Sendable {
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
  public struct LogEntry: Sendable {
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

  /// Builds the document from a merge.
  /// `readingFindings` are what reading the inputs found (a sheet skipped,
  /// an encoding guessed, an unreadable cell), listed before the merge's own
  /// as the terminal shows them, so the report is the whole record.
  public init(
    result: MergeResult, options: MergeOptions, master: String, output: String, tool: String, exitStatus: Int,
    readingFindings: [Diagnostic] = []
  ) {
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
    diagnostics = readingFindings + result.diagnostics
  }

  /// Writes the document, with a final newline.
  public func write(to sink: ByteSink) {
    var out = JSONOutput(sink: sink, pretty: true)
    write(&out)
  }

  /// The document's bytes, with a final newline.
  public func bytes() -> [UInt8] {
    var out = JSONOutput(sink: nil, pretty: true)
    write(&out)
    return out.collected + [10]
  }

  private func write(_ out: inout JSONOutput) {
    out.beginObject()
    out.key("counts")
    out.integers(of: counts)
    out.key("diagnostics")
    ValidationReportJSON.findings(diagnostics, &out)
    out.key("exitStatus")
    out.int(exitStatus)
    out.key("log")
    out.array(log) { $0.write(&$1) }
    out.key("master")
    out.string(master)
    out.key("options")
    out.beginObject()
    out.key("acceptDue")
    out.bool(options.acceptDue)
    out.key("acceptLeads")
    out.bool(options.acceptLeads)
    out.key("acceptText")
    out.bool(options.acceptText)
    out.string("prefer", ifPresent: options.prefer)
    out.endObject()
    out.key("output")
    out.string(output)
    out.key("result")
    out.string(result)
    out.key("returns")
    out.array(returns) { item, out in
      out.beginObject()
      out.key("actions")
      out.int(item.actions)
      out.key("file")
      out.string(item.file)
      out.string("sha256", ifPresent: item.sha256)
      out.key("skipped")
      out.bool(item.skipped)
      out.string("subGroup", ifPresent: item.subGroup)
      out.key("subGroupOrigin")
      out.string(item.subGroupOrigin.rawValue)
      out.endObject()
    }
    out.endReport(schema: schema, tool: tool)
  }
}

extension MergeReportDocument.LogEntry {
  fileprivate func write(_ out: inout JSONOutput) {
    out.beginObject()
    out.key("action")
    out.string(action)
    out.key("code")
    out.string(code)
    out.key("decision")
    out.string(decision)
    out.key("field")
    out.string(field)
    out.key("new")
    out.string(new)
    out.key("old")
    out.string(old)
    out.string("period", ifPresent: period)
    out.string("periodId", ifPresent: periodId)
    out.string("priority", ifPresent: priority)
    out.string("source", ifPresent: source)
    out.string("subGroup", ifPresent: subGroup)
    out.endObject()
  }
}
