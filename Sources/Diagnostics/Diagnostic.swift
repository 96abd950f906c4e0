/// A problem or interpretation found in an input, with a stable code, where
/// it is, and how to fix it. Returned (not thrown) whenever a value could
/// still be produced.
public struct Diagnostic: Hashable, Sendable, Codable {
  /// A stable identifier such as `status.unknown` or `csv.encoding_fallback`.
  public var code: String
  /// How serious it is.
  public var severity: Severity
  /// One sentence that quotes the offending value.
  public var message: String
  /// A plain-English fix, when there is one.
  public var fix: String?
  /// Where it is.
  public var location: SourceLocation?
  /// Other cells that help explain it (e.g. the earlier status in a regression).
  public var related: [SourceLocation]

  /// Creates a diagnostic.
  public init(
    code: String, severity: Severity, message: String, fix: String? = nil,
    location: SourceLocation? = nil, related: [SourceLocation] = []
  ) {
    self.code = code
    self.severity = severity
    self.message = message
    self.fix = fix
    self.location = location
    self.related = related
  }
}

/// A value together with the diagnostics produced while making it.
public struct Outcome<Value> {
  /// The value.
  public var value: Value
  /// What was noticed while producing it.
  public var diagnostics: [Diagnostic]

  /// Creates an outcome.
  public init(value: Value, diagnostics: [Diagnostic] = []) {
    self.value = value
    self.diagnostics = diagnostics
  }
}

extension Outcome: Sendable where Value: Sendable {}
