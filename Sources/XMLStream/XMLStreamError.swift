/// Why an XML part could not be parsed.
public enum XMLStreamError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The part is not well-formed XML (or not namespace-well-formed).
  /// `line` and `column` are 1-based, as libxml2 reports them.
  case malformed(part: String, line: Int, column: Int, reason: String)
  /// The part declares a DOCTYPE. ECMA-376 Part 2 (OPC) rule M1.18 makes any
  /// DTD in a package part an error; refusing it also shuts out entity
  /// expansion attacks (billion laughs, XXE).
  case doctypeForbidden(part: String, line: Int, column: Int)
  /// libxml2 could not create a parser (out of memory).
  case parserUnavailable(part: String)

  /// A message naming the part and position.
  public var description: String {
    switch self {
    case .malformed(let part, let line, let column, let reason):
      "\(part):\(line):\(column): not well-formed XML: \(reason)"
    case .doctypeForbidden(let part, let line, let column):
      "\(part):\(line):\(column): a DOCTYPE declaration is not allowed in a package part "
        + "(ECMA-376 Part 2, M1.18); the file may be an attack (entity expansion or external entities)"
    case .parserUnavailable(let part):
      "\(part): cannot create an XML parser (out of memory)"
    }
  }
}
