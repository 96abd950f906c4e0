import ArgumentParser
import TrackerKit

/// Which inputs convert to which outputs: one input to a file or standard
/// output; several inputs, a folder, or an output folder (`-o DIR/`, or an
/// existing folder) one file each in that folder, named by
/// `BatchInputs.outputNames` (so `p2.xlsx` and `p2.tsv` never collide).
struct ConvertPlan {
  /// One conversion.
  struct Item {
    var input: String
    /// The output path, or `nil` for standard output.
    var output: String?
  }

  var items: [Item]
  /// The output folder, when the outputs go into one (created before the first is written).
  var folder: String? = nil

  /// Expands folders (`BatchInputs.expand`) and names the outputs.
  ///
  /// - Throws: `ValidationError` when several inputs have no output folder,
  ///   the output folder is a file, or an output is an input (`InputProtection`).
  static func make(inputs: [String], output: String?, format: TrackerFormat) throws -> ConvertPlan {
    let (files, sawFolder) = BatchInputs.expand(inputs)
    let many = files.count > 1 || sawFolder
    guard many || BatchInputs.isFolder(output) else {
      try InputProtection.check(output, flag: "-o", inputs: files)
      return ConvertPlan(items: files.map { Item(input: $0, output: output == "-" ? nil : output) })
    }
    guard let folder = output, folder != "-" else {
      throw ValidationError("Several inputs convert into a folder: give -o DIR.")
    }
    if FileProbe.kind(folder) == .file {
      throw ValidationError("-o \(folder) is a file; several inputs need a folder.")
    }
    let names = BatchInputs.outputNames(for: files, extension: format.rawValue)
    var items: [Item] = []
    for (file, name) in zip(files, names) {
      let out = BatchInputs.join(folder, name)
      try InputProtection.check(out, flag: "-o \(folder): the output", inputs: files)
      items.append(Item(input: file, output: out))
    }
    return ConvertPlan(items: items, folder: folder)
  }
}
