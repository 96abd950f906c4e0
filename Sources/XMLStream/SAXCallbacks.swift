import CLibXML2

/// The C callbacks handed to libxml2. Each recovers the `ParserContext` from
/// the user-data pointer without retaining it and forwards to the handler;
/// a thrown error is recorded and stops the parser (errors cannot unwind
/// through C frames).
enum SAXCallbacks {
  /// A SAX2 handler block with only the callbacks wsoa needs.
  static func handler() -> xmlSAXHandler {
    var sax = xmlSAXHandler()
    sax.initialized = XML_SAX2_MAGIC
    sax.startElementNs = { userData, localName, _, uri, _, _, attributeCount, _, attributes in
      guard let userData else { return }
      Unmanaged<ParserContext>.fromOpaque(userData)._withUnsafeGuaranteedRef { context in
        guard context.failure == nil else { return }
        let name = XMLBytes(cString: localName)
        let namespace = context.namespaceID(uri)
        let attributes = XMLAttributes(
          fields: context.ampersands.decoded(UnsafePointer(attributes), count: Int(attributeCount)),
          count: Int(attributeCount),
          namespaces: Unmanaged.passUnretained(context.namespaces))
        do {
          try context.handler.startElement(name, namespace: namespace, attributes: attributes)
        } catch {
          context.fail(error)
        }
      }
    }
    sax.endElementNs = { userData, localName, _, uri in
      guard let userData else { return }
      Unmanaged<ParserContext>.fromOpaque(userData)._withUnsafeGuaranteedRef { context in
        guard context.failure == nil else { return }
        do {
          try context.handler.endElement(XMLBytes(cString: localName), namespace: context.namespaceID(uri))
        } catch {
          context.fail(error)
        }
      }
    }
    sax.characters = SAXCallbacks.characters
    sax.cdataBlock = SAXCallbacks.characters
    sax.ignorableWhitespace = SAXCallbacks.characters
    sax.internalSubset = { userData, _, _, _ in
      guard let userData else { return }
      Unmanaged<ParserContext>.fromOpaque(userData)._withUnsafeGuaranteedRef { context in
        let (line, column) = context.position
        context.fail(XMLStreamError.doctypeForbidden(part: context.part, line: line, column: column))
      }
    }
    sax.serror = { userData, error in
      guard let userData, let error else { return }
      let level = error.pointee.level
      guard level.rawValue >= XML_ERR_ERROR.rawValue else { return }
      Unmanaged<ParserContext>.fromOpaque(userData)._withUnsafeGuaranteedRef { context in
        var reason = error.pointee.message.map { String(cString: $0) } ?? "unknown error"
        while reason.last == "\n" || reason.last == " " { reason.removeLast() }
        context.fail(
          XMLStreamError.malformed(
            part: context.part, line: Int(error.pointee.line), column: Int(error.pointee.int2), reason: reason))
      }
    }
    return sax
  }

  private static let characters: charactersSAXFunc = { userData, bytes, length in
    guard let userData else { return }
    Unmanaged<ParserContext>.fromOpaque(userData)._withUnsafeGuaranteedRef { context in
      guard context.failure == nil else { return }
      do {
        try context.handler.characters(XMLBytes(start: bytes, count: Int(length)))
      } catch {
        context.fail(error)
      }
    }
  }
}
