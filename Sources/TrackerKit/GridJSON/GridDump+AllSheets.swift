import AtomicOutput
import DelimitedFormat
import Diagnostics

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension GridDump {
  /// Writes every sheet of the input to its own CSV or TSV file in `folder`
  /// (`wsoa dump --all-sheets -o FOLDER`), each file atomically, named after
  /// its sheet (`Actions.csv`; characters a file name cannot hold become `_`).
  /// An XLSX workbook is opened and its shared strings read once; a CSV/TSV
  /// input gives one file.
  ///
  /// - Returns: the files written, in sheet order, and the read's report.
  /// - Throws: `InputError`, `OutputError`.
  @discardableResult
  public static func writeEachSheet(
    path: String, folder: String, reading: GridReadOptions, writing: GridWriteOptions
  ) throws -> (files: [String], report: GridReadReport) {
    try writeEachSheet(.file(path), folder: folder, reading: reading, writing: writing)
  }

  /// Writes every sheet of a file or of standard input into `folder`, as `writeEachSheet(path:…)`.
  @discardableResult
  public static func writeEachSheet(
    _ source: InputSource, folder: String, reading: GridReadOptions, writing: GridWriteOptions
  ) throws -> (files: [String], report: GridReadReport) {
    let path = source.name
    precondition(writing.format != .json, "JSON holds every sheet in one document; use write(path:…)")
    try makeFolder(folder)
    let format = try source.format(declared: reading.from?.inputFormat)
    let options = DelimitedWriteOptions(
      delimiter: writing.format == .tsv ? .tab : .comma, lineEnding: writing.lineEnding,
      writesByteOrderMark: writing.writesByteOrderMark, guardsFormulas: writing.guardsFormulas)
    let ext = writing.format == .tsv ? "tsv" : "csv"
    var files: [String] = []
    var used: Set<String> = []
    func target(_ sheet: String) -> String {
      var base = fileName(for: sheet)
      var n = 2
      while used.contains(base.lowercased()) {
        base = fileName(for: sheet) + "-\(n)"
        n += 1
      }
      used.insert(base.lowercased())
      let file = (folder.hasSuffix("/") ? folder : folder + "/") + base + "." + ext
      files.append(file)
      return file
    }
    switch format {
    case .xlsx, .legacyOrEncrypted:
      let diagnostics = try XLSXInput.eachWorksheet(source, consumer: DenseOutputLimit<DelimitedWriter>.self) {
        name, read in
        try AtomicFile.write(to: target(name)) { sink in
          var writer = DenseOutputLimit(DelimitedWriter(sink: sink, options: options), file: path)
          try read(&writer)
        }
      }
      return (files, GridReadReport(format: format, diagnostics: diagnostics))
    case .delimited, .trackerJSON:
      var report: GridReadReport?
      try AtomicFile.write(to: target(DelimitedReader.sheetName(for: path))) { sink in
        report = try write(source, reading: reading, writing: writing, to: sink)
      }
      return (files, report ?? GridReadReport(format: format))
    }
  }

  /// A sheet name as a file name: `/`, `\`, control characters and the
  /// characters Windows forbids become `_`; a leading `.` too, and an empty
  /// name becomes `sheet`.
  static func fileName(for sheet: String) -> String {
    let forbidden: Set<Character> = ["/", "\\", ":", "*", "?", "\"", "<", ">", "|"]
    var name = String(sheet.map { forbidden.contains($0) || $0.asciiValue.map { $0 < 0x20 } == true ? "_" : $0 })
    if name.hasPrefix(".") { name = "_" + name.dropFirst() }
    return name.isEmpty ? "sheet" : name
  }

  private static func makeFolder(_ folder: String) throws(OutputError) {
    var info = stat()
    if stat(folder, &info) == 0 {
      guard (info.st_mode & S_IFMT) == S_IFDIR else {
        throw .cannotCreate(path: folder, reason: "it exists and is not a folder (--all-sheets writes one file per sheet into a folder)")
      }
      return
    }
    guard mkdir(folder, 0o777) == 0 else {
      throw .cannotCreate(path: folder, reason: String(cString: strerror(errno)))
    }
  }
}
