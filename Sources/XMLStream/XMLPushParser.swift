import CLibXML2

/// Parses one XML part incrementally with libxml2's SAX2 push parser, as its
/// bytes arrive (typically as libzip inflates them), calling an
/// `XMLEventHandler` with byte views: no DOM, no whole-part buffer, no
/// per-event String or Dictionary.
///
/// Safe by construction: options are `XML_PARSE_NONET` only (never `NOENT`,
/// `DTDLOAD`, `HUGE` or `RECOVER`), any DOCTYPE stops the parse with
/// `XMLStreamError.doctypeForbidden`, and errors come from this parser's own
/// structured-error callback (never the global `xmlGetLastError`).
///
/// ```swift
/// let parser = try XMLPushParser(part: "xl/workbook.xml", handler: handler,
///                                namespaces: [mainURI: 1])
/// try zip.read(entry) { chunk in try parser.feed(chunk) }
/// try parser.finish()
/// ```
///
/// Not `Sendable`; one parser per part, used from one thread.
public final class XMLPushParser {
  /// The part being parsed, as errors name it.
  public let part: String
  private let context: ParserContext
  private let parser: xmlParserCtxtPtr
  @exclusivity(unchecked) private var finished = false
  /// Enforces `XMLLimits` on each chunk before libxml2 parses it.
  @exclusivity(unchecked) private var prescan: MarkupPrescan

  /// Creates a parser for one part.
  ///
  /// - Parameters:
  ///   - part: The part's name, used in errors.
  ///   - handler: Receives the events (held strongly until the parser goes).
  ///   - namespaces: Namespace URIs the handler cares about, mapped to the
  ///     positive ids it will see (several URIs may share an id, e.g. the
  ///     Transitional and Strict SpreadsheetML namespaces).
  ///   - limits: attribute and namespace counts checked before libxml2
  ///     sees each chunk (its checks of them are quadratic).
  /// - Throws: `XMLStreamError.parserUnavailable` if libxml2 cannot allocate.
  public init(
    part: String, handler: some XMLEventHandler, namespaces: [String: Int] = [:], limits: XMLLimits = .default
  ) throws(XMLStreamError) {
    self.part = part
    prescan = MarkupPrescan(limits: limits)
    context = ParserContext(part: part, handler: handler, namespaces: NamespaceTable(namespaces))
    var sax = SAXCallbacks.handler()
    let userData = Unmanaged.passUnretained(context).toOpaque()
    guard let parser = xmlCreatePushParserCtxt(&sax, userData, nil, 0, nil) else {
      throw .parserUnavailable(part: part)
    }
    self.parser = parser
    context.parser = parser
    // NONET only: no entity substitution, no DTD loading, libxml2's size limits kept.
    _ = xmlCtxtUseOptions(parser, Int32(bitPattern: XML_PARSE_NONET.rawValue))
  }

  deinit {
    xmlFreeParserCtxt(parser)
  }

  /// Parses the next chunk of the part.
  ///
  /// - Throws: `XMLStreamError` when the XML is not well-formed or has a
  ///   DOCTYPE, or whatever the handler threw.
  public func feed(_ chunk: Span<UInt8>) throws {
    try chunk.withUnsafeBufferPointer { bytes in
      if let violation = prescan.check(bytes) {
        throw XMLStreamError.malformed(
          part: part, line: line, column: Int(parser.pointee.input?.pointee.col ?? 0), reason: violation.reason)
      }
      var offset = 0
      // xmlParseChunk takes an Int32 size.
      repeat {
        let count = min(bytes.count - offset, 1 << 30)
        let start = bytes.baseAddress.map { UnsafeRawPointer($0 + offset).assumingMemoryBound(to: CChar.self) }
        let status = Self.quietly { xmlParseChunk(parser, start, Int32(count), 0) }
        try check(status)
        offset += count
      } while offset < bytes.count
    }
  }

  /// Parses a whole part held in memory (tests and small parts).
  public func feed(_ bytes: [UInt8]) throws {
    try feed(bytes.span)
  }

  /// Ends the part: reports unclosed elements, an empty document, etc.
  ///
  /// - Throws: as `feed`.
  public func finish() throws {
    guard !finished else { return }
    finished = true
    let status = Self.quietly { xmlParseChunk(parser, nil, 0, 1) }
    try check(status)
    if parser.pointee.wellFormed == 0 {
      throw context.failure ?? XMLStreamError.malformed(
        part: part, line: Int(parser.pointee.input?.pointee.line ?? 0),
        column: Int(parser.pointee.input?.pointee.col ?? 0), reason: "the document is not well-formed")
    }
  }

  /// The 1-based line the parser has reached (for error messages).
  public var line: Int { Int(parser.pointee.input?.pointee.line ?? 0) }

  /// Runs a libxml2 call with its context-free error output silenced
  /// (see `wsoa_xml_silence_generic_errors` in the C shim); errors still
  /// reach this parser through its structured handler and return codes.
  private static func quietly(_ call: () -> Int32) -> Int32 {
    let saved = wsoa_xml_silence_generic_errors()
    defer { wsoa_xml_restore_generic_errors(saved) }
    return call()
  }

  private func check(_ status: Int32) throws {
    if let failure = context.failure { throw failure }
    if status != 0 {
      throw XMLStreamError.malformed(
        part: part, line: line, column: Int(parser.pointee.input?.pointee.col ?? 0), reason: Self.reason(status))
    }
  }

  /// A reason for a failure libxml2 returned without reporting it through
  /// this parser's handler.
  private static func reason(_ status: Int32) -> String {
    switch UInt32(bitPattern: status) {
    case XML_ERR_INVALID_ENCODING.rawValue, XML_ERR_INVALID_CHAR.rawValue:
      "the bytes are not valid text in the part's encoding"
    case XML_ERR_UNSUPPORTED_ENCODING.rawValue, XML_ERR_UNKNOWN_ENCODING.rawValue:
      "the part declares an encoding that cannot be read"
    case XML_ERR_NO_MEMORY.rawValue:
      "out of memory"
    default:
      "libxml2 error \(status)"
    }
  }
}

/// What the C callbacks reach through libxml2's user-data pointer.
final class ParserContext {
  let part: String
  let handler: any XMLEventHandler
  let namespaces: NamespaceTable
  /// Decodes the `&#38;` libxml2 leaves in attribute values (see `AttributeAmpersands`).
  let ampersands = AttributeAmpersands()
  @exclusivity(unchecked) var parser: xmlParserCtxtPtr?
  /// The first error: the handler's, a libxml2 error, or the DOCTYPE refusal.
  @exclusivity(unchecked) var failure: (any Error)?

  init(part: String, handler: any XMLEventHandler, namespaces: NamespaceTable) {
    self.part = part
    self.handler = handler
    self.namespaces = namespaces
  }

  /// The last namespace URI looked up and its id: elements of one part
  /// nearly all share a namespace, so this answers most lookups.
  @exclusivity(unchecked) private var lastURI: UnsafePointer<UInt8>?
  @exclusivity(unchecked) private var lastID = 0

  /// The id of a namespace URI (0 for none, -1 for one not in the table).
  @inline(__always) func namespaceID(_ uri: UnsafePointer<UInt8>?) -> Int {
    guard let uri else { return 0 }
    if uri == lastURI { return lastID }
    let id = namespaces.id(of: uri)
    lastURI = uri
    lastID = id
    return id
  }

  /// Records the first failure and stops the parser.
  func fail(_ error: any Error) {
    if failure == nil { failure = error }
    if let parser { xmlStopParser(parser) }
  }

  /// The parser's current 1-based line and column.
  var position: (line: Int, column: Int) {
    guard let input = parser?.pointee.input else { return (0, 0) }
    return (Int(input.pointee.line), Int(input.pointee.col))
  }
}
