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
  /// luminance in HLS (ECMA-376 Part 1, §18.8.19 `tint`), computed as Excel
  /// does on a 0–240 integer HLS scale (MS-OI29500; the MSDN "Excel color
  /// tint algorithm" thread).
  static func apply(tint: Double, to rgb: UInt32) -> UInt32 {
    guard tint != 0 else { return rgb }
    let scale = 240.0
    let (h, l, s) = hls(red: Double(rgb >> 16 & 0xFF) / 255, green: Double(rgb >> 8 & 0xFF) / 255,
                        blue: Double(rgb & 0xFF) / 255)
    let hue = (h * scale).rounded(), saturation = (s * scale).rounded()
    var luminance = (l * scale).rounded()
    luminance = tint < 0
      ? (luminance * (1 + tint)).rounded()
      : (luminance * (1 - tint) + (scale - scale * (1 - tint))).rounded()
    let (r, g, b) = Self.rgb(hue: hue / scale, luminance: luminance / scale, saturation: saturation / scale)
    func byte(_ v: Double) -> UInt32 { UInt32(max(0, min(255, (v * 255).rounded()))) }
    return byte(r) << 16 | byte(g) << 8 | byte(b)
  }

  /// RGB in 0...1 to hue, luminance, saturation in 0...1 (as Python's colorsys).
  private static func hls(red r: Double, green g: Double, blue b: Double) -> (Double, Double, Double) {
    let high = max(r, g, b), low = min(r, g, b)
    let l = (high + low) / 2
    guard high != low else { return (0, l, 0) }
    let d = high - low
    let s = l <= 0.5 ? d / (high + low) : d / (2 - high - low)
    let rc = (high - r) / d, gc = (high - g) / d, bc = (high - b) / d
    var h: Double
    if r == high {
      h = bc - gc
    } else if g == high {
      h = 2 + rc - bc
    } else {
      h = 4 + gc - rc
    }
    h = (h / 6).truncatingRemainder(dividingBy: 1)
    if h < 0 { h += 1 }
    return (h, l, s)
  }

  /// Hue, luminance, saturation in 0...1 back to RGB in 0...1.
  private static func rgb(hue h: Double, luminance l: Double, saturation s: Double) -> (Double, Double, Double) {
    guard s != 0 else { return (l, l, l) }
    let m2 = l <= 0.5 ? l * (1 + s) : l + s - l * s
    let m1 = 2 * l - m2
    func value(_ hue0: Double) -> Double {
      var hue = hue0.truncatingRemainder(dividingBy: 1)
      if hue < 0 { hue += 1 }
      if hue < 1.0 / 6 { return m1 + (m2 - m1) * hue * 6 }
      if hue < 0.5 { return m2 }
      if hue < 2.0 / 3 { return m1 + (m2 - m1) * (2.0 / 3 - hue) * 6 }
      return m1
    }
    return (value(h + 1.0 / 3), value(h), value(h - 1.0 / 3))
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
