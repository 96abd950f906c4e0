import ArgumentParser
import DelimitedFormat

/// `--delimiter`: detect, or force one separator.
enum DelimiterChoice: String, ExpressibleByArgument, CaseIterable {
  case auto, comma, tab, semicolon, pipe

  /// Also accepts the character itself: `,`, `;`, `|`, `\t`.
  init?(argument: String) {
    if let choice = DelimiterChoice(rawValue: argument.lowercased()) {
      self = choice
    } else if let delimiter = Delimiter(name: argument), let choice = DelimiterChoice(rawValue: delimiter.rawValue) {
      self = choice
    } else {
      return nil
    }
  }

  /// The delimiter to force, or nil to detect.
  var delimiter: Delimiter? { Delimiter(rawValue: rawValue) }
}
