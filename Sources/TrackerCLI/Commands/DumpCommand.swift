import ArgumentParser

/// `wsoa dump`: the generic grid of any CSV/TSV/XLSX file, as CSV, TSV or JSON.
struct DumpCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dump",
    abstract: "Print the cell grid of a CSV, TSV or XLSX file (a debugging aid)."
  )

  @Argument(help: "The file to read.")
  var file: String

  func run() throws {
    throw ValidationError("dump is not implemented yet")
  }
}
