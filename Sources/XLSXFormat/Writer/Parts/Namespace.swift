import Diagnostics

/// The namespace and relationship-type URIs the writer emits.
enum Namespace {
  /// SpreadsheetML main (transitional).
  static let spreadsheetML: StaticString = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
  /// Office document relationships (`r:` prefix).
  static let relationships: StaticString = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
  /// OPC package relationships (`.rels` parts).
  static let packageRelationships: StaticString = "http://schemas.openxmlformats.org/package/2006/relationships"
  /// OPC content types.
  static let contentTypes: StaticString = "http://schemas.openxmlformats.org/package/2006/content-types"
}

/// What the workbook-level parts need to know about one written sheet.
struct WorkbookSheetEntry {
  /// The (valid, unique) sheet name.
  var name: String
  /// Shown, hidden or very hidden.
  var visibility: String
  /// Whether the sheet has a `.rels` part (external hyperlinks).
  var hasRelationships: Bool
  /// The auto-filter range, for `_xlnm._FilterDatabase`.
  var autoFilter: CellRange?
  /// The print area, for `_xlnm.Print_Area`.
  var printArea: CellRange? = nil
  /// The rows repeated on every printed page, for `_xlnm.Print_Titles`.
  var printTitleRows: ClosedRange<Int>? = nil
}
