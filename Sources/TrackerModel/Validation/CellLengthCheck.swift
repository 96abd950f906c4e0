public import Diagnostics

/// `output.cell_too_long` (error): a value longer than an XLSX cell holds
/// (32,767 UTF-16 code units, `ExcelLimits.maxCellCharacters`). Writers
/// call `check(_:at:what:)` for each string they write; `validate` runs
/// it over the plan's texts so a CSV return that cannot become XLSX is
/// caught before conversion.
public enum CellLengthCheck {
  /// The code.
  public static let code = "output.cell_too_long"

  /// A finding when `text` is too long for one XLSX cell, else `nil`.
  ///
  /// - Parameters:
  ///   - text: The value to be written.
  ///   - location: Where it came from (or where it is being written).
  ///   - what: What the value is, for the message (`notes of 3.1F`).
  public static func check(_ text: String, at location: SourceLocation?, what: String) -> Diagnostic? {
    let limit = ExcelLimits.maxCellCharacters
    guard text.utf8.count > limit else { return nil }  // UTF-16 length never exceeds UTF-8 length
    let length = text.utf16.count
    guard length > limit else { return nil }
    let preview = String(text.prefix(40))
    return Diagnostic(
      code: code, severity: RuleCatalogue.severity(code),
      message: "\(what) is \(length) characters (\"\(preview)…\"); an XLSX cell holds at most \(limit)",
      fix: RuleCatalogue.fix(code), location: location)
  }
}

/// Runs `CellLengthCheck` over the plan's longest texts: action text,
/// impact, each notes cell (its notes joined by line breaks), evidence
/// items and extra columns; and, when the parts pass, an action's notes
/// and its evidence as the cleaned workbook writes them, each in one cell
/// (notes from continuation rows or a long table's rows come together
/// there).
struct CellLengthRule: PlanRule {
  var codes: [String] { [CellLengthCheck.code] }

  func check(_ context: ValidationContext, into findings: inout [Diagnostic]) {
    let limit = ExcelLimits.maxCellCharacters
    let actions = context.plan.actions
    for a in actions.indices {
      // Cheap screen on UTF-8 lengths (never shorter than UTF-16) before any copy.
      var long = actions[a].text.utf8.count > limit
      long = long || actions[a].impact.contains { $0.utf8.count > limit }
      long = long || actions[a].evidence.contains { $0.rawUTF8Count > limit }
      long = long || actions[a].extra.contains { $0.value.utf8.count > limit }
      // A note's line in the cleaned workbook is its prefix (or date, at
      // most 32 bytes), ": " and its text; an item's is its number, ". " and text.
      var noteBytes = 0
      for n in actions[a].notes.indices {
        let line = (actions[a].notes[n].prefix?.utf8.count ?? 32) + 2 + actions[a].notes[n].text.utf8.count
        noteBytes += max(actions[a].notes[n].rawUTF8Count, line) + 1
      }
      var evidenceBytes = 0
      for e in actions[a].evidence.indices {
        evidenceBytes += max(actions[a].evidence[e].rawUTF8Count, actions[a].evidence[e].text.utf8.count + 22) + 1
      }
      long = long || noteBytes > limit || evidenceBytes > limit
      if long { checkAction(actions[a], into: &findings) }
    }
  }

  private func checkAction(_ action: Action, into findings: inout [Diagnostic]) {
    func add(_ text: String, _ location: SourceLocation?, _ what: String) {
      if let finding = CellLengthCheck.check(text, at: location ?? action.source, what: what) {
        findings.append(finding)
      }
    }
    add(action.text, action.textSource, "the text of \(action.key)")
    for impact in action.impact { add(impact, action.impactSource, "an impact measure of \(action.key)") }
    var cells: [SourceLocation?] = []
    for note in action.notes where !cells.contains(note.source) { cells.append(note.source) }
    let noteFindings = findings.count
    for cell in cells {
      let joined = action.notes.filter { $0.source == cell }.map(\.raw).joined(separator: "\n")
      add(joined, cell, "the notes of \(action.key)")
    }
    if findings.count == noteFindings, action.notes.count > 1 {
      add(
        action.notes.map(\.trackerLine).joined(separator: "\n"), cells.first ?? nil,
        "the notes of \(action.key), one cell of the cleaned workbook,")
    }
    let itemFindings = findings.count
    for item in action.evidence { add(item.raw, item.source, "an evidence item of \(action.key)") }
    if findings.count == itemFindings, action.evidence.count > 1 {
      add(
        action.evidence.map(\.defaultRaw).joined(separator: "\n"), action.evidence.first?.source,
        "the evidence of \(action.key), one cell of the cleaned workbook,")
    }
    for field in action.extra { add(field.value, field.source, "column \"\(field.column)\" of \(action.key)") }
  }
}
