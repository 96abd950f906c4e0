import XMLStream
import ZipArchive

/// The zip package of one workbook: finds parts by name and parses them with
/// a handler, turning zip and XML errors into `XLSXError`s that name the file
/// and part.
struct PackageParts {
  let zip: ZipReader
  /// The file as errors name it.
  let file: String
  /// Whether large parts are inflated on a second thread.
  let prefetch: Bool
  /// The read's one work budget (its limits include the XML ones).
  let budget: ReadBudget

  /// The entry holding a part (case-insensitive, `\` = `/`).
  func entry(_ part: String) -> ZipEntry? {
    zip.entry(named: part)
  }

  /// Parses a part with `handler`.
  ///
  /// - Throws: `XLSXError` for zip and XML problems; errors the handler
  ///   throws pass through unchanged.
  func parse(_ part: String, entry: ZipEntry, handler: some XMLEventHandler) throws {
    do {
      let parser = try XMLPushParser(
        part: part, handler: handler, namespaces: Namespaces.table, limits: budget.limits.xml)
      try zip.read(entry, prefetch: prefetch ? nil : false) { chunk in try parser.feed(chunk) }
      try parser.finish()
    } catch let error as ZipError {
      throw XLSXError.archive(error)
    } catch let error as XMLStreamError {
      // A damaged entry usually breaks the XML before its end, where the
      // CRC is checked: read on, and report the damage rather than the XML.
      if case .malformed = error, let damage = zip.damage(of: entry) { throw XLSXError.archive(damage) }
      throw translate(error, part: part)
    }
  }

  /// Parses a part that must exist.
  ///
  /// - Throws: `XLSXError.missingPart` when absent, else as `parse(_:entry:handler:)`.
  func parseRequired(_ part: String, referencedBy: String, handler: some XMLEventHandler) throws {
    guard let entry = entry(part) else {
      throw XLSXError.missingPart(file: file, part: part, referencedBy: referencedBy)
    }
    try parse(part, entry: entry, handler: handler)
  }

  private func translate(_ error: XMLStreamError, part: String) -> XLSXError {
    switch error {
    case .malformed(_, let line, let column, let reason):
      .malformedXML(file: file, part: part, line: line, column: column, reason: reason)
    case .doctypeForbidden(_, let line, _):
      .doctypeForbidden(file: file, part: part, line: line)
    case .parserUnavailable:
      .malformedXML(file: file, part: part, line: 0, column: 0, reason: "libxml2 could not allocate a parser")
    }
  }
}
