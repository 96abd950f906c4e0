import Testing
import XMLStream

/// The SAX2 wrapper on its own: events, namespaces by URI not prefix,
/// chunk boundaries anywhere, DOCTYPE refusal, errors with positions.
@Suite struct XMLPushParserTests {
  final class Recorder: XMLEventHandler {
    var events: [String] = []
    var text = ""
    func startElement(_ name: XMLBytes, namespace: Int, attributes: XMLAttributes) {
      flush()
      var attrs: [String] = []
      for i in 0..<attributes.count {
        attrs.append("\(attributes.localName(at: i).string)[\(attributes.namespace(at: i))]=\(attributes.value(at: i).string)")
      }
      events.append("<\(name.string)#\(namespace)" + (attrs.isEmpty ? "" : " " + attrs.joined(separator: " ")))
    }
    func endElement(_ name: XMLBytes, namespace: Int) {
      flush()
      events.append("</\(name.string)")
    }
    func characters(_ bytes: XMLBytes) { text += bytes.string }
    private func flush() {
      if !text.isEmpty { events.append("'\(text)'") }
      text = ""
    }
  }

  private let namespaces = ["urn:main": 1, "urn:strict": 1, "urn:rel": 2]

  private func parse(_ xml: String, chunk: Int = 1 << 20) throws -> [String] {
    let recorder = Recorder()
    let parser = try XMLPushParser(part: "part.xml", handler: recorder, namespaces: namespaces)
    let bytes = Array(xml.utf8)
    var start = 0
    while start < bytes.count {
      try parser.feed(Array(bytes[start..<min(start + chunk, bytes.count)]))
      start += chunk
    }
    try parser.finish()
    return recorder.events
  }

  @Test func eventsWithNamespacesMatchedByURI() throws {
    let xml = #"<x:a xmlns:x="urn:main" xmlns:q="urn:rel" q:id="r1" plain="v"><x:b>t&amp;u</x:b><c xmlns="urn:strict"/><d/></x:a>"#
    #expect(
      try parse(xml) == [
        "<a#1 id[2]=r1 plain[0]=v", "<b#1", "'t&u'", "</b", "<c#1", "</c", "<d#0", "</d", "</a",
      ])
  }

  @Test(arguments: [1, 2, 3, 7, 64]) func chunkBoundariesDoNotMatter(size: Int) throws {
    let xml = #"<?xml version="1.0"?><r xmlns="urn:main"><c v="1">é&#x263A;<![CDATA[<raw>]]> </c></r>"#
    #expect(try parse(xml, chunk: size) == parse(xml))
    #expect(try parse(xml).contains("'é☺<raw> '"))
  }

  /// libxml2 hands `&` over as `&#38;` in attribute values; the wrapper
  /// gives the value as written, whatever the reference form, in every
  /// attribute of the element, at any chunk boundary.
  @Test(arguments: [1, 3, 1 << 20]) func attributeReferencesAreDecodedExactly(chunk: Int) throws {
    let cases: [(String, String)] = [
      ("P&amp;L", "P&L"), ("&#38;&#x26;&amp;", "&&&"), ("&lt;&gt;&quot;&apos;", "<>\"'"),
      ("&amp;#38;", "&#38;"), ("&amp;amp;", "&amp;"), ("a &#x26;#x26; b", "a &#x26; b"), ("", ""), ("none", "none"),
      ("é&amp;☺", "é&☺"), ("&#38;#38;", "&#38;"),
    ]
    let attributes = cases.enumerated().map { "a\($0)=\"\($1.0)\"" }.joined(separator: " ")
    let events = try parse("<r \(attributes) z=\"&amp;\"><s v=\"plain\"/></r>", chunk: chunk)
    let expected = cases.enumerated().map { "a\($0)[0]=\($1.1)" }.joined(separator: " ")
    #expect(events == ["<r#0 \(expected) z[0]=&", "<s#0 v[0]=plain", "</s", "</r"])
  }

  @Test func unknownNamespaceIsMinusOne() throws {
    #expect(try parse(#"<a xmlns="urn:other"/>"#) == ["<a#-1", "</a"])
  }

  @Test func attributeLookupByName() throws {
    final class Finder: XMLEventHandler {
      var found: [String] = []
      func startElement(_ name: XMLBytes, namespace: Int, attributes: XMLAttributes) {
        found.append(attributes.value(named: "r")?.string ?? "-")
        found.append(attributes.value(named: "id", namespace: 2)?.string ?? "-")
      }
      func endElement(_ name: XMLBytes, namespace: Int) {}
      func characters(_ text: XMLBytes) {}
    }
    let finder = Finder()
    let parser = try XMLPushParser(part: "p", handler: finder, namespaces: namespaces)
    try parser.feed(Array(#"<a xmlns:z="urn:rel" r="A1" z:id="rId7"><b z:r="no"/></a>"#.utf8))
    try parser.finish()
    #expect(finder.found == ["A1", "rId7", "-", "-"])
  }

  @Test func doctypeIsRefused() {
    #expect(throws: XMLStreamError.doctypeForbidden(part: "part.xml", line: 1, column: 13)) {
      try parse("<!DOCTYPE a []><a/>")
    }
  }

  @Test func undefinedEntityIsAnError() {
    #expect(throws: XMLStreamError.self) { try parse("<a>&nope;</a>") }
  }

  @Test func malformedNamesLineAndColumn() {
    #expect(
      throws: XMLStreamError.malformed(
        part: "part.xml", line: 2, column: 8, reason: "Opening and ending tag mismatch: b line 2 and a"))
    {
      try parse("<a>\n<b></a>")
    }
  }

  @Test func truncatedAndEmptyDocuments() {
    #expect(throws: XMLStreamError.self) { try parse("<a><b>") }
    #expect(throws: XMLStreamError.self) { try parse("") }
  }

  @Test func handlerErrorStopsAndPassesThrough() {
    struct Stop: Error, Equatable {}
    final class Stopper: XMLEventHandler {
      var seen = 0
      func startElement(_ name: XMLBytes, namespace: Int, attributes: XMLAttributes) throws {
        seen += 1
        if name.equals("stop") { throw Stop() }
      }
      func endElement(_ name: XMLBytes, namespace: Int) {}
      func characters(_ text: XMLBytes) {}
    }
    let stopper = Stopper()
    #expect(throws: Stop()) {
      let parser = try XMLPushParser(part: "p", handler: stopper)
      try parser.feed(Array("<a><stop/><b/><c/></a>".utf8))
      try parser.finish()
    }
    #expect(stopper.seen == 2)
  }

  @Test func utf16IsDecoded() throws {
    var bytes: [UInt8] = [0xFF, 0xFE]
    for unit in #"<?xml version="1.0" encoding="UTF-16"?><a>€</a>"#.utf16 {
      bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
    }
    let recorder = Recorder()
    let parser = try XMLPushParser(part: "p", handler: recorder)
    try parser.feed(bytes)
    try parser.finish()
    #expect(recorder.events == ["<a#0", "'€'", "</a"])
  }
}
