import Testing

@testable import TrackerKit

/// The layout answers `column(_:)` from an array by field position, kept
/// in step with its `fields` dictionary.
@Suite struct TableLayoutTests {
  @Test func everyFieldHasItsOwnPosition() {
    #expect(HeaderField.allCases.map(\.position) == Array(HeaderField.allCases.indices))
  }

  @Test func columnsFollowEveryChangeToTheFields() {
    var layout = TableLayout(headerRow: 5)
    #expect(HeaderField.allCases.allSatisfy { layout.column($0) == nil })
    for (n, field) in HeaderField.allCases.enumerated() { layout.fields[field] = 20 - n }
    #expect(HeaderField.allCases.enumerated().allSatisfy { layout.column($1) == 20 - $0 })
    layout.fields[.notes] = nil
    layout.fields[.impact] = 3
    #expect(layout.column(.notes) == nil)
    #expect(layout.column(.impact) == 3)
    layout.fields = [.action: 2]
    #expect(layout.column(.action) == 2)
    #expect(layout.column(.impact) == nil)
  }
}

/// The byte search the recogniser uses instead of `String.contains`.
@Suite struct UTF8SearchTests {
  @Test(arguments: [
    ("on track", "on track", true), ("completed on track", "on track", true), ("on trac", "on track", false),
    ("", "", true), ("abc", "", true), ("", "a", false), ("aaab", "aab", true), ("improvement plan 2021", "plan", true),
    ("écrit", "cri", true), ("written statement of action", "statement of actions", false),
  ])
  func findsExactlyTheBytes(text: String, part: String, found: Bool) {
    #expect(text.containsUTF8(part) == found)
  }

  @Test func asciiCaseHelpersLeaveOtherBytesAlone() {
    #expect("Vision: ÉTÉ 2021".asciiLowercased == "vision: ÉtÉ 2021")
    #expect("VISION for SEND".hasASCIIPrefixIgnoringCase("vision"))
    #expect("As At 31 March".hasASCIIPrefixIgnoringCase("as at"))
    #expect(!"Vis".hasASCIIPrefixIgnoringCase("vision"))
    #expect(!"Révision".hasASCIIPrefixIgnoringCase("revision"))
    #expect("anything".hasASCIIPrefixIgnoringCase(""))
  }
}
