import Diagnostics
import Testing

@Suite struct PackedPositionTests {
  /// Cells and lines at the edges of the packed form and past them (negative,
  /// zero, beyond 32 bits): each reads back as stored, in any combination.
  @Test func everyCellAndLineReadsBackAsStored() {
    let numbers = [Int.min, -1, 0, 1, 2, 1_048_576, 4_294_967_293, 4_294_967_294, 4_294_967_295, 4_294_967_296, Int.max]
    var cells: [CellAddress?] = [nil]
    for row in numbers { for column in numbers { cells.append(CellAddress(row: row, column: column)) } }
    let lines: [Int?] = [nil] + numbers
    for cell in cells {
      for line in lines {
        let location = SourceLocation(file: "t.csv", cell: cell, line: line)
        #expect(location.cell == cell && location.line == line, "\(String(describing: cell)) line \(String(describing: line))")
      }
    }
  }

  /// Equal positions are equal locations (and hash alike), packed or kept
  /// whole; different ones differ, so sets and dictionaries keyed by
  /// location still tell cells apart.
  @Test func equalityFollowsTheValues() {
    let wide = CellAddress(row: -3, column: 5)
    let a = SourceLocation(file: "t.xlsx", cell: wide, line: 7)
    let b = SourceLocation(file: "t.xlsx", cell: CellAddress(row: -3, column: 5), line: 7)
    #expect(a == b)
    #expect(a.hashValue == b.hashValue)
    #expect(a != SourceLocation(file: "t.xlsx", cell: wide, line: 8))
    #expect(SourceLocation(file: "t.xlsx", cell: CellAddress(row: 0, column: 0)) != SourceLocation(file: "t.xlsx"))
    #expect(SourceLocation(file: "t.csv", line: 0) != SourceLocation(file: "t.csv"))
    let set: Set<Diagnostics.SourceLocation> = [a, b, SourceLocation(file: "t.xlsx", cell: CellAddress(row: 3, column: 5), line: 7)]
    #expect(set.count == 2)
  }

  /// Setting the cell keeps the line and the reverse, across the packed
  /// and the whole form.
  @Test func settersKeepTheOtherPart() {
    var location = SourceLocation(file: "t.csv", cell: CellAddress(row: 2, column: 3), line: 40)
    location.cell = CellAddress(row: 2, column: -1)
    #expect(location.line == 40)
    location.line = Int.max
    #expect(location.cell == CellAddress(row: 2, column: -1))
    location.cell?.column = 4
    #expect(location.cell == CellAddress(row: 2, column: 4))
    #expect(location.line == Int.max)
    location.line = nil
    #expect(location == SourceLocation(file: "t.csv", cell: CellAddress(row: 2, column: 4)))
  }
}
