import XMLStream

/// A colour as `styles.xml` states it, resolved to RGB once the palette and
/// theme are known (a custom palette comes after the fills in the part).
enum ColorSpec: Hashable, Sendable {
  /// `rgb="FFRRGGBB"` (alpha ignored).
  case rgb(UInt32)
  /// `indexed="n"`: the legacy 64-colour palette (64/65 = system colours).
  case indexed(Int)
  /// `theme="n"` with an optional `tint` in -1...1.
  case theme(Int, tint: Double)

  /// Reads the colour attributes of a `<fgColor>`-like element.
  init?(attributes: XMLAttributes) {
    if let rgb = attributes.value(named: "rgb"), let value = ColorSpec.hexRGB(rgb) {
      self = .rgb(value)
    } else if let theme = attributes.value(named: "theme"), let index = XMLValue.integer(theme) {
      let tint = attributes.value(named: "tint").flatMap(XMLValue.double) ?? 0
      self = .theme(index, tint: tint)
    } else if let indexed = attributes.value(named: "indexed"), let index = XMLValue.integer(indexed) {
      self = .indexed(index)
    } else {
      return nil
    }
  }

  /// The colour as 0xRRGGBB, or nil when it cannot be resolved.
  func resolve(palette: [UInt32], theme: [UInt32]) -> UInt32? {
    switch self {
    case .rgb(let value): return value
    case .indexed(let index):
      if index < palette.count { return palette[index] }
      if index == 64 { return 0x000000 }
      if index == 65 { return 0xFFFFFF }
      return nil
    case .theme(let index, let tint):
      // Excel swaps the first two pairs: 0 = lt1, 1 = dk1, 2 = lt2, 3 = dk2.
      let order = [1, 0, 3, 2]
      let slot = index < 4 ? order[index] : index
      guard slot < theme.count else { return nil }
      return ColorSpec.apply(tint: tint, to: theme[slot])
    }
  }

  /// `AARRGGBB` or `RRGGBB` hex to 0xRRGGBB.
  static func hexRGB(_ text: XMLBytes) -> UInt32? {
    guard text.count == 8 || text.count == 6 else { return nil }
    var value: UInt32 = 0
    for i in 0..<text.count {
      let byte = text[i] | 0x20
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
      default: return nil
      }
      value = value << 4 | UInt32(digit)
    }
    return value & 0xFF_FFFF
  }

  /// Excel's tint: lightens (tint > 0) or darkens (tint < 0) the colour's
  /// HLS luminance (ECMA-376 Part 1, §18.8.19 `tint`).
  static func apply(tint: Double, to rgb: UInt32) -> UInt32 {
    guard tint != 0 else { return rgb }
    let r = Double(rgb >> 16 & 0xFF) / 255, g = Double(rgb >> 8 & 0xFF) / 255, b = Double(rgb & 0xFF) / 255
    let high = max(r, g, b), low = min(r, g, b)
    var l = (high + low) / 2
    var h = 0.0, s = 0.0
    if high != low {
      let d = high - low
      s = l > 0.5 ? d / (2 - high - low) : d / (high + low)
      if high == r {
        h = (g - b) / d + (g < b ? 6 : 0)
      } else if high == g {
        h = (b - r) / d + 2
      } else {
        h = (r - g) / d + 4
      }
      h /= 6
    }
    l = tint < 0 ? l * (1 + tint) : l * (1 - tint) + tint
    func channel(_ p: Double, _ q: Double, _ t0: Double) -> Double {
      var t = t0
      if t < 0 { t += 1 }
      if t > 1 { t -= 1 }
      if t < 1.0 / 6 { return p + (q - p) * 6 * t }
      if t < 0.5 { return q }
      if t < 2.0 / 3 { return p + (q - p) * (2.0 / 3 - t) * 6 }
      return p
    }
    let (nr, ng, nb): (Double, Double, Double)
    if s == 0 {
      (nr, ng, nb) = (l, l, l)
    } else {
      let q = l < 0.5 ? l * (1 + s) : l + s - l * s
      let p = 2 * l - q
      (nr, ng, nb) = (channel(p, q, h + 1.0 / 3), channel(p, q, h), channel(p, q, h - 1.0 / 3))
    }
    func byte(_ v: Double) -> UInt32 { UInt32(max(0, min(255, (v * 255).rounded()))) }
    return byte(nr) << 16 | byte(ng) << 8 | byte(nb)
  }

  /// The legacy indexed palette (indices 0–63).
  static let defaultPalette: [UInt32] = [
    0x000000, 0xFFFFFF, 0xFF0000, 0x00FF00, 0x0000FF, 0xFFFF00, 0xFF00FF, 0x00FFFF,
    0x000000, 0xFFFFFF, 0xFF0000, 0x00FF00, 0x0000FF, 0xFFFF00, 0xFF00FF, 0x00FFFF,
    0x800000, 0x008000, 0x000080, 0x808000, 0x800080, 0x008080, 0xC0C0C0, 0x808080,
    0x9999FF, 0x993366, 0xFFFFCC, 0xCCFFFF, 0x660066, 0xFF8080, 0x0066CC, 0xCCCCFF,
    0x000080, 0xFF00FF, 0xFFFF00, 0x00FFFF, 0x800080, 0x800000, 0x008080, 0x0000FF,
    0x00CCFF, 0xCCFFFF, 0xCCFFCC, 0xFFFF99, 0x99CCFF, 0xFF99CC, 0xCC99FF, 0xFFCC99,
    0x3366FF, 0x33CCCC, 0x99CC00, 0xFFCC00, 0xFF9900, 0xFF6600, 0x666699, 0x969696,
    0x003366, 0x339966, 0x003300, 0x333300, 0x993300, 0x993366, 0x333399, 0x333333,
  ]
}
