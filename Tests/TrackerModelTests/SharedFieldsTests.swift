import Foundation
import Testing
import TrackerModel

/// `Status` and `Provenance` keep their fields in a shared record: they must
/// still behave as plain values and code as they did inline.
@Suite struct SharedFieldsTests {
  @Test func aChangedCopyLeavesTheOriginalAlone() {
    let original = Status(raw: "G/A", rating: .green, towards: .amber, label: "On track")
    var copy = original
    copy.raw = "A"
    copy.towards = nil
    copy.origin = .fill
    #expect(original.raw == "G/A" && original.towards == .amber && original.origin == .text)
    #expect(copy.raw == "A" && copy.rating == .green && copy.towards == nil && copy.label == "On track" && copy.origin == .fill)
    #expect(copy != original)
    copy.raw = "G/A"
    copy.towards = .amber
    copy.origin = .text
    #expect(copy == original && copy.hashValue == original.hashValue)

    let from = Provenance(file: "east.xlsx", sheet: "P2", cell: "F7", subGroup: "East", period: "2021-Q1")
    var moved = from
    moved.period = "2021-Q2"
    #expect(from.period == "2021-Q1" && moved.period == "2021-Q2" && moved.file == "east.xlsx" && moved.cell == "F7")
    #expect(moved != from)
    moved.period = "2021-Q1"
    #expect(moved == from && moved.hashValue == from.hashValue)
  }

  /// The JSON keys and the optional fields left out are those of the
  /// fields written inline.
  @Test func jsonIsThatOfTheInlineFields() throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    let status = Status(raw: "Complete", rating: .green, completion: .complete, label: "Done")
    let statusJSON = String(decoding: try encoder.encode(status), as: UTF8.self)
    #expect(statusJSON == #"{"completion":"complete","label":"Done","origin":"text","rating":"green","raw":"Complete"}"#)
    #expect(try JSONDecoder().decode(Status.self, from: Data(statusJSON.utf8)) == status)
    let provenance = Provenance(file: "east.xlsx", cell: "F7")
    let provenanceJSON = String(decoding: try encoder.encode(provenance), as: UTF8.self)
    #expect(provenanceJSON == #"{"cell":"F7","file":"east.xlsx"}"#)
    #expect(try JSONDecoder().decode(Provenance.self, from: Data(provenanceJSON.utf8)) == provenance)
  }
}
