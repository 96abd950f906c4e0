import TrackerKit

/// The inputs of a command that takes several trackers (convert, validate,
/// merge's returns): folders expanded, and the names their outputs get.
enum BatchInputs {
  /// `inputs` with each folder replaced by its tracker files (`.xlsx`,
  /// `.csv`, `.tsv`, `.json`…, sorted by name; hidden files and Excel's `~$`
  /// lock files skipped; not recursive). Files and `-` are kept as given,
  /// in order, even when they do not exist (the command reports them).
  static func expand(_ inputs: [String]) -> (files: [String], sawFolder: Bool) {
    var files: [String] = []
    var sawFolder = false
    for input in inputs {
      guard input != InputOptions.standardInputArgument, FileProbe.kind(input) == .directory else {
        files.append(input)
        continue
      }
      sawFolder = true
      let folder = input.hasSuffix("/") ? input : input + "/"
      for name in FileProbe.list(input)
      where !name.hasPrefix(".") && !name.hasPrefix("~$") && TrackerFormat.from(path: name) != nil
        && FileProbe.kind(folder + name) != .directory
      {
        files.append(folder + name)
      }
    }
    return (files, sawFolder)
  }

  /// Whether `output` names a folder: it ends in `/` or is an existing folder.
  static func isFolder(_ output: String?) -> Bool {
    guard let output, output != "-" else { return false }
    return output.hasSuffix("/") || FileProbe.kind(output) == .directory
  }

  /// The output file names (without folder) for `files`, each ending in
  /// `.extension`, so that no two collide:
  ///
  /// 1. the input's name without its extension: `p2.xlsx` → `p2.json`;
  /// 2. when two inputs share that stem, the whole name: `p2.xlsx` →
  ///    `p2.xlsx.json` and `p2.tsv` → `p2.tsv.json`;
  /// 3. when that name is still taken (the same name in two folders, or
  ///    `p2.tsv.json` beside `p2.tsv`), `-2`, `-3`… in input order:
  ///    `a/p2.tsv` → `p2.tsv.json`, `b/p2.tsv` → `p2.tsv-2.json`.
  ///
  /// Standard input (`-`) is named `stdin`.
  static func outputNames(for files: [String], extension ext: String) -> [String] {
    let names = files.map { $0 == InputOptions.standardInputArgument ? "stdin" : fileName($0) }
    let stems = names.map(stem)
    var stemCount: [String: Int] = [:]
    for stem in stems { stemCount[stem.lowercased(), default: 0] += 1 }
    var taken: Set<String> = []
    return zip(names, stems).map { name, stem in
      let base = stemCount[stem.lowercased(), default: 0] > 1 ? name : stem
      var n = 1
      var output = base + "." + ext
      while !taken.insert(output.lowercased()).inserted {
        n += 1
        output = "\(base)-\(n).\(ext)"
      }
      return output
    }
  }

  /// The last component of `path`.
  static func fileName(_ path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
  }

  /// `name` without its last extension (a leading dot is not one).
  static func stem(_ name: String) -> String {
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
    return String(name[..<dot])
  }

  /// `folder/name`, with one slash between.
  static func join(_ folder: String, _ name: String) -> String {
    folder.hasSuffix("/") ? folder + name : folder + "/" + name
  }
}
