public import AtomicOutput
import Diagnostics
public import TrackerModel

/// Writes the `wsoa validate --format json` report
/// (`schemas/validate-report.schema.json`, `"schema": "wsoa-validate/1"`):
/// totals by severity, then per file its result, counts, the reading used
/// and every finding with all its fields. Keys are written in sorted order
/// and findings in location order, so the same inputs give the same bytes;
/// the text streams through the sink, so 300,000 findings never sit in memory.
public enum ValidationReportJSON {
  /// The schema identifier.
  public static let schema = "wsoa-validate/1"

  /// Writes the report.
  ///
  /// - Parameters:
  ///   - verdicts: one per input file, in command-line order.
  ///   - asOf: the `--as-of` date, when given.
  ///   - tool: `wsoa` and its version.
  ///   - sink: where the bytes go.
  public static func write(_ verdicts: [FileValidation], asOf: CivilDate?, tool: String, to sink: ByteSink) {
    var out = JSONOutput(sink: sink, pretty: true)
    out.beginObject()
    if let asOf {
      out.key("asOf")
      out.string(asOf.description)
    }
    out.key("counts")
    counts(
      verdicts.reduce(0) { $0 + $1.count(.error) }, verdicts.reduce(0) { $0 + $1.count(.warning) },
      verdicts.reduce(0) { $0 + $1.count(.info) }, &out)
    out.key("files")
    out.beginArray()
    for verdict in verdicts { file(verdict, &out) }
    out.endArray()
    out.endReport(schema: schema, tool: tool)
  }

  /// The result word for a verdict: `pass`, `fail`, `unreadable`, `missing`, `bad-config`.
  public static func result(_ verdict: FileValidation) -> String {
    switch verdict.failure {
    case .missing: "missing"
    case .unreadable: "unreadable"
    case .badConfig: "bad-config"
    case nil: verdict.passes ? "pass" : "fail"
    }
  }

  private static func file(_ verdict: FileValidation, _ out: inout JSONOutput) {
    out.beginObject()
    if let config = verdict.configPath {
      out.key("config")
      out.string(config)
    }
    out.key("counts")
    counts(verdict.count(.error), verdict.count(.warning), verdict.count(.info), &out)
    if let failure = verdict.failure {
      out.key("error")
      out.string(failure.message)
    }
    out.key("file")
    out.string(verdict.file)
    out.key("findings")
    findings(verdict.findings, &out)
    if let reading = verdict.reading {
      out.key("reading")
      out.string(reading)
    }
    out.key("result")
    out.string(result(verdict))
    out.key("strict")
    out.bool(verdict.strict)
    out.endObject()
  }

  /// Findings as an array, each with all its fields (the merge report
  /// writes its diagnostics so too); a long one in batches on every
  /// processor (`JSONOutput.writeElements`), each with its own location bytes.
  static func findings(_ findings: [Diagnostic], _ out: inout JSONOutput, batch: Int = findingBatch) {
    out.beginArray()
    out.writeElements(count: findings.count, batch: batch, scratch: ReportLocationBytes.init) { index, out, locations in
      finding(findings, index, &out, &locations)
    }
    out.endArray()
  }

  /// Findings per batch a thread writes.
  static let findingBatch = 2_000

  /// One finding, its fields read in place (a copy of a `Diagnostic` retains each of its strings).
  private static func finding(
    _ findings: [Diagnostic], _ index: Int, _ out: inout JSONOutput, _ locations: inout ReportLocationBytes
  ) {
    out.beginObject()
    out.key("code")
    out.string(findings[index].code)
    if let fix = findings[index].fix {
      out.key("fix")
      out.string(fix)
    }
    if let location = findings[index].location {
      out.key("location")
      self.location(location, &out, &locations)
    }
    out.key("message")
    out.string(findings[index].message)
    out.key("related")
    out.beginArray()
    for related in findings[index].related.indices {
      location(findings[index].related[related], &out, &locations)
    }
    out.endArray()
    out.key("severity")
    out.string(findings[index].severity.rawValue)
    out.endObject()
  }

  private static func location(_ location: SourceLocation, _ out: inout JSONOutput, _ locations: inout ReportLocationBytes) {
    // Findings' locations sit deep enough to be written on one line: from composed bytes.
    if out.writesCompactLocation {
      locations.write(location, to: &out)
      return
    }
    out.beginObject()
    if let cell = location.cell {
      out.key("cell")
      out.string(cell.a1)
    }
    out.key("file")
    out.string(location.file)
    if let line = location.line {
      out.key("line")
      out.int(line)
    }
    if let sheet = location.sheet {
      out.key("sheet")
      out.string(sheet)
    }
    out.key("text")
    out.string(location.description)
    out.endObject()
  }

  private static func counts(_ errors: Int, _ warnings: Int, _ infos: Int, _ out: inout JSONOutput) {
    out.beginObject()
    out.key("error")
    out.int(errors)
    out.key("info")
    out.int(infos)
    out.key("warning")
    out.int(warnings)
    out.endObject()
  }
}
