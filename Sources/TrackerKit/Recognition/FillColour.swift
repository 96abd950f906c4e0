import TrackerModel

/// Reads a status from a cell's fill colour when the cell has no text
/// (domain.md §5.4 "Fill colour", an inference): by hue, to red, amber,
/// green, blue or grey. White, black and pale tints say nothing.
enum FillColour {
  /// The rating a fill colour shows, if it clearly shows one.
  static func rating(_ rgb: UInt32) -> Rating? {
    let r = Double((rgb >> 16) & 0xFF) / 255
    let g = Double((rgb >> 8) & 0xFF) / 255
    let b = Double(rgb & 0xFF) / 255
    let maxC = max(r, g, b)
    let minC = min(r, g, b)
    let delta = maxC - minC
    if maxC < 0.15 { return nil }  // black
    if delta < 0.08 { return maxC > 0.92 ? nil : .grey }  // white, greys
    if delta < 0.25, maxC > 0.85 { return nil }  // pale tints
    var hue: Double
    if maxC == r {
      hue = 60 * ((g - b) / delta).truncatingRemainder(dividingBy: 6)
    } else if maxC == g {
      hue = 60 * ((b - r) / delta + 2)
    } else {
      hue = 60 * ((r - g) / delta + 4)
    }
    if hue < 0 { hue += 360 }
    switch hue {
    case ..<18, 330...: return .red
    case 18..<68: return .amber
    case 68..<170: return .green
    case 170..<265: return .blue
    default: return nil
    }
  }
}
