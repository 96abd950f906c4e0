import XMLStream
import ZipArchive

/// `xl/sharedStrings.xml`, streamed: each new distinct string's `<si>` is
/// written (and compressed) the moment it is first used; the `<sst>` start
/// tag with its counts, known only at the end, becomes a separate leading
/// deflate segment.
final class SharedStringsPart {
  let table = SharedStringIndex()
  private let spool: DeflateSpool
  private let body: XMLWriter
  private let level: Int
  private let longestShared: Int

  /// - Parameter longestShared: strings longer than this many UTF-8 bytes
  ///   get an item of their own each time instead of being looked up.
  init(spool: DeflateSpool, level: Int, longestShared: Int = .max) {
    self.spool = spool
    self.level = level
    self.longestShared = longestShared
    body = XMLWriter(capacity: 256 * 1024) { [spool] bytes in spool.write(bytes) }
  }

  /// The index of a string, writing its `<si>` if it is new.
  @inline(__always)
  func index(of utf8: UnsafeBufferPointer<UInt8>) -> Int {
    let (index, isNew) = utf8.count > longestShared ? (table.appendUnindexed(), true) : table.intern(utf8)
    if isNew {
      body.raw("<si>")
      body.textElement("t", utf8: utf8)
      body.raw("</si>")
    }
    return index
  }

  /// Whether any string cell was written (otherwise the part is left out).
  var isEmpty: Bool { table.uniqueCount == 0 }

  /// The part's segments: start tag with counts, the streamed items, `</sst>`.
  func finish() throws(ZipWriteError) -> [DeflateSegment] {
    body.raw("</sst>")
    body.flush()
    let items = try spool.finish()
    let head = XMLWriter.document { x in
      x.declaration()
      x.startElement("sst")
      x.attribute("xmlns", constant: Namespace.spreadsheetML)
      x.attribute("count", table.references)
      x.attribute("uniqueCount", table.uniqueCount)
      x.closeStartTag()
    }
    return [try DeflateSegment.compress(head, level: level), items]
  }
}
