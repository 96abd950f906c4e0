extension DateValue {
  private enum CodingKeys: String, CodingKey {
    case date
    case precision
  }

  /// Decodes `{"date": "2021-02", "precision": "month"}`.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let text = try container.decode(String.self, forKey: .date)
    let precision = try container.decode(Precision.self, forKey: .precision)
    guard let value = DateValue(iso: text, precision: precision) else {
      throw DecodingError.dataCorruptedError(
        forKey: .date, in: container,
        debugDescription: "\"\(text)\" is not an ISO date at \(precision.rawValue) precision")
    }
    self = value
  }

  /// Encodes as `{"date": "2021-02", "precision": "month"}`: the ISO form at
  /// its precision (a quarter as its first month) and the precision.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(description, forKey: .date)
    try container.encode(precision, forKey: .precision)
  }

  /// Parses the ISO form `description` writes (`2021`, `2021-02`,
  /// `2021-02-14`) at a given precision.
  public init?(iso text: String, precision: Precision) {
    let bytes = Array(text.utf8)
    guard bytes.count >= 4, let year = TextBytes.number(bytes, 0, 4) else { return nil }
    switch precision {
    case .year:
      guard bytes.count == 4 else { return nil }
      self.init(year: year, precision: .year)
    case .month, .quarter:
      guard bytes.count == 7, bytes[4] == UInt8(ascii: "-"), let m = TextBytes.number(bytes, 5, 7),
        (1...12).contains(m)
      else { return nil }
      self.init(year: year, month: m, precision: precision)
    case .day:
      guard let date = CivilDate(iso: text) else { return nil }
      self.init(year: date.year, month: date.month, day: date.day, precision: .day)
    }
  }
}
