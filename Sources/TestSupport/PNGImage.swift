/// Decodes the PNGs a browser writes (8-bit RGB or RGBA, not interlaced)
/// into pixels, for comparing a rendering with a reference by a tolerance.
/// Test-only: a small, plain inflate (RFC 1951) rather than a zlib binding.
public struct PNGImage: Sendable {
  /// Width in pixels.
  public let width: Int
  /// Height in pixels.
  public let height: Int
  /// Grey level (0–255) of each pixel, row by row.
  public let grey: [UInt8]

  /// Why a file is not a PNG this decoder reads.
  public struct Unsupported: Error, CustomStringConvertible {
    /// What was wrong.
    public var description: String
  }

  /// Decodes PNG bytes.
  public init(_ bytes: [UInt8]) throws {
    guard bytes.count > 8, bytes[0..<8].elementsEqual([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else {
      throw Unsupported(description: "not a PNG")
    }
    var offset = 8
    var width = 0, height = 0, channels = 0
    var idat: [UInt8] = []
    func u32(_ at: Int) -> Int { Int(bytes[at]) << 24 | Int(bytes[at + 1]) << 16 | Int(bytes[at + 2]) << 8 | Int(bytes[at + 3]) }
    while offset + 8 <= bytes.count {
      let length = u32(offset)
      let type = String(decoding: bytes[offset + 4..<offset + 8], as: UTF8.self)
      let data = offset + 8
      guard data + length + 4 <= bytes.count else { throw Unsupported(description: "truncated chunk \(type)") }
      if type == "IHDR" {
        width = u32(data)
        height = u32(data + 4)
        guard bytes[data + 8] == 8, bytes[data + 12] == 0 else { throw Unsupported(description: "not 8-bit or interlaced") }
        switch bytes[data + 9] {
        case 2: channels = 3
        case 6: channels = 4
        default: throw Unsupported(description: "colour type \(bytes[data + 9])")
        }
      } else if type == "IDAT" {
        idat += bytes[data..<data + length]
      } else if type == "IEND" {
        break
      }
      offset = data + length + 4
    }
    guard width > 0, height > 0, idat.count > 2 else { throw Unsupported(description: "no image data") }
    var inflater = Inflater(Array(idat.dropFirst(2)))  // the zlib header
    let raw = try inflater.inflate()
    let stride = width * channels
    guard raw.count >= height * (stride + 1) else { throw Unsupported(description: "short image data") }
    var previous = [UInt8](repeating: 0, count: stride)
    var current = [UInt8](repeating: 0, count: stride)
    var grey = [UInt8](repeating: 0, count: width * height)
    for y in 0..<height {
      let row = y * (stride + 1)
      let filter = raw[row]
      for x in 0..<stride {
        let value = raw[row + 1 + x]
        let left = x >= channels ? Int(current[x - channels]) : 0
        let up = Int(previous[x])
        let upLeft = x >= channels ? Int(previous[x - channels]) : 0
        let predictor: Int
        switch filter {
        case 0: predictor = 0
        case 1: predictor = left
        case 2: predictor = up
        case 3: predictor = (left + up) / 2
        case 4:
          let p = left + up - upLeft
          let (pa, pb, pc) = (abs(p - left), abs(p - up), abs(p - upLeft))
          predictor = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft
        default: throw Unsupported(description: "filter \(filter)")
        }
        current[x] = value &+ UInt8(truncatingIfNeeded: predictor)
      }
      for x in 0..<width {
        let p = x * channels
        let r: Int = Int(current[p]) * 299
        let g: Int = Int(current[p + 1]) * 587
        let b: Int = Int(current[p + 2]) * 114
        grey[y * width + x] = UInt8((r + g + b) / 1000)
      }
      swap(&previous, &current)
    }
    self.width = width
    self.height = height
    self.grey = grey
  }

  /// The mean grey level of each cell of a `columns` × `rows` grid over the image.
  public func blocks(columns: Int, rows: Int) -> [Double] {
    var sums = [Double](repeating: 0, count: columns * rows)
    var counts = [Double](repeating: 0, count: columns * rows)
    for y in 0..<height {
      let by = y * rows / height
      for x in 0..<width {
        let cell = by * columns + x * columns / width
        sums[cell] += Double(grey[y * width + x])
        counts[cell] += 1
      }
    }
    return zip(sums, counts).map { $1 == 0 ? 255 : $0 / $1 }
  }
}

/// Inflates a raw DEFLATE stream (RFC 1951), decoding codes bit by bit.
struct Inflater {
  private let input: [UInt8]
  private var position = 0
  private var buffer = 0
  private var count = 0
  private var output: [UInt8] = []

  init(_ input: [UInt8]) { self.input = input }

  private struct Huffman {
    var counts = [Int](repeating: 0, count: 16)
    var symbols: [Int] = []
    init(_ lengths: [Int]) {
      for length in lengths { counts[length] += 1 }
      counts[0] = 0
      var offsets = [Int](repeating: 0, count: 16)
      for length in 1..<15 { offsets[length + 1] = offsets[length] + counts[length] }
      symbols = [Int](repeating: 0, count: lengths.count)
      for (symbol, length) in lengths.enumerated() where length != 0 {
        symbols[offsets[length]] = symbol
        offsets[length] += 1
      }
    }
  }

  private mutating func bits(_ n: Int) throws -> Int {
    while count < n {
      guard position < input.count else { throw PNGImage.Unsupported(description: "deflate stream ends early") }
      buffer |= Int(input[position]) << count
      position += 1
      count += 8
    }
    let value = buffer & ((1 << n) - 1)
    buffer >>= n
    count -= n
    return value
  }

  private mutating func decode(_ h: Huffman) throws -> Int {
    var code = 0, first = 0, index = 0
    for length in 1...15 {
      code |= try bits(1)
      let n = h.counts[length]
      if code - n < first { return h.symbols[index + (code - first)] }
      index += n
      first = (first + n) << 1
      code <<= 1
    }
    throw PNGImage.Unsupported(description: "bad deflate code")
  }

  private static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
  private static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
  private static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
  private static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]

  mutating func inflate() throws -> [UInt8] {
    var last = 0
    while last == 0 {
      last = try bits(1)
      switch try bits(2) {
      case 0:
        buffer = 0
        count = 0
        guard position + 4 <= input.count else { throw PNGImage.Unsupported(description: "short stored block") }
        let length = Int(input[position]) | Int(input[position + 1]) << 8
        position += 4
        guard position + length <= input.count else { throw PNGImage.Unsupported(description: "short stored block") }
        output += input[position..<position + length]
        position += length
      case 1:
        var lengths = [Int](repeating: 8, count: 288)
        for symbol in 144..<256 { lengths[symbol] = 9 }
        for symbol in 256..<280 { lengths[symbol] = 7 }
        try codes(Huffman(lengths), Huffman([Int](repeating: 5, count: 30)))
      case 2:
        let literals = try bits(5) + 257
        let distances = try bits(5) + 1
        let codeLengths = try bits(4) + 4
        var order = [Int](repeating: 0, count: 19)
        for slot in [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15].prefix(codeLengths) {
          order[slot] = try bits(3)
        }
        let lengthCode = Huffman(order)
        var lengths: [Int] = []
        while lengths.count < literals + distances {
          let symbol = try decode(lengthCode)
          switch symbol {
          case 0..<16: lengths.append(symbol)
          case 16:
            guard let previous = lengths.last else { throw PNGImage.Unsupported(description: "repeat with no length") }
            lengths += [Int](repeating: previous, count: 3 + (try bits(2)))
          case 17: lengths += [Int](repeating: 0, count: 3 + (try bits(3)))
          default: lengths += [Int](repeating: 0, count: 11 + (try bits(7)))
          }
        }
        try codes(Huffman(Array(lengths[0..<literals])), Huffman(Array(lengths[literals..<literals + distances])))
      default:
        throw PNGImage.Unsupported(description: "bad block type")
      }
    }
    return output
  }

  private mutating func codes(_ literal: Huffman, _ distance: Huffman) throws {
    while true {
      let symbol = try decode(literal)
      if symbol < 256 {
        output.append(UInt8(symbol))
      } else if symbol == 256 {
        return
      } else {
        let index = symbol - 257
        guard index < 29 else { throw PNGImage.Unsupported(description: "bad length code") }
        let length = Self.lengthBase[index] + (try bits(Self.lengthExtra[index]))
        let d = try decode(distance)
        guard d < 30 else { throw PNGImage.Unsupported(description: "bad distance code") }
        let back = Self.distanceBase[d] + (try bits(Self.distanceExtra[d]))
        guard back <= output.count else { throw PNGImage.Unsupported(description: "distance too far back") }
        let start = output.count - back
        for k in 0..<length { output.append(output[start + k]) }
      }
    }
  }
}
