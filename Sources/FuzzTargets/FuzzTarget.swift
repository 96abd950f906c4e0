import Foundation
import DelimitedFormat
import Diagnostics
import Grid
import TestSupport
import TrackerKit
import TrackerModel
import XLSXFormat
import ZipArchive

/// The parts of wsoa that take untrusted bytes, each as one fuzz target.
///
/// `scripts/fuzz.sh` runs them under libFuzzer with AddressSanitizer
/// (`wsoa-fuzz`, one binary, the target named by `WSOA_FUZZ_TARGET`), and
/// the replay tests run every committed input under `fixtures/fuzz/TARGET/`
/// through the same function. A thrown error is an expected outcome; a trap,
/// a sanitizer report or a hang is a bug.
public enum FuzzTarget: String, CaseIterable, Sendable {
  /// The CSV/TSV reader: bytes as a delimited file (any encoding, any delimiter).
  case csv
  /// The XLSX reader: bytes starting with `PK` as a package, anything else as
  /// the worksheet part of a small stored package.
  case xlsx
  /// Recognition and validation: bytes read as a delimited grid, recognised
  /// into a plan, validated and written as JSON, which must read back.
  case recognise
  /// Merge: bytes split at `returnMarker` into a master and returns (or one
  /// tracker merged with itself), each recognised, then merged.
  case merge

  /// The line that separates the master from each return in a merge input.
  public static let returnMarker: [UInt8] = Array("\n#--return--#\n".utf8)

  /// Runs the target on one input; returns the error it threw, if any.
  @discardableResult
  public func run(_ bytes: [UInt8]) -> (any Error)? {
    do {
      switch self {
      case .csv: try Self.readCSV(bytes)
      case .xlsx: return Self.readXLSX(bytes)
      case .recognise: try Self.recognise(bytes)
      case .merge: try Self.merge(bytes)
      }
      return nil
    } catch {
      return error
    }
  }

  /// Whether `error` is one the target is documented to throw (anything
  /// else, such as a foreign error type, is a bug the replay test reports).
  public func isExpected(_ error: any Error) -> Bool {
    switch self {
    case .csv: error is DelimitedError
    case .xlsx: error is XLSXError
    case .recognise, .merge: error is DelimitedError || error is TrackerError
    }
  }

  // MARK: - The targets

  /// Caps that keep one input to a fraction of a second.
  private static var delimitedOptions: DelimitedReadOptions {
    var options = DelimitedReadOptions()
    options.limits.maxFileBytes = 1 << 20
    options.maxThreads = 1  // one input at a time; threads only add noise under libFuzzer
    return options
  }

  private static func readCSV(_ bytes: [UInt8]) throws {
    _ = try DelimitedReader(options: delimitedOptions).readWorkbook(bytes: bytes, name: "fuzz.csv")
  }

  private static func readXLSX(_ bytes: [UInt8]) -> (any Error)? {
    var limits = XLSXLimits()
    limits.zip.maxTotalSize = 64 << 20
    limits.maxCells = 1_000_000
    return FuzzInput.read(bytes) { package in
      _ = try XLSXReader(bytes: package, name: "fuzz.xlsx", limits: limits).readWorkbook()
    }
  }

  /// A delimited grid recognised as a plan.
  private static func plan(_ bytes: [UInt8], name: String) throws -> Outcome<Plan> {
    let grid = try DelimitedReader(options: delimitedOptions).readWorkbook(bytes: bytes, name: name)
    return try Recogniser.recognise(grid.value, file: name, options: RecogniserOptions(isDelimited: true))
  }

  private static let today = CivilDate(year: 2024, month: 6, day: 30)

  private static func recognise(_ bytes: [UInt8]) throws {
    let outcome = try plan(bytes, name: "fuzz.csv")
    let findings = Validator.validate(outcome.value, options: ValidationOptions(today: today))
    let json = PlanJSONWriter.bytes(outcome.value, findings: outcome.diagnostics + findings, pretty: false)
    _ = try PlanJSONReader.read(json, file: "fuzz.json")
  }

  private static func merge(_ bytes: [UInt8]) throws {
    let parts = split(bytes, at: returnMarker)
    let master = try MergeInput(plan: plan(parts[0], name: "master.csv").value, file: "master.csv")
    var returns: [MergeInput] = []
    for (n, part) in (parts.count > 1 ? Array(parts.dropFirst()) : parts).enumerated() {
      let name = "return-\(n + 1).csv"
      returns.append(MergeInput(plan: try plan(part, name: name).value, file: name, subGroup: n % 2 == 0 ? "A" : nil))
    }
    _ = PlanMerger.merge(master: master, returns: returns)
  }

  /// `bytes` cut at every occurrence of `marker`.
  private static func split(_ bytes: [UInt8], at marker: [UInt8]) -> [[UInt8]] {
    var parts: [[UInt8]] = []
    var start = 0
    var i = 0
    while i + marker.count <= bytes.count {
      if bytes[i..<(i + marker.count)].elementsEqual(marker) {
        parts.append(Array(bytes[start..<i]))
        i += marker.count
        start = i
      } else {
        i += 1
      }
    }
    parts.append(Array(bytes[start...]))
    return parts
  }
}
