import Diagnostics
import Foundation
import TrackerKit
import TrackerModel

/// The `--format json` report (`schemas/validate-report.schema.json`):
/// totals by severity, then per file its result, counts, the reading used
/// and every finding with all its fields. Keys are sorted, so the same
/// inputs give the same bytes.
struct ValidateJSONReport: Encodable {
  let schema = "wsoa-validate/1"
  let tool: String
  let asOf: String?
  let counts: Counts
  let files: [File]

  struct Counts: Encodable {
    let error: Int
    let warning: Int
    let info: Int
  }

  struct File: Encodable {
    let file: String
    let result: String
    let error: String?
    let config: String?
    let reading: String?
    let strict: Bool
    let counts: Counts
    let findings: [Finding]
  }

  struct Finding: Encodable {
    let code: String
    let severity: String
    let message: String
    let fix: String?
    let location: Location?
    let related: [Location]
  }

  struct Location: Encodable {
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

  init(verdicts: [FileValidation], settings: ValidationSettings) {
    tool = "wsoa \(WSOACommand.version)"
    asOf = settings.asOf?.description
    files = verdicts.map { verdict in
      let result: String
      switch verdict.failure {
      case .missing: result = "missing"
      case .unreadable: result = "unreadable"
      case .badConfig: result = "bad-config"
      case nil: result = verdict.passes ? "pass" : "fail"
      }
      return File(
        file: verdict.file, result: result, error: verdict.failure?.message, config: verdict.configPath,
        reading: verdict.reading, strict: verdict.strict,
        counts: Counts(error: verdict.count(.error), warning: verdict.count(.warning), info: verdict.count(.info)),
        findings: verdict.findings.map {
          Finding(
            code: $0.code, severity: $0.severity.rawValue, message: $0.message, fix: $0.fix,
            location: $0.location.map(Location.init), related: $0.related.map(Location.init))
        })
    }
    counts = Counts(
      error: files.reduce(0) { $0 + $1.counts.error }, warning: files.reduce(0) { $0 + $1.counts.warning },
      info: files.reduce(0) { $0 + $1.counts.info })
  }

  func encoded() throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
  }
}
