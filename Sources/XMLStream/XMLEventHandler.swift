/// Receives the events of an XML part as `XMLPushParser` parses it.
///
/// Names and text are borrowed byte views valid only during the call.
/// Elements are matched by local name and namespace id, never by prefix, so
/// `<x:row>` and `<row>` in the same namespace look alike. Character data may
/// arrive in several calls for one text node (and entity references are
/// already decoded). Throwing from any method stops the parse; the error is
/// rethrown by `feed` or `finish`.
public protocol XMLEventHandler: AnyObject {
  /// A start tag.
  ///
  /// - Parameters:
  ///   - name: The element's local name.
  ///   - namespace: The id of its namespace URI in the parser's table
  ///     (0 = no namespace, -1 = a URI not in the table).
  ///   - attributes: Its attributes.
  func startElement(_ name: XMLBytes, namespace: Int, attributes: XMLAttributes) throws
  /// An end tag (also sent for an empty-element tag `<a/>`).
  func endElement(_ name: XMLBytes, namespace: Int) throws
  /// Character data, including CDATA sections and whitespace.
  func characters(_ text: XMLBytes) throws
}
