/// Help-text layout shared by every command.
enum HelpText {
  /// Joins the hard-wrapped lines of each prose paragraph into one line so
  /// that ArgumentParser can wrap it to the terminal's width; indented lines
  /// (examples, tables) and blank lines are kept as they are.
  ///
  /// Source files keep their discussions under 100 columns; without this,
  /// ArgumentParser wraps each of those lines again at 80 and leaves ragged
  /// fragments ("...as it\nis read").
  static func reflow(_ text: String) -> String {
    var output: [String] = []
    var paragraph = ""
    func flush() {
      if !paragraph.isEmpty { output.append(paragraph) }
      paragraph = ""
    }
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.isEmpty {
        flush()
        output.append("")
      } else if line.first == " " || line.hasSuffix(":") {
        flush()
        output.append(String(line))
      } else {
        paragraph += paragraph.isEmpty ? String(line) : " " + line
      }
    }
    flush()
    return output.joined(separator: "\n")
  }
}
