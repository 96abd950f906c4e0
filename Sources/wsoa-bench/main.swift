// Benchmarks for wsoa. Build with -c release; scripts/bench.sh runs them and
// the Python peers side by side. Usage: wsoa-bench <name> [args...]
//
// Each benchmark lives in its own file and registers here.
#if canImport(Glibc)
  import Glibc
#endif

let benchmarks: [String: ([String]) throws -> Void] = [
  "generate-tracker-csv": GenerateBench.trackerCSV,
  "validate": ValidateBench.pipeline,
  "validate-rules": ValidateBench.rules,
  "csv-read": CSVBench.read,
  "csv-read-workbook": CSVBench.readWorkbook,
  "csv-write": CSVBench.write,
  "generate-numeric-csv": XLSXReadBench.numericCSV,
  "xlsx-floor": XLSXReadBench.floor,
  "xlsx-read": XLSXReadBench.read,
  "xlsx-write-tracker": XLSXWriteBench.tracker,
  "xlsx-write-numeric": XLSXWriteBench.numeric,
  "merge": MergeBench.run,
]

let arguments = Array(CommandLine.arguments.dropFirst())
guard let name = arguments.first, let bench = benchmarks[name] else {
  print("usage: wsoa-bench <\(benchmarks.keys.sorted().joined(separator: "|"))> [args...]")
  exit(64)
}
do {
  try bench(Array(arguments.dropFirst()))
} catch {
  print("wsoa-bench \(name): \(error)")
  exit(1)
}
