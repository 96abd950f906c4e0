import Grid
import ZipArchive

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension XLSXReader {
  /// Parts smaller than this (inflated, as declared) are read one after the other.
  static let besidePartSize = 1 << 20

  /// Reads the shared strings on a second thread while this one reads the
  /// first selected sheets, up to and including the first large one (a
  /// tracker often opens with a small cover or contents sheet), when the
  /// shared strings are large too, the workbook is a file and there is a
  /// second processor. In a large tracker the shared strings are 40–60% of
  /// the read; read first, they leave a core idle.
  ///
  /// Each part is read through its own zip handle (`ZipReader.sibling()`)
  /// and the strings and the sheets each through a fork of the work budget.
  /// The sheets' shared-string cells are recorded and their rows held until
  /// the table is read; then the cells are filled in, in document order, and
  /// the rows handed on. Only when every read succeeds, and the budget and
  /// the zip's total, joined, are still within the limits, does anything
  /// reach `consumer`. Otherwise nothing has changed, and the caller reads
  /// the parts the usual way, one after the other, which reports exactly the
  /// error it always did: this path never decides which error a file gets.
  ///
  /// - Returns: how many of `sheets` were read and handed to `consumer` (0
  ///   when this path was not taken, or was given up).
  /// - Throws: only what `consumer` throws.
  func readBesideSharedStrings<Consumer: RowConsumer>(
    _ sheets: ArraySlice<XLSXSheet>, into consumer: inout Consumer
  ) throws -> Int {
    let large = sheets.firstIndex { info in
      info.part.flatMap(parts.entry).map { $0.declaredSize >= Self.besidePartSize } ?? false
    }
    guard prefetch, !sharedStringsRead, let large, sysconf(Int32(_SC_NPROCESSORS_ONLN)) >= 2,
      let stringsPart = layout.sharedStringsPart, let stringsEntry = parts.entry(stringsPart),
      stringsEntry.declaredSize >= Self.besidePartSize
    else { return 0 }
    let chosen = sheets[...large]
    let entries = chosen.compactMap { info in info.part.flatMap { part in parts.entry(part).map { (part, $0) } } }
    guard entries.count == chosen.count, let stringsZip = try? parts.zip.sibling(),
      let sheetZip = try? parts.zip.sibling()
    else { return 0 }
    besideSharedStrings = .readAgainInOrder

    let stringsBudget = budget.fork()
    let strings = SharedStringsHandler(file: file, part: stringsPart, maxTotalTextBytes: limits.maxTotalTextBytes)
    strings.budget = stringsBudget
    let stringsRead = StringsRead(
      parts: PackageParts(zip: stringsZip, file: file, prefetch: true, budget: stringsBudget),
      part: stringsPart, entry: stringsEntry, handler: strings)
    guard let thread = OwnThread.start({ stringsRead.run() }) else { return 0 }

    let sheetBudget = budget.fork()
    let sheetParts = PackageParts(zip: sheetZip, file: file, prefetch: true, budget: sheetBudget)
    var held: [HeldSheet] = []
    for (info, (part, entry)) in zip(chosen, entries) {
      guard let sheet = try? hold(info, part: part, entry: entry, parts: sheetParts) else { break }
      held.append(sheet)
    }
    thread.join()

    guard held.count == chosen.count, stringsRead.succeeded else { return 0 }
    let table = strings.finish()
    for k in held.indices {
      held[k].handler.strings = table
      guard (try? held[k].handler.resolveDeferredStrings(in: &held[k].rows)) != nil else { return 0 }
    }
    let before = budget.usage
    guard budget.join(stringsBudget, sheetBudget) else { return 0 }
    guard parts.zip.absorb([stringsZip, sheetZip]) else {
      budget.usage = before
      return 0
    }
    sharedStrings = table
    sharedStringsRead = true
    besideSharedStrings = .read

    for k in held.indices {
      try consumer.beginSheet(held[k].begun)
      for r in held[k].rows.indices {
        // Hand the row over, leaving nothing behind, so its cells are not copied.
        let row = held[k].rows[r]
        held[k].rows[r] = Row(number: row.number)
        try consumer.consume(row)
      }
      try consumer.endSheet(held[k].finished)
    }
    return held.count
  }

  /// Reads one sheet through `parts` with its shared strings deferred,
  /// holding its rows.
  private func hold(_ info: XLSXSheet, part: String, entry: ZipEntry, parts: PackageParts) throws -> HeldSheet {
    try parts.budget.charge(part: part, sheet: info.name, what: "worksheet reads")
    var begun: Sheet?
    var rows: [Row] = []
    let handler = WorksheetHandler(
      file: file, part: part, sheet: Sheet(name: info.name, visibility: info.visibility), strings: nil,
      styles: styleTable, uses1904: usesDate1904, budget: parts.budget,
      sink: { event in
        switch event {
        case .begin(let sheet): begun = sheet
        case .row(let row): rows.append(row)
        }
      })
    defer { handler.sink = nil }
    handler.deferredStrings = []
    try parts.parse(part, entry: entry, handler: handler)
    let finished = try handler.finish()
    // Never thrown: `finish()` starts the sheet if `<sheetData>` did not.
    guard let begun else { throw XLSXError.missingPart(file: file, part: part, referencedBy: layout.workbookPart) }
    return HeldSheet(handler: handler, begun: begun, rows: rows, finished: finished)
  }
}

/// What became of reading a sheet beside the shared strings.
enum BesideOutcome {
  /// Read and handed on.
  case read
  /// Tried, and given up (an error or a limit): read again, in order.
  case readAgainInOrder
}

/// The shared strings' read on the second thread, and whether it succeeded
/// (its error does not matter: on failure the caller reads again, in order).
private final class StringsRead: @unchecked Sendable {
  let parts: PackageParts
  let part: String
  let entry: ZipEntry
  let handler: SharedStringsHandler
  private(set) var succeeded = false

  init(parts: PackageParts, part: String, entry: ZipEntry, handler: SharedStringsHandler) {
    self.parts = parts
    self.part = part
    self.entry = entry
    self.handler = handler
  }

  func run() {
    succeeded = (try? parts.parse(part, entry: entry, handler: handler)) != nil
  }
}

/// A sheet read ahead of its shared strings: its handler (which recorded the
/// shared-string cells), its start, rows and end.
private struct HeldSheet {
  let handler: WorksheetHandler
  let begun: Sheet
  var rows: [Row]
  let finished: Sheet
}
