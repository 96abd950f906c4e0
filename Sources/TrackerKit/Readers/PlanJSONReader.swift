public import Diagnostics
#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
public import TrackerModel

/// Reads a `wsoa/1` JSON document back into a plan and its findings.
public enum PlanJSONReader {
  private struct Document: Decodable {
    var schema: String
    var plan: Plan
    var findings: [Diagnostic]
  }

  private struct SchemaOnly: Decodable {
    var schema: String?
  }

  /// Decodes a document.
  ///
  /// - Parameters:
  ///   - bytes: the document.
  ///   - file: the file name, for errors.
  /// - Returns: the plan and the findings stored with it.
  /// - Throws: `TrackerError.notWSOAJSON` when the bytes are not a `wsoa/1` document.
  /// The largest `wsoa/1` document read, in bytes (it is decoded whole, in
  /// memory). Default 64 MiB, several times a 100,000-action tracker.
  public static let maxBytes = 64 << 20

  public static func read(_ bytes: [UInt8], file: String) throws(TrackerError) -> Outcome<Plan> {
    let data = Data(bytes)
    let decoder = JSONDecoder()
    let schema: String?
    do {
      schema = try decoder.decode(SchemaOnly.self, from: data).schema
    } catch {
      throw .notWSOAJSON(file: file, reason: "not valid JSON (\(describe(error)))")
    }
    guard schema == PlanJSONWriter.schema else {
      throw .notWSOAJSON(file: file, reason: "\"schema\" is \(schema.map { "\"\($0)\"" } ?? "missing"), expected \"wsoa/1\"")
    }
    do {
      let document = try decoder.decode(Document.self, from: data)
      return Outcome(value: document.plan, diagnostics: document.findings)
    } catch {
      throw .notWSOAJSON(file: file, reason: describe(error))
    }
  }

  private static func describe(_ error: any Error) -> String {
    guard let error = error as? DecodingError else { return "\(error)" }
    func path(_ keys: [any CodingKey]) -> String {
      keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }
    switch error {
    case .keyNotFound(let key, let context): return "missing \"\(key.stringValue)\" at \(path(context.codingPath))"
    case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
      return "\(context.debugDescription) at \(path(context.codingPath))"
    @unknown default: return "\(error)"
    }
  }
}
