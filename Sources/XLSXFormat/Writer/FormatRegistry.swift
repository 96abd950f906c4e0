import Grid

/// The cell formats and differential formats a workbook uses, in
/// registration order, each stored once. `StylesPart` turns it into
/// `xl/styles.xml` (fonts, fills, borders and number formats de-duplicated
/// there).
struct FormatRegistry {
  /// `cellXfs`, index = `FormatID.index`; 0 is Normal.
  private(set) var formats: [CellFormat] = [.normal]
  private var formatIndex: [CellFormat: Int] = [.normal: 0]
  /// `dxfs`, index = `dxfId`.
  private(set) var differentialFormats: [DifferentialFormat] = []
  private var differentialIndex: [DifferentialFormat: Int] = [:]
  /// Date cells whose format shows a plain number get a twin format with a
  /// date number format: (format, display) -> twin.
  private var dateTwins: [DateTwinKey: Int] = [:]

  private struct DateTwinKey: Hashable {
    var format: Int
    var display: DateCell.Display
  }

  /// Registers a format (or finds the equal one).
  mutating func add(_ format: CellFormat) -> FormatID {
    if let index = formatIndex[format] { return FormatID(index: index) }
    formats.append(format)
    formatIndex[format] = formats.count - 1
    return FormatID(index: formats.count - 1)
  }

  /// Whether the id was handed out by this table.
  func contains(_ id: FormatID) -> Bool { id.index >= 0 && id.index < formats.count }

  /// Registers a differential format; returns its `dxfId`.
  mutating func add(_ format: DifferentialFormat) -> Int {
    if let index = differentialIndex[format] { return index }
    differentialFormats.append(format)
    differentialIndex[format] = differentialFormats.count - 1
    return differentialFormats.count - 1
  }

  /// The format to write a date cell with: `id` itself when it already has
  /// a number format, else a twin of it with the date format for `display`
  /// (`mmm-yy` for a month heading, `dd/mm/yyyy` for a date...).
  mutating func dateFormat(for id: FormatID, display: DateCell.Display) -> FormatID {
    let key = DateTwinKey(format: id.index, display: display)
    if let twin = dateTwins[key] { return FormatID(index: twin) }
    var format = formats[id.index]
    let resolved: FormatID
    if format.numberFormat.isGeneral {
      format.numberFormat = FormatRegistry.numberFormat(for: display)
      resolved = add(format)
    } else {
      resolved = id
    }
    dateTwins[key] = resolved.index
    return resolved
  }

  /// The default number format for a kind of date.
  static func numberFormat(for display: DateCell.Display) -> NumberFormat {
    switch display {
    case .month: .monthYear
    case .date: .date
    case .dateTime: .dateTime
    case .time: .time
    }
  }
}
