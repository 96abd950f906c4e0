// Reads a tracker from its bytes (as a service would receive an upload),
// counts its findings and writes it as compact JSON to standard output.
// Only `import TrackerKit`: Plan, Diagnostic, Severity, ByteSink and the
// errors come with it.
import Foundation
import TrackerKit

guard CommandLine.arguments.count == 2 else {
  print("usage: LibraryClient TRACKER")
  exit(64)
}
let path = CommandLine.arguments[1]
do {
  let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
  let loaded: Outcome<Plan> = try TrackerLoader.load(bytes: bytes, name: path)
  let findings = Validator.validate(loaded.value, options: ValidationOptions(today: CivilDate(year: 2026, month: 1, day: 1)))
  let errors = (loaded.diagnostics + findings).filter { $0.severity == Severity.error }.count
  let sink = ByteSink(fileDescriptor: 1)
  try TrackerWriter.write(loaded.value, findings: findings, to: sink, options: WriteOptions(format: .json, prettyJSON: false))
  sink.write("\n")
  try sink.flush(path: "<stdout>")
  print("\(loaded.value.priorities.count) priorities, \(errors) errors")
} catch let error as TrackerError {
  print("not a tracker: \(error)")
  exit(65)
}
