import Diagnostics

/// The file's text as UTF-8, with how it was decoded.
struct DecodedText {
  /// UTF-8 bytes, well-formed and free of NUL bytes from `start` on.
  var buffer: ByteBuffer
  /// Where the text starts (after a UTF-8 byte-order mark).
  var start: Int
  /// The encoding the file was in.
  var encoding: TextEncoding
  /// Warnings about the encoding (a fallback or a repair); never silent.
  var diagnostics: [Diagnostic]
}

/// Decides a file's encoding and produces UTF-8, following Excel: a
/// byte-order mark first; else strict UTF-8; else Windows-1252 with a warning.
enum EncodingDecoder {
  /// Decodes `raw`.
  ///
  /// - Parameter file: the name used in errors and diagnostics.
  /// - Throws: `DelimitedError.emptyFile`, `.nulByte`.
  static func decode(_ raw: ByteBuffer, file: String) throws(DelimitedError) -> DecodedText {
    let b = raw.count
    if b >= 3, raw[0] == 0xEF, raw[1] == 0xBB, raw[2] == 0xBF {
      return try decodeUTF8(raw, start: 3, encoding: .utf8WithBOM, file: file)
    }
    if b >= 2, (raw[0] == 0xFF && raw[1] == 0xFE) || (raw[0] == 0xFE && raw[1] == 0xFF) {
      let bigEndian = raw[0] == 0xFE
      let output = Transcoder.utf16(raw, from: 2, bigEndian: bigEndian)
      var diagnostics: [Diagnostic] = []
      if let offset = output.firstRepairOffset {
        diagnostics.append(
          Diagnostic(
            code: "csv.invalid_utf16", severity: .warning,
            message: "the file is not well-formed UTF-16 (first bad unit at byte offset \(offset)); "
              + "bad units were replaced by U+FFFD",
            fix: "Re-export the file from the spreadsheet as \"CSV UTF-8\".",
            location: SourceLocation(file: file)))
      }
      return try checked(
        DecodedText(
          buffer: output.buffer, start: 0, encoding: bigEndian ? .utf16BE : .utf16LE,
          diagnostics: diagnostics), file: file)
    }
    return try decodeUTF8(raw, start: 0, encoding: .utf8, file: file)
  }

  private static func decodeUTF8(
    _ raw: ByteBuffer, start: Int, encoding: TextEncoding, file: String
  ) throws(DelimitedError) -> DecodedText {
    guard raw.count > start else { throw .emptyFile(path: file) }
    switch UTF8Validator.validate(raw.base, from: start, to: raw.count) {
    case .valid:
      return DecodedText(buffer: raw, start: start, encoding: encoding, diagnostics: [])
    case .nul(let offset):
      throw .nulByte(
        path: file, line: LineCounter.line(at: offset, in: raw.base, from: start, end: raw.count))
    case .invalid(let offset):
      let line = LineCounter.line(at: offset, in: raw.base, from: start, end: raw.count)
      if encoding == .utf8WithBOM {
        let diagnostic = invalidUTF8(file: file, line: line, byte: raw[offset])
        let repaired = Transcoder.repairUTF8(raw, from: start)
        return try checked(
          DecodedText(buffer: repaired, start: 0, encoding: encoding, diagnostics: [diagnostic]), file: file)
      }
      let diagnostic = windows1252Fallback(file: file, line: line, byte: raw[offset])
      let converted = Transcoder.windows1252(raw, from: start)
      return try checked(
        DecodedText(buffer: converted, start: 0, encoding: .windows1252, diagnostics: [diagnostic]),
        file: file)
    }
  }

  /// The warning for a file read as Windows-1252 because `byte` on `line` is not UTF-8.
  static func windows1252Fallback(file: String, line: Int, byte: UInt8) -> Diagnostic {
    Diagnostic(
      code: "csv.encoding_fallback", severity: .warning,
      message: "the file is not valid UTF-8 (byte \(hex(byte)) on line \(line)); read it as Windows-1252",
      fix: "Check accented letters and symbols such as £ and €; to be sure, save the file from the "
        + "spreadsheet as \"CSV UTF-8\".",
      location: SourceLocation(file: file, line: line))
  }

  /// The warning for a file with a UTF-8 byte-order mark whose `byte` on `line` is not UTF-8.
  static func invalidUTF8(file: String, line: Int, byte: UInt8) -> Diagnostic {
    Diagnostic(
      code: "csv.invalid_utf8", severity: .warning,
      message: "the file starts with a UTF-8 byte-order mark but byte \(hex(byte)) on line \(line) is not "
        + "valid UTF-8; invalid bytes were replaced by U+FFFD",
      fix: "Re-export the file from the spreadsheet as \"CSV UTF-8\".",
      location: SourceLocation(file: file, line: line))
  }

  private static func hex(_ byte: UInt8) -> String { "0x" + String(byte, radix: 16, uppercase: true) }

  /// Rejects transcoded text that is empty or holds U+0000.
  private static func checked(_ text: DecodedText, file: String) throws(DelimitedError) -> DecodedText {
    let buffer = text.buffer
    guard buffer.count > text.start else { throw .emptyFile(path: file) }
    if case .nul(let offset) = UTF8Validator.validate(buffer.base, from: text.start, to: buffer.count) {
      throw .nulByte(
        path: file, line: LineCounter.line(at: offset, in: buffer.base, from: text.start, end: buffer.count))
    }
    return text
  }
}
