import ArgumentParser
import TrackerKit
import TrackerModel

/// `wsoa validate --annotate OUT.xlsx`: the usage checks, and writing the
/// annotated workbook (atomically, through `AnnotatedWorkbookWriter`) after
/// the report.
enum AnnotateOutput {
  /// Usage errors (exit 64): a path that is `-`, not `.xlsx`, the input
  /// itself or the report file; anything but exactly one input.
  static func check(_ path: String, inputs: [String], report: String?) throws {
    guard !path.isEmpty, path != "-" else {
      throw ValidationError("--annotate writes a workbook to a file; give a path such as annotated.xlsx (not -).")
    }
    guard TrackerFormat.from(path: path) == .xlsx, path.lowercased().hasSuffix(".xlsx") else {
      throw ValidationError("--annotate \"\(path)\": the annotated workbook is XLSX; give a path ending in .xlsx.")
    }
    guard inputs.count == 1 else {
      throw ValidationError("--annotate takes exactly one tracker file (got \(inputs.count)); run validate once per file.")
    }
    try InputProtection.check(path, flag: "--annotate", inputs: inputs)
    if let report, report != "-", FileProbe.sameFile(path, report) {
      throw ValidationError("--annotate and -o name the same file \"\(path)\".")
    }
  }

  /// Writes the annotated workbook for a checked file; returns the exit
  /// status it adds (65 when a tracker value does not fit a cell, 73 when
  /// the file cannot be written). A file that could not be read has no
  /// workbook; its verdict already says why. What writing found (a kept
  /// sheet written under another name) goes to standard error as convert
  /// prints it, under `policy` (the command line's over the config's);
  /// `quiet` leaves out info.
  static func write(_ verdict: FileValidation, to path: String, policy: FindingPolicy, quiet: Bool) -> ExitStatus {
    guard let plan = verdict.plan else {
      StandardError.write(Failure.line(location: nil, "--annotate: \(path) not written: \(verdict.file) could not be checked") + "\n")
      return .success
    }
    do {
      // The config the file was checked with (already read once, so valid) colours its words.
      let config = try verdict.configPath.map { try TrackerConfig.load(path: $0) } ?? TrackerConfig()
      let written = try AnnotatedWorkbookWriter.write(
        plan, findings: verdict.findings, to: path, palette: config.palette, council: config.vocabulary)
      let found = config.policy(overriddenBy: policy).apply(to: written)
      StandardError.write(FindingLines.render(found, quiet: quiet, colour: Colour.onStandardError, file: path))
      return .success
    } catch let error as ConfigError {
      StandardError.write(Failure.line(location: nil, "--annotate: \(error)") + "\n")
      return .dataError
    } catch let error as TrackerError {
      StandardError.write(Failure.line(location: nil, "--annotate: \(error)") + "\n")
      return .dataError
    } catch {
      StandardError.write(Failure.line(location: nil, "--annotate: \(error)") + "\n")
      return .cannotCreate
    }
  }
}
