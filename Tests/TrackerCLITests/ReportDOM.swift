import XMLStream

/// A report's markup as a tree, parsed with libxml2 (the report is
/// XHTML-compatible, so a parse failure is a malformed report).
final class HTMLNode {
  let name: String
  let attributes: [String: String]
  /// Elements and text (`#text` nodes, whitespace-only ones left out), in document order.
  var children: [HTMLNode] = []
  /// A `#text` node's text.
  var ownText = ""

  init(name: String, attributes: [String: String]) {
    self.name = name
    self.attributes = attributes
  }

  /// Every element below this one named `name`, in document order.
  func all(_ name: String) -> [HTMLNode] {
    var found: [HTMLNode] = []
    for child in children {
      if child.name == name { found.append(child) }
      found += child.all(name)
    }
    return found
  }

  /// Every element below this one, in document order.
  var descendants: [HTMLNode] { children.flatMap { [$0] + $0.descendants } }

  /// The text of this element and everything below it.
  var text: String { name == "#text" ? ownText : children.map(\.text).joined() }

  /// The element below with this `id`.
  func element(id: String) -> HTMLNode? { descendants.first { $0.attributes["id"] == id } }

  /// The classes of the element.
  var classes: Set<String> { Set((attributes["class"] ?? "").split(separator: " ").map(String.init)) }

  /// Parses a report (its `<!DOCTYPE html>` line removed: the parser refuses any DOCTYPE).
  static func parse(_ html: String) throws -> HTMLNode {
    let doctype = "<!DOCTYPE html>\n"
    let body = html.hasPrefix(doctype) ? String(html.dropFirst(doctype.count)) : html
    let builder = Builder()
    let parser = try XMLPushParser(part: "report.html", handler: builder)
    try parser.feed(Array(body.utf8))
    try parser.finish()
    return builder.root.children[0]
  }

  private final class Builder: XMLEventHandler {
    let root = HTMLNode(name: "#document", attributes: [:])
    lazy var stack: [HTMLNode] = [root]

    func startElement(_ name: XMLBytes, namespace: Int, attributes: XMLAttributes) throws {
      var values: [String: String] = [:]
      for index in 0..<attributes.count { values[attributes.localName(at: index).string] = attributes.value(at: index).string }
      let node = HTMLNode(name: name.string, attributes: values)
      stack.last!.children.append(node)
      stack.append(node)
    }

    func endElement(_ name: XMLBytes, namespace: Int) throws {
      let node = stack.removeLast()
      node.children.removeAll { $0.name == "#text" && $0.ownText.allSatisfy(\.isWhitespace) }
    }

    func characters(_ text: XMLBytes) throws {
      let parent = stack.last!
      if let last = parent.children.last, last.name == "#text" {
        last.ownText += text.string
      } else {
        let node = HTMLNode(name: "#text", attributes: [:])
        node.ownText = text.string
        parent.children.append(node)
      }
    }
  }
}
