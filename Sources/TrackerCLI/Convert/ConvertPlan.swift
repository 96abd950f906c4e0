import ArgumentParser
import TrackerKit

/// Which inputs convert to which outputs: one input to a file or standard
/// output; several inputs, or a folder, into an output folder.
struct ConvertPlan {
  /// One conversion.
  struct Item {
    var input: String
    /// The output path, or `nil` for standard output.
    var output: String?
  }

  var items: [Item]

  /// Expands folders (their tracker files, sorted, hidden and `~$` lock files
  /// skipped) and names the outputs.
  ///
  /// - Throws: `ValidationError` when several inputs have no output folder,
  ///   two inputs would write the same output, or an output is an input
  ///   (`InputProtection`).
  static func make(inputs: [String], output: String?, format: TrackerFormat) throws -> ConvertPlan {
    var files: [String] = []
    var sawFolder = false
    for input in inputs {
      if FileProbe.kind(input) == .directory {
        sawFolder = true
        for name in FileProbe.list(input) where !name.hasPrefix(".") && !name.hasPrefix("~$") && TrackerFormat.from(path: name) != nil {
          files.append(input.hasSuffix("/") ? input + name : input + "/" + name)
        }
      } else {
        files.append(input)
      }
    }
    let many = files.count > 1 || sawFolder
    guard many else {
      try InputProtection.check(output, flag: "-o", inputs: files)
      return ConvertPlan(items: files.map { Item(input: $0, output: output == "-" ? nil : output) })
    }
    guard let folder = output, folder != "-" else {
      throw ValidationError("Several inputs convert into a folder: give -o DIR.")
    }
    if FileProbe.kind(folder) == .file {
      throw ValidationError("-o \(folder) is a file; several inputs need a folder.")
    }
    let ext = format.rawValue
    var seen: [String: String] = [:]
    var items: [Item] = []
    for file in files {
      let base = file == InputOptions.standardInputArgument ? "stdin" : baseName(file)
      let out = (folder.hasSuffix("/") ? folder : folder + "/") + base + "." + ext
      if let other = seen[out] { throw ValidationError("\(other) and \(file) would both write \(out).") }
      try InputProtection.check(out, flag: "-o \(folder): the output", inputs: files)
      seen[out] = file
      items.append(Item(input: file, output: out))
    }
    return ConvertPlan(items: items)
  }

  static func baseName(_ path: String) -> String {
    var base = path.split(separator: "/").last.map(String.init) ?? path
    if let dot = base.lastIndex(of: "."), dot != base.startIndex { base = String(base[..<dot]) }
    return base
  }
}
