import Grid
import TestSupport
import Testing
import XLSXFormat

/// Every readable fixture in fixtures/xlsx/ reads to its expected full grid.
@Suite struct FixtureGridTests {
  @Test(arguments: ExpectedGrid.allNames())
  func readsExpectedGrid(_ name: String) throws {
    let expected = try ExpectedGrid(named: name)
    let path = Fixtures.url("xlsx/\(name).xlsx").path
    let book = try XLSXReader(path: path).readWorkbook()
    let problems = expected.differences(from: book)
    #expect(problems.isEmpty, "\(name).xlsx:\n\(problems.prefix(30).joined(separator: "\n"))")
  }

  @Test(arguments: ExpectedGrid.allNames())
  func serialReadMatchesPrefetchedRead(_ name: String) throws {
    let path = Fixtures.url("xlsx/\(name).xlsx").path
    let prefetched = try XLSXReader(path: path, prefetch: true).readWorkbook()
    let serial = try XLSXReader(path: path, prefetch: false).readWorkbook()
    #expect(prefetched == serial)
  }
}
