/// The attributes of one start tag, as borrowed byte views.
///
/// Valid only during the `startElement` call that received it. Namespaces
/// are the ids of the table given to `XMLPushParser` (0 = no namespace, -1 = a URI not in the table).
public struct XMLAttributes {
  /// libxml2's SAX2 layout: five pointers per attribute (local name, prefix,
  /// namespace URI, value start, value end).
  @usableFromInline let fields: UnsafePointer<UnsafePointer<UInt8>?>?
  /// Number of attributes.
  public let count: Int
  @usableFromInline let namespaces: Unmanaged<NamespaceTable>

  @usableFromInline init(fields: UnsafePointer<UnsafePointer<UInt8>?>?, count: Int, namespaces: Unmanaged<NamespaceTable>) {
    self.fields = fields
    self.count = fields == nil ? 0 : count
    self.namespaces = namespaces
  }

  /// The local name of attribute `index` (`id` for `r:id`).
  @inlinable public func localName(at index: Int) -> XMLBytes {
    precondition(index >= 0 && index < count, "attribute index out of range")
    return XMLBytes(cString: fields.unsafelyUnwrapped[index * 5])
  }

  /// The (entity-decoded) value of attribute `index`.
  @inlinable public func value(at index: Int) -> XMLBytes {
    precondition(index >= 0 && index < count, "attribute index out of range")
    let start = fields.unsafelyUnwrapped[index * 5 + 3]
    let end = fields.unsafelyUnwrapped[index * 5 + 4]
    guard let start, let end else { return XMLBytes(start: nil, count: 0) }
    return XMLBytes(start: start, count: end - start)
  }

  /// Whether attribute `index` is unqualified (no namespace).
  @inlinable public func isUnqualified(at index: Int) -> Bool {
    fields.unsafelyUnwrapped[index * 5 + 2] == nil
  }

  /// The namespace id of attribute `index` (0 = no namespace, -1 = a URI
  /// not in the table).
  public func namespace(at index: Int) -> Int {
    precondition(index >= 0 && index < count, "attribute index out of range")
    return namespaces.takeUnretainedValue().id(of: fields.unsafelyUnwrapped[index * 5 + 2])
  }

  /// The value of the unqualified attribute with this local name, if present.
  @inlinable public func value(named name: StaticString) -> XMLBytes? {
    var i = 0
    while i < count {
      if isUnqualified(at: i), localName(at: i).equals(name) { return value(at: i) }
      i += 1
    }
    return nil
  }

  /// The value of the attribute with this local name in namespace `id`
  /// (whatever its prefix), if present.
  public func value(named name: StaticString, namespace id: Int) -> XMLBytes? {
    for i in 0..<count where localName(at: i).equals(name) && namespace(at: i) == id {
      return value(at: i)
    }
    return nil
  }
}

extension XMLBytes {
  /// A view of a NUL-terminated name from the parser's dictionary.
  @usableFromInline init(cString: UnsafePointer<UInt8>?) {
    guard let cString else {
      self.init(start: nil, count: 0)
      return
    }
    var length = 0
    while cString[length] != 0 { length += 1 }
    self.init(start: cString, count: length)
  }
}
