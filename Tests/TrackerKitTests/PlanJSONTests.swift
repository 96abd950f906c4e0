import Diagnostics
import Foundation
import TestSupport
import Testing
import TrackerKit
import TrackerModel

@Suite struct PlanJSONTests {
  static var schema: JSONSchemaSubset? {
    try? JSONSchemaSubset(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("schemas/wsoa-1.schema.json"))
  }

  var seed: Outcome<Plan> { SeedRecognitionTests.outcome ?? Outcome(value: Plan(id: "missing")) }

  @Test func seedDocumentValidatesAgainstTheSchema() throws {
    let schema = try #require(Self.schema)
    for pretty in [true, false] {
      let bytes = PlanJSONWriter.bytes(seed.value, findings: seed.diagnostics, pretty: pretty)
      #expect(try schema.problems(Data(bytes)) == [])
    }
  }

  @Test func schemaRejectsABrokenDocument() throws {
    let schema = try #require(Self.schema)
    var text = String(decoding: PlanJSONWriter.bytes(seed.value, findings: []), as: UTF8.self)
    text = text.replacingOccurrences(of: "\"rating\":\"green\"", with: "\"rating\":\"teal\"")
    #expect(text.contains("teal"))
    #expect(try !schema.problems(Data(text.utf8)).isEmpty)
  }

  @Test func readsBackToAnIdenticalPlan() throws {
    let bytes = PlanJSONWriter.bytes(seed.value, findings: seed.diagnostics)
    let back = try PlanJSONReader.read(bytes, file: "seed.json")
    #expect(back.value == seed.value)
    #expect(back.diagnostics == seed.diagnostics)
  }

  /// The hand-written writer must say what `Codable` says, so a field added
  /// to the model cannot be silently dropped from the JSON: every key the
  /// encoder writes is there with the same value, except a `raw` the writer
  /// may leave out because the reader restores it.
  @Test func matchesTheCodableEncoding() throws {
    struct Document: Encodable {
      var schema = "wsoa/1"
      var plan: Plan
      var findings: [Diagnostic]
    }
    let ours = try JSONSerialization.jsonObject(with: Data(PlanJSONWriter.bytes(seed.value, findings: seed.diagnostics)))
    let reference = try JSONSerialization.jsonObject(
      with: JSONEncoder().encode(Document(plan: seed.value, findings: seed.diagnostics)))
    var problems: [String] = []
    Self.compare(reference, ours, path: "$", into: &problems)
    #expect(problems.isEmpty, "\(problems.prefix(5))")
  }

  static func compare(_ reference: Any, _ ours: Any, path: String, into problems: inout [String]) {
    if let r = reference as? [String: Any] {
      guard let o = ours as? [String: Any] else { problems.append("\(path): not an object"); return }
      for (key, value) in r {
        if let mine = o[key] {
          compare(value, mine, path: path + "." + key, into: &problems)
        } else if key != "raw" {
          problems.append("\(path).\(key) missing")
        }
      }
      for key in o.keys where r[key] == nil { problems.append("\(path).\(key) extra") }
    } else if let r = reference as? [Any] {
      guard let o = ours as? [Any], o.count == r.count else { problems.append("\(path): array differs"); return }
      for i in r.indices { compare(r[i], o[i], path: path + "[\(i)]", into: &problems) }
    } else if (reference as? NSObject) != (ours as? NSObject) {
      problems.append("\(path): \(reference) vs \(ours)")
    }
  }

  @Test func keysComeInDeclarationOrderAndDatesAreISO() {
    let text = String(decoding: PlanJSONWriter.bytes(seed.value, findings: [], pretty: false), as: UTF8.self)
    #expect(text.hasPrefix("{\"schema\":\"wsoa/1\",\"plan\":{\"id\":\"staffordshire-priority-2\""))
    #expect(text.contains("{\"date\":{\"date\":\"2019-10\",\"precision\":\"month\"},\"periodId\":\"2019-12\""))
    // A note whose raw is just "prefix: text" leaves raw out; HTML-wrapped ones keep it.
    #expect(text.contains("\"text\":\"Completed (See SEND Strategy)\",\"prefix\":\"Feb 2021\",\"undated\":false"))
    #expect(text.contains("\"start\":\"2019-12-01\",\"end\":\"2019-12-31\""))
  }

  @Test func rejectsOtherDocuments() {
    #expect(throws: TrackerError.self) { try PlanJSONReader.read(Array("{\"schema\":\"x\"}".utf8), file: "x.json") }
    #expect(throws: TrackerError.self) { try PlanJSONReader.read(Array("not json".utf8), file: "x.json") }
  }
}
