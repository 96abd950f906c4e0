/// The namespaces the reader matches elements and attributes by, as the
/// small ids `XMLPushParser` hands to handlers. Transitional and Strict
/// URIs share an id, so one handler reads both.
enum Namespaces {
  /// SpreadsheetML main.
  static let main = 1
  /// Relationship references in parts (`r:id`).
  static let officeRelationships = 2
  /// Package relationships (`.rels` parts).
  static let packageRelationships = 3
  /// DrawingML main (theme colours).
  static let drawing = 4
  /// The `xml:` namespace (`xml:space`).
  static let xml = 5

  /// URI → id for every part the reader parses.
  static let table: [String: Int] = [
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main": main,
    "http://purl.oclc.org/ooxml/spreadsheetml/main": main,
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships": officeRelationships,
    "http://purl.oclc.org/ooxml/officeDocument/relationships": officeRelationships,
    "http://schemas.openxmlformats.org/package/2006/relationships": packageRelationships,
    "http://schemas.openxmlformats.org/drawingml/2006/main": drawing,
    "http://purl.oclc.org/ooxml/drawingml/main": drawing,
    "http://www.w3.org/XML/1998/namespace": xml,
  ]

  /// Whether an element is SpreadsheetML (or carries no namespace at all,
  /// as some hand-rolled writers emit).
  @inline(__always) static func isMain(_ id: Int) -> Bool { id == main || id == 0 }
}
