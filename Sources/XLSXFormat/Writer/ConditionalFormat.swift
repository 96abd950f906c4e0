public import Diagnostics

/// Rules that restyle cells by their value, re-evaluated by Excel whenever a
/// cell changes (`<conditionalFormatting>`): a status cell turns green when
/// someone types `G`.
///
/// ```swift
/// try writer.addConditionalFormat(ConditionalFormat(ranges: [statusRange], rules: [
///   ConditionalRule(.cellEquals(.text("G")), format: DifferentialFormat(fillRGB: 0xC6EFCE)),
///   ConditionalRule(.containsText("overdue"), format: DifferentialFormat(fontColorRGB: 0x9C0006)),
/// ]))
/// ```
public struct ConditionalFormat: Hashable, Sendable {
  /// The cells the rules apply to.
  public var ranges: [CellRange]
  /// The rules, highest priority first.
  public var rules: [ConditionalRule]

  /// Creates conditional formatting.
  public init(ranges: [CellRange], rules: [ConditionalRule]) {
    self.ranges = ranges
    self.rules = rules
  }
}

/// One conditional-formatting rule.
public struct ConditionalRule: Hashable, Sendable {
  /// The test a cell must pass.
  public var condition: Condition
  /// The look applied when it passes.
  public var format: DifferentialFormat
  /// Whether lower-priority rules are skipped when this one matches.
  public var stopsIfTrue: Bool

  /// Creates a rule.
  public init(_ condition: Condition, format: DifferentialFormat, stopsIfTrue: Bool = false) {
    self.condition = condition
    self.format = format
    self.stopsIfTrue = stopsIfTrue
  }

  /// What a cell is tested against.
  public enum Condition: Hashable, Sendable {
    /// The value equals a constant (`cellIs` `equal`; text compares
    /// case-insensitively in Excel).
    case cellEquals(Operand)
    /// The value compares with a constant (`cellIs`).
    case cellIs(Comparison, Operand)
    /// The text contains a word, in any case (`containsText`).
    case containsText(String)
    /// The text begins with a prefix, in any case (`beginsWith`).
    case beginsWith(String)
    /// The text ends with a suffix, in any case (`endsWith`).
    case endsWith(String)
  }

  /// A comparison for `cellIs` (`ST_ConditionalFormattingOperator`).
  public enum Comparison: String, Hashable, Sendable {
    /// =
    case equal
    /// <>
    case notEqual
    /// >
    case greaterThan
    /// >=
    case greaterThanOrEqual
    /// <
    case lessThan
    /// <=
    case lessThanOrEqual
  }

  /// A constant in a comparison.
  public enum Operand: Hashable, Sendable {
    /// Text, compared as Excel compares strings.
    case text(String)
    /// A number.
    case number(Double)
  }
}
