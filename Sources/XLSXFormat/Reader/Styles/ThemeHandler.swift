import XMLStream

/// Reads the colour scheme of a theme part (`a:clrScheme`): dk1, lt1, dk2,
/// lt2, accent1–6, hlink, folHlink, each as `srgbClr val` or `sysClr lastClr`.
final class ThemeHandler: XMLEventHandler {
  private static let slots = [
    "dk1", "lt1", "dk2", "lt2", "accent1", "accent2", "accent3", "accent4", "accent5", "accent6",
    "hlink", "folHlink",
  ]
  /// The scheme's colours in slot order (0 where a slot is missing).
  private(set) var colors = [UInt32](repeating: 0, count: ThemeHandler.slots.count)
  private var inScheme = false
  private var slot: Int?

  func startElement(_ name: XMLBytes, namespace: Int, attributes: XMLAttributes) {
    guard namespace == Namespaces.drawing else { return }
    if name.equals("clrScheme") {
      inScheme = true
    } else if inScheme, slot == nil {
      let text = name.string
      slot = ThemeHandler.slots.firstIndex(of: text)
    } else if let slot, name.equals("srgbClr") || name.equals("sysClr") {
      let value = attributes.value(named: name.equals("srgbClr") ? "val" : "lastClr")
      if let value, let rgb = ColorSpec.hexRGB(value) { colors[slot] = rgb }
    }
  }

  func endElement(_ name: XMLBytes, namespace: Int) {
    guard namespace == Namespaces.drawing else { return }
    if name.equals("clrScheme") {
      inScheme = false
    } else if let slot, name.string == ThemeHandler.slots[slot] {
      self.slot = nil
    }
  }

  func characters(_ text: XMLBytes) {}
}
