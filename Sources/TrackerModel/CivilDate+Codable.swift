extension CivilDate {
  /// Decodes from ISO `yyyy-mm-dd`.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let date = CivilDate(iso: text) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "\"\(text)\" is not a yyyy-mm-dd date")
    }
    self = date
  }

  /// Encodes as ISO `yyyy-mm-dd`.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }

  /// Parses ISO `yyyy-mm-dd` (exactly that shape); `nil` otherwise or when
  /// the day does not exist.
  public init?(iso text: String) {
    let bytes = Array(text.utf8)
    guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
      let y = TextBytes.number(bytes, 0, 4), let m = TextBytes.number(bytes, 5, 7),
      let d = TextBytes.number(bytes, 8, 10)
    else { return nil }
    let date = CivilDate(year: y, month: m, day: d)
    guard date.isValid else { return nil }
    self = date
  }
}
