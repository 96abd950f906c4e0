public import Diagnostics
public import TrackerModel

extension TrackerLoader {
  /// Loads a tracker held in memory (a download, an upload, `Data`): the
  /// same detection, readers and recogniser as `load(_:options:)`, without a
  /// file. The format comes from the content (`name`'s extension and
  /// `options.format` only tell CSV from TSV).
  ///
  /// - Parameters:
  ///   - bytes: the file's bytes (`[UInt8]`, `Data`, any collection of bytes).
  ///   - name: stands for the file in diagnostics.
  ///   - options: declared format, delimiter, sheets, mixed-code reading.
  /// - Returns: the plan, with the reader's and the recogniser's diagnostics.
  /// - Throws: as `load(_:options:)`.
  public static func load(
    bytes: some Collection<UInt8>, name: String, options: LoadOptions = LoadOptions()
  ) throws -> Outcome<Plan> {
    try load(.bytes(Array(bytes), name: name), options: options)
  }
}
