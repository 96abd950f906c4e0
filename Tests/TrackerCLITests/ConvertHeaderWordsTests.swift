import Foundation
import TestSupport
import Testing

/// `wsoa convert` reads a council's header words from wsoa.toml beside the
/// input, as `validate` does, so both read the table the same way.
@Suite struct ConvertHeaderWordsTests {
  @Test func headerWordsBesideTheInput() throws {
    let dir = try Fixtures.scratchDirectory("wsoa-convert-headers")
    let csv = dir.appendingPathComponent("tracker.csv")
    try Data("Ref,Thing to do,Officer in charge,Jun-23\r\n1.1,Publish the Local Offer,Ana Lima,A\r\n".utf8).write(to: csv)
    let without = try ProcessRunner.wsoa(["convert", csv.path, "-q"])
    #expect(without.stderr.contains("layout.no_header"))
    try Data("[headers]\n\"Thing to do\" = \"action\"\n\"Officer in charge\" = \"lead\"\n".utf8)
      .write(to: dir.appendingPathComponent("wsoa.toml"))
    let with = try ProcessRunner.wsoa(["convert", csv.path, "-q"])
    #expect(with.status == 0, "\(with.stderr)")
    #expect(with.stdout.contains("\"text\":\"Publish the Local Offer\"") && with.stdout.contains("\"name\":\"Ana Lima\""))
    try Data("[headers]\n\"Thing to do\" = \"task list\"\n".utf8).write(to: dir.appendingPathComponent("wsoa.toml"))
    let broken = try ProcessRunner.wsoa(["convert", csv.path, "-q"])
    #expect(broken.status != 0 && broken.stderr.contains("wsoa.toml:2"))
  }
}
