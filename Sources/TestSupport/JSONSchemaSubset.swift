public import Foundation

/// Checks a JSON value against a JSON Schema, for the keywords the
/// repository's schemas use: `type`, `const`, `enum`, `required`,
/// `properties`, `additionalProperties: false`, `items`, `$ref` to
/// `#/$defs/...`, `minimum`, `minLength`, `pattern`. Unknown keywords are an
/// error, so a schema cannot silently use something this does not check.
public struct JSONSchemaSubset {
  private let root: [String: Any]
  private static let known: Set<String> = [
    "$schema", "$id", "title", "description", "type", "const", "enum", "required", "properties",
    "additionalProperties", "items", "$ref", "$defs", "minimum", "minLength", "pattern",
  ]

  /// Loads a schema file.
  public init(contentsOf url: URL) throws {
    let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
    guard let root = object as? [String: Any] else { throw SchemaError("schema root is not an object") }
    self.root = root
  }

  /// The problems of a JSON document (empty when valid).
  public func problems(_ data: Data) throws -> [String] {
    let value = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    var problems: [String] = []
    check(value, against: root, at: "$", into: &problems)
    return problems
  }

  private struct SchemaError: Error, CustomStringConvertible {
    let description: String
    init(_ text: String) { description = text }
  }

  private func resolve(_ schema: [String: Any]) -> [String: Any] {
    guard let ref = schema["$ref"] as? String, ref.hasPrefix("#/$defs/") else { return schema }
    let name = String(ref.dropFirst("#/$defs/".count))
    return ((root["$defs"] as? [String: Any])?[name] as? [String: Any]) ?? [:]
  }

  private func check(_ value: Any, against rawSchema: [String: Any], at path: String, into problems: inout [String]) {
    let schema = resolve(rawSchema)
    for key in schema.keys where !Self.known.contains(key) { problems.append("\(path): schema keyword \(key) is not supported") }
    if let type = schema["type"] as? String, !Self.matches(value, type) { problems.append("\(path): expected \(type)") }
    if let constant = schema["const"], !Self.equal(value, constant) { problems.append("\(path): expected \(constant)") }
    if let options = schema["enum"] as? [Any], !options.contains(where: { Self.equal(value, $0) }) {
      problems.append("\(path): \(value) is not one of \(options)")
    }
    if let minimum = schema["minimum"] as? Double, let number = value as? NSNumber, number.doubleValue < minimum {
      problems.append("\(path): below \(minimum)")
    }
    if let text = value as? String {
      if let minLength = schema["minLength"] as? Int, text.count < minLength { problems.append("\(path): shorter than \(minLength)") }
      if let pattern = schema["pattern"] as? String, text.range(of: pattern, options: .regularExpression) == nil {
        problems.append("\(path): \"\(text)\" does not match \(pattern)")
      }
    }
    if let object = value as? [String: Any] {
      for key in schema["required"] as? [String] ?? [] where object[key] == nil { problems.append("\(path): missing \(key)") }
      let properties = schema["properties"] as? [String: Any] ?? [:]
      for (key, member) in object {
        if let sub = properties[key] as? [String: Any] {
          check(member, against: sub, at: "\(path).\(key)", into: &problems)
        } else if (schema["additionalProperties"] as? Bool) == false {
          problems.append("\(path): unexpected property \(key)")
        }
      }
    }
    if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
      for (index, item) in array.enumerated() { check(item, against: items, at: "\(path)[\(index)]", into: &problems) }
    }
  }

  private static func matches(_ value: Any, _ type: String) -> Bool {
    switch type {
    case "object": return value is [String: Any]
    case "array": return value is [Any]
    case "string": return value is String
    case "boolean": return (value as? NSNumber).map(isBool) ?? false
    case "integer":
      return (value as? NSNumber).map { !isBool($0) && $0.doubleValue.rounded() == $0.doubleValue } ?? false
    case "number": return (value as? NSNumber).map { !isBool($0) } ?? false
    default: return false
    }
  }

  /// JSONSerialization gives booleans as NSNumber with objCType "c".
  private static func isBool(_ number: NSNumber) -> Bool { String(cString: number.objCType) == "c" }

  private static func equal(_ a: Any, _ b: Any) -> Bool {
    if let a = a as? String, let b = b as? String { return a == b }
    if let a = a as? NSNumber, let b = b as? NSNumber { return a == b }
    return false
  }
}
