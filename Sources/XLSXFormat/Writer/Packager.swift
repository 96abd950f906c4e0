import AtomicOutput
import ZipArchive

/// Puts the parts into the zip in one fixed order and replaces the target
/// atomically: libzip writes a temporary file beside the target, which
/// `AtomicFile.produce` syncs and renames into place. On any error the
/// target is untouched and the temporary file removed.
///
/// Order: `[Content_Types].xml`, `_rels/.rels`, `docProps/app.xml`,
/// `docProps/core.xml`, `xl/workbook.xml`, `xl/_rels/workbook.xml.rels`,
/// `xl/theme/theme1.xml`, `xl/styles.xml`, `xl/sharedStrings.xml`, then each
/// `xl/worksheets/sheetN.xml` followed by its `.rels` if any. Shared strings
/// and styles come before the sheets so a streaming reader meets them first.
struct Packager {
  /// One zip entry.
  struct Part {
    var name: String
    var segments: [DeflateSegment]
  }

  let path: String

  func write(_ parts: [Part]) throws(XLSXWriteError) {
    do {
      try AtomicFile.produce(at: path) { temporary in
        let zip = try ZipWriter(creatingAt: temporary)
        for part in parts { try zip.addEntry(part.name, segments: part.segments) }
        try zip.close()
      }
    } catch let error as ZipWriteError {
      throw .zip(file: path, error)
    } catch let error as OutputError {
      throw .output(error)
    } catch {
      throw .output(.writeFailed(path: path, reason: String(describing: error)))
    }
  }
}
