import Foundation
import Testing
import TestSupport

/// Round trip through a real client: LibreOffice opens what we wrote and
/// exports every sheet as CSV, cells "as shown" (so number formats apply).
/// Runs only when `soffice` is on the PATH (install: `apt-get install -y
/// libreoffice-calc-nogui`); see docs/benchmarks.md "XLSX writing".
@Suite(.enabled(if: LibreOffice.soffice != nil, "soffice is not on the PATH"))
struct WriterLibreOfficeTests {
  /// Converts each workbook; returns "<file>-<sheet>.csv" -> content (CRLF as LF).
  private func convert(_ files: [URL], in dir: URL) throws -> [String: String] {
    guard let soffice = LibreOffice.soffice else { return [:] }
    let profile = dir.appendingPathComponent("lo-profile")
    let filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1"
    let result = try ProcessRunner.run(
      soffice, ["-env:UserInstallation=\(profile.absoluteString)", "--headless", "--convert-to", filter, "--outdir", dir.path]
        + files.map(\.path))
    // soffice exits 0 even when it cannot load a file: check the outputs.
    var sheets: [String: String] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) where name.hasSuffix(".csv") {
      let text = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
      sheets[name] = text.replacingOccurrences(of: "\r\n", with: "\n")
    }
    #expect(!sheets.isEmpty, "LibreOffice wrote nothing: \(result.stdout) \(result.stderr)")
    return sheets
  }

  @Test func libreOfficeReadsBackTheValuesAsFormatted() throws {
    let dir = try WriterTestSupport.scratch()
    let files = ["basic", "tracker", "table"].map { dir.appendingPathComponent("\($0).xlsx") }
    try WriterGoldenTests.basic(files[0].path)
    try WriterGoldenTests.tracker(files[1].path)
    try WriterGoldenTests.table(files[2].path)
    try WriterTestSupport.expectValid(files)
    let sheets = try convert(files, in: dir)
    #expect(sheets["basic-Values.csv"] == #"""
      text,number,bool,date,error
      plain,42,TRUE,01/04/2021,#N/A
       padded ,-0.125,FALSE,Dec-19,#DIV/0!
      "a < b & c > ""d""",0.0000001,,29/02/2024 09:30,
      "line one
      line two
      three",123456789.5,,bell\#u{07} _x0041_ ünï 🙂,

      """#)
    #expect(sheets["basic-Second sheet.csv"] == ",,,,\n,,,,\n,plain,,,5\n")
    #expect(sheets["tracker-Priority 2.csv"]?.contains(",,,Dec-19,Jan-20,Apr-21,Dec-21,,\n") == true)
    #expect(sheets["tracker-Priority 2.csv"]?.contains(",B. Publish the governance structure.,SCM SEND,R,A,Grey,N/A,Awaiting sign-off; overdue since March.,30/11/2021\n") == true)
    #expect(sheets["tracker-Findings.csv"]?.contains("error,status.unknown,'Priority 2'!H9,\"status \"\"Ongoing-ish\"\" is not one of: R, A, G, B, Grey, N/A\"\n") == true)
    #expect(sheets["table-staffordshire-priority-2.csv"]?.hasPrefix("Focus Area (Intent),Actions (Implementation),Lead,Dec-19,Notes\n") == true)
    #expect(sheets["table-staffordshire-priority-2.csv"]?.hasSuffix("Ref - 1.2,C.,TRUE,17/01/2022,\n") == true)
  }
}
