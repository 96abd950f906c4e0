public import TrackerModel

/// What `wsoa merge` was asked to do: the files, the output and the options.
public struct MergeJob: Hashable, Sendable {
  /// The master tracker, as named.
  public var master: String
  /// The returns, as named, in command-line order (the merge sorts them).
  public var returns: [String]
  /// `--sub-group` values (`NAME` or `FILE=NAME`).
  public var subGroupFlags: [String]
  /// Conflict preference and governance flags.
  public var options: MergeOptions
  /// How the inputs are read (`--from`, `--delimiter`).
  public var load: LoadOptions
  /// Standard input, read once, for the one input named `-` (master or a return).
  public var standardInput: InputSource?
  /// The council's `wsoa.toml` (header and status words), applied to every input.
  public var config: TrackerConfig
  /// The findings policy: the config's `[rules]` with the command line's over them.
  public var policy: FindingPolicy

  /// Creates a job.
  public init(
    master: String, returns: [String], subGroupFlags: [String] = [], options: MergeOptions = MergeOptions(),
    load: LoadOptions = LoadOptions(), standardInput: InputSource? = nil, config: TrackerConfig = TrackerConfig(),
    policy: FindingPolicy? = nil
  ) {
    self.config = config
    self.policy = policy ?? config.policy
    self.master = master
    self.returns = returns
    self.subGroupFlags = subGroupFlags
    self.options = options
    self.load = load
    self.standardInput = standardInput
  }
}

/// The merged tracker's file format.
public enum MergeOutputFormat: String, Hashable, Sendable, CaseIterable {
  /// `wsoa/1` JSON, with provenance on every status, note and evidence item.
  case json
  /// One CSV row per action.
  case csv
  /// One TSV row per action.
  case tsv
  /// The tracker sheet(s) plus a "Merge log" sheet, conflicting cells highlighted.
  case xlsx

  /// The format a path's extension names (`-` is JSON on standard output).
  public static func from(path: String) -> MergeOutputFormat? {
    if path == "-" { return .json }
    guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
    return MergeOutputFormat(rawValue: path[path.index(after: dot)...].lowercased())
  }
}

/// Why a merge could not produce its output (conflicts are not errors: they
/// are reported and the output is still written).
public enum MergeRunError: Error, Equatable, Sendable, CustomStringConvertible {
  /// An input does not exist.
  case missing(file: String)
  /// An input cannot be read as a tracker.
  case unreadable(file: String, reason: String)
  /// The flags do not fit the files (`--sub-group` naming no return, …).
  case usage(String)
  /// The output or report cannot be written.
  case cannotWrite(file: String, reason: String)

  /// A sentence naming the file and the problem.
  public var description: String {
    switch self {
    case .missing(let file): "\(file): no such file"
    case .unreadable(let file, let reason): reason.hasPrefix(file) ? reason : "\(file): \(reason)"
    case .usage(let message): message
    case .cannotWrite(let file, let reason): reason.hasPrefix(file) ? reason : "\(file): cannot write: \(reason)"
    }
  }
}
