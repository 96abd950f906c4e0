/// Turns the encodings Excel writes into UTF-8, byte by byte into a new
/// buffer. Only inputs that are not already UTF-8 pay for this.
enum Transcoder {
  /// What a transcoding produced and whether it had to repair anything.
  struct Output {
    /// The UTF-8 bytes.
    var buffer: ByteBuffer
    /// Offset (in the source) of the first byte that had to be replaced by
    /// U+FFFD, if any.
    var firstRepairOffset: Int?
  }

  /// UTF-16 (after its BOM) to UTF-8. Unpaired surrogates and an odd last
  /// byte become U+FFFD.
  static func utf16(_ source: ByteBuffer, from start: Int, bigEndian: Bool) -> Output {
    let units = (source.count - start) / 2
    var repair: Int? = (source.count - start) % 2 == 1 ? source.count - 1 : nil
    // Each unit becomes at most 3 bytes (a surrogate pair: 4 bytes for 2 units).
    let buffer = ByteBuffer(capacity: units * 3 + 3) { out, _ in
      var n = 0
      var k = 0
      @inline(__always) func unit(_ index: Int) -> UInt32 {
        let a = UInt32(source[start + 2 * index])
        let b = UInt32(source[start + 2 * index + 1])
        return bigEndian ? a << 8 | b : b << 8 | a
      }
      while k < units {
        var scalar = unit(k)
        k += 1
        if (0xD800...0xDBFF).contains(scalar), k < units, (0xDC00...0xDFFF).contains(unit(k)) {
          scalar = 0x10000 + ((scalar - 0xD800) << 10) + (unit(k) - 0xDC00)
          k += 1
        } else if (0xD800...0xDFFF).contains(scalar) {
          repair = min(repair ?? Int.max, start + 2 * (k - 1))
          scalar = 0xFFFD
        }
        n += encode(scalar, into: out + n)
      }
      if (source.count - start) % 2 == 1 { n += encode(0xFFFD, into: out + n) }
      return n
    }
    return Output(buffer: buffer, firstRepairOffset: repair)
  }

  /// Windows-1252 to UTF-8. The five bytes 1252 leaves undefined (0x81, 0x8D,
  /// 0x8F, 0x90, 0x9D) map to the C1 controls of the same value, as in WHATWG.
  static func windows1252(_ source: ByteBuffer, from start: Int) -> ByteBuffer {
    ByteBuffer(capacity: (source.count - start) * 3) { out, _ in
      var n = 0
      for i in start..<source.count {
        let byte = source[i]
        if byte < 0x80 {
          out[n] = byte
          n += 1
        } else {
          let scalar = byte < 0xA0 ? windows1252High[Int(byte - 0x80)] : UInt32(byte)
          n += encode(scalar, into: out + n)
        }
      }
      return n
    }
  }

  /// A string from Windows-1252 bytes (one field).
  static func windows1252String(_ raw: UnsafeBufferPointer<UInt8>) -> String {
    String(unsafeUninitializedCapacity: raw.count * 3) { out in
      guard let base = out.baseAddress else { return 0 }
      var n = 0
      for byte in raw {
        if byte < 0x80 {
          base[n] = byte
          n += 1
        } else {
          n += encode(byte < 0xA0 ? windows1252High[Int(byte - 0x80)] : UInt32(byte), into: base + n)
        }
      }
      return n
    }
  }

  /// UTF-8 with ill-formed sequences replaced by U+FFFD, one per maximal
  /// subpart (Unicode §3.9, "U+FFFD Substitution of Maximal Subparts", the
  /// recommended practice), which is also what `String(decoding:as: UTF8.self)`
  /// does for the file reader's fields: both readers give the same text.
  static func repairUTF8(_ source: ByteBuffer, from start: Int) -> ByteBuffer {
    ByteBuffer(capacity: (source.count - start) * 3) { out, _ in
      var n = 0
      var i = start
      while i < source.count {
        let byte = source[i]
        if byte < 0x80 {
          out[n] = byte
          n += 1
          i += 1
          continue
        }
        let length = UTF8Validator.sequenceLength(source.base, at: i, end: source.count)
        if length == 0 {
          n += encode(0xFFFD, into: out + n)
          i += UTF8Validator.maximalSubpart(source.base, at: i, end: source.count)
        } else {
          (out + n).update(from: source.base + i, count: length)
          n += length
          i += length
        }
      }
      return n
    }
  }

  /// Writes `scalar` as UTF-8 at `out`, returning the byte count (1–4).
  @inline(__always)
  static func encode(_ scalar: UInt32, into out: UnsafeMutablePointer<UInt8>) -> Int {
    switch scalar {
    case 0..<0x80:
      out[0] = UInt8(scalar)
      return 1
    case 0x80..<0x800:
      out[0] = UInt8(0xC0 | scalar >> 6)
      out[1] = UInt8(0x80 | scalar & 0x3F)
      return 2
    case 0x800..<0x10000:
      out[0] = UInt8(0xE0 | scalar >> 12)
      out[1] = UInt8(0x80 | scalar >> 6 & 0x3F)
      out[2] = UInt8(0x80 | scalar & 0x3F)
      return 3
    default:
      out[0] = UInt8(0xF0 | scalar >> 18)
      out[1] = UInt8(0x80 | scalar >> 12 & 0x3F)
      out[2] = UInt8(0x80 | scalar >> 6 & 0x3F)
      out[3] = UInt8(0x80 | scalar & 0x3F)
      return 4
    }
  }

  /// Unicode scalars of Windows-1252 bytes 0x80–0x9F.
  static let windows1252High: [UInt32] = [
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
  ]
}
