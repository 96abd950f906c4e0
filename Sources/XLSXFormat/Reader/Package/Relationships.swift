import XMLStream

/// One `<Relationship>` of a `.rels` part, with its target resolved to a part name.
struct Relationship: Hashable, Sendable {
  /// `Id`, e.g. `rId1`.
  var id: String
  /// `Type`, a URI; matched by its last segment so Transitional and Strict agree.
  var type: String
  /// The target part name (resolved, no leading `/`), or the raw target when external.
  var target: String
  /// `TargetMode="External"`: a URL, not a part.
  var isExternal: Bool

  /// Whether the type URI ends with `/<suffix>` (e.g. `officeDocument`, `worksheet`).
  func hasType(_ suffix: String) -> Bool {
    type.hasSuffix("/" + suffix)
  }
}

/// Collects the relationships of one `.rels` part. Unknown types are kept
/// (and ignored by the caller); entries without `Id` or `Target` are skipped.
final class RelationshipsHandler: XMLEventHandler {
  private let source: String
  private(set) var relationships: [Relationship] = []
  /// The read's work budget and the `.rels` part, when charged.
  var budget: (ReadBudget, part: String)?

  /// - Parameter source: the part the relationships belong to (`""` for the package).
  init(source: String) {
    self.source = source
  }

  func startElement(_ name: XMLBytes, namespace: Int, attributes: XMLAttributes) throws {
    guard name.equals("Relationship"), namespace == Namespaces.packageRelationships || namespace == 0 else {
      return
    }
    // Three strings and an index entry each: charged as the cells they weigh.
    if let (budget, part) = budget {
      try budget.charge(Self.weight, part: part, what: "relationships, \(Self.weight) each")
    }
    guard let id = attributes.value(named: "Id"), let target = attributes.value(named: "Target") else { return }
    let type = attributes.value(named: "Type")?.string ?? ""
    let isExternal = attributes.value(named: "TargetMode")?.equals("External") ?? false
    let raw = target.string
    relationships.append(
      Relationship(
        id: id.string, type: type, target: isExternal ? raw : PartName.resolve(raw, from: source),
        isExternal: isExternal))
  }

  /// What one relationship costs the read's work budget, in cells: it
  /// holds three strings (a cell holds one value) and is indexed by id.
  static let weight = 8

  func endElement(_ name: XMLBytes, namespace: Int) {}
  func characters(_ text: XMLBytes) {}

  /// The first internal relationship whose type ends with `/<suffix>`.
  func first(ofType suffix: String) -> Relationship? {
    relationships.first { !$0.isExternal && $0.hasType(suffix) }
  }
}
