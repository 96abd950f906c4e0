public import Grid

/// Excel's built-in number formats, which `styles.xml` refers to by id
/// without spelling out (ECMA-376 Part 1, §18.8.30; en-US codes for 5–8 and
/// 41–44, as openpyxl lists them).
public enum BuiltInNumberFormats {
  /// The code of a built-in id, when the id has a locale-independent one.
  public static func code(_ id: Int) -> String? {
    codes[id]
  }

  /// How a built-in id shows a number, when it is a date or time format.
  ///
  /// 14–16 dates, 17 (`mmm-yy`) a month, 18–21 times, 22 a date-time, 45–47
  /// times (46 is elapsed `[h]:mm:ss`); the East Asian locale ids 27–36 and
  /// 50–58 as their ja-JP codes show (32, 33 times; 34, 52, 55 months).
  public static func dateDisplay(_ id: Int) -> DateCell.Display? {
    switch id {
    case 14, 15, 16: .date
    case 17: .month
    case 18, 19, 20, 21: .time
    case 22: .dateTime
    case 45, 46, 47: .time
    case 32, 33: .time
    case 34, 52, 55: .month
    case 27...31, 35, 36, 50, 51, 53, 54, 56, 57, 58: .date
    default: nil
    }
  }

  private static let codes: [Int: String] = [
    0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00",
    5: "\"$\"#,##0_);(\"$\"#,##0)", 6: "\"$\"#,##0_);[Red](\"$\"#,##0)",
    7: "\"$\"#,##0.00_);(\"$\"#,##0.00)", 8: "\"$\"#,##0.00_);[Red](\"$\"#,##0.00)",
    9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
    14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM",
    19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: "m/d/yy h:mm",
    37: "#,##0_);(#,##0)", 38: "#,##0_);[Red](#,##0)", 39: "#,##0.00_);(#,##0.00)",
    40: "#,##0.00_);[Red](#,##0.00)",
    41: "_(* #,##0_);_(* \\(#,##0\\);_(* \"-\"_);_(@_)",
    42: "_(\"$\"* #,##0_);_(\"$\"* \\(#,##0\\);_(\"$\"* \"-\"_);_(@_)",
    43: "_(* #,##0.00_);_(* \\(#,##0.00\\);_(* \"-\"??_);_(@_)",
    44: "_(\"$\"* #,##0.00_);_(\"$\"* \\(#,##0.00\\);_(\"$\"* \"-\"??_);_(@_)",
    45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
  ]
}
