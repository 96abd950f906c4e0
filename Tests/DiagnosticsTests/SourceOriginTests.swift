import Diagnostics
import Dispatch
import FoundationEssentials
import Testing

@Suite struct SourceOriginTests {
  @Test func equalNamesShareOneOriginAndDifferentNamesDoNot() {
    let a = SourceOrigin(file: "returns/q3.xlsx", sheet: "Priority 2")
    let b = SourceOrigin(file: "returns/" + "q3.xlsx", sheet: "Priority " + "2")
    #expect(a == b)
    #expect(a != SourceOrigin(file: "returns/q3.xlsx", sheet: "Priority 3"))
    #expect(a != SourceOrigin(file: "returns/q3.xlsx"))
    #expect(SourceOrigin(file: "x.csv", sheet: nil) != SourceOrigin(file: "x.csv", sheet: ""))
    #expect(SourceOrigin(file: "x.xlsx", part: "xl/worksheets/sheet1.xml") != SourceOrigin(file: "x.xlsx"))
    #expect(a.file == "returns/q3.xlsx")
    #expect(a.sheet == "Priority 2")
    #expect(a.part == nil)
  }

  @Test func locationsAreCopiedWithoutReferenceCounting() {
    // The point of interning: a location is plain bits, like an Int.
    let locationIsPlain = _isPOD(Diagnostics.SourceLocation.self)
    let originIsPlain = _isPOD(SourceOrigin.self)
    #expect(locationIsPlain)
    #expect(originIsPlain)
  }

  @Test func settersChangeOneNameAndKeepTheOthers() {
    var location = SourceLocation(
      file: "a.xlsx", sheet: "Actions", cell: CellAddress(row: 9, column: 8), part: "xl/worksheets/sheet1.xml")
    location.file = "b.xlsx"
    #expect(location.file == "b.xlsx")
    #expect(location.sheet == "Actions")
    #expect(location.part == "xl/worksheets/sheet1.xml")
    location.sheet = nil
    location.part = nil
    #expect(location == SourceLocation(file: "b.xlsx", cell: CellAddress(row: 9, column: 8)))
    #expect(location.description == "b.xlsx:H9")
  }

  @Test func movingToAnotherCellKeepsTheOrigin() {
    let row = SourceLocation(file: "t.csv", cell: CellAddress(row: 3, column: 1), line: 4)
    let moved = row.at(CellAddress(row: 3, column: 5))
    #expect(moved.origin == row.origin)
    #expect(moved.cell == CellAddress(row: 3, column: 5))
    #expect(moved.line == nil)
    #expect(row.at(nil, line: 7) == SourceLocation(file: "t.csv", line: 7))
  }

  @Test func thousandsOfOriginsReadBackTheirOwnNames() {
    // Crosses several of the table's segments (64, 128, 256 ... entries).
    let names = (0..<3_000).map { "folder/return-\($0).xlsx" }
    let origins = names.map { SourceOrigin(file: $0, sheet: "Sheet \($0.count)") }
    for (name, origin) in zip(names, origins) {
      #expect(origin.file == name)
      #expect(origin.sheet == "Sheet \(name.count)")
    }
    #expect(Set(origins).count == names.count)
  }

  @Test func threadsInterningTheSameNamesGetTheSameOrigins() {
    let names = (0..<500).map { "concurrent-\($0 % 250).xlsx" }
    let results = UnsafeMutableBufferPointer<[SourceOrigin]>.allocate(capacity: 4)
    results.initialize(repeating: [])
    defer { results.deinitialize().deallocate() }
    nonisolated(unsafe) let slots = results
    DispatchQueue.concurrentPerform(iterations: 4) { t in
      let order = t % 2 == 0 ? names : names.reversed()
      var seen: [SourceOrigin] = []
      for name in order { seen.append(SourceOrigin(file: name, sheet: "S")) }
      slots[t] = t % 2 == 0 ? seen : seen.reversed()
    }
    for t in 1..<4 { #expect(results[t] == results[0]) }
    for (name, origin) in zip(names, results[0]) { #expect(origin.file == name) }
  }

  @Test func codableKeepsTheJSONShape() throws {
    let location = SourceLocation(file: "seed.tsv", cell: CellAddress(row: 9, column: 5), line: 12)
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    let data = try encoder.encode(location)
    #expect(String(decoding: data, as: UTF8.self) == #"{"cell":"E9","file":"seed.tsv","line":12}"#)
    #expect(try JSONDecoder().decode(SourceLocation.self, from: data) == location)
    let xlsx = SourceLocation(file: "q3.xlsx", sheet: "Actions", part: "xl/worksheets/sheet1.xml")
    #expect(try JSONDecoder().decode(SourceLocation.self, from: JSONEncoder().encode(xlsx)) == xlsx)
  }
}
