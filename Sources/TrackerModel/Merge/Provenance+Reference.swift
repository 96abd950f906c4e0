import Diagnostics

extension Provenance {
  /// The merge log's `file!cell` form: `gr-return.csv!H9`, or with the sheet,
  /// quoted as Excel quotes it, `old-template-return.xlsx!'Priority 2'!G3`;
  /// just the file when no cell is known.
  public var reference: String {
    var text = file
    if let sheet, cell != nil { text += "!" + SourceLocation.quotedSheetName(sheet) }
    if let cell { text += "!" + cell }
    return text
  }
}
