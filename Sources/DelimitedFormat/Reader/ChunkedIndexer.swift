#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
import Diagnostics

/// The first pass over a UTF-8 or Windows-1252 file, read in chunks into
/// one reused buffer (so no copy of the whole file is ever held): checks the
/// encoding (UTF-8 unless an ill-formed byte says Windows-1252; NUL bytes
/// are errors), detects the delimiter on the first chunk, and indexes the
/// records by file offset. A record cut by a chunk's end is carried to the
/// front of the buffer and scanned again with the next chunk; the buffer
/// grows when one record is longer than it.
struct ChunkedIndexer {
  /// What the pass found.
  struct Result {
    var index: RecordIndex
    var delimiter: Delimiter
    var encoding: TextEncoding
    var diagnostics: [Diagnostic]
  }

  private let file: InputFile
  private let limits: DelimitedLimits
  private var capacity: Int
  private var buffer: UnsafeMutablePointer<UInt8>
  /// File offset of `buffer[0]`, and its physical line.
  private var origin = 0
  private var originLine = 1
  /// Valid bytes in the buffer; whether they reach the end of the file.
  private var filled = 0
  private var atEnd = false
  /// File offset up to which the encoding has been checked.
  private var validated = 0
  /// The first byte that is not UTF-8: file offset, line and value.
  private var firstInvalid: (line: Int, byte: UInt8)?

  /// Indexes `file`.
  ///
  /// - Parameters:
  ///   - delimiter: the delimiter to use, or nil to detect one (`preferred` breaks ties).
  ///   - chunkBytes: the initial buffer size.
  /// - Throws: `DelimitedError`.
  static func index(
    _ file: InputFile, delimiter: Delimiter?, preferred: Delimiter, limits: DelimitedLimits,
    chunkBytes: Int = 4 << 20
  ) throws(DelimitedError) -> Result {
    var indexer = ChunkedIndexer(file: file, limits: limits, capacity: max(chunkBytes, 8))
    defer { indexer.buffer.deallocate() }
    return try indexer.run(delimiter: delimiter, preferred: preferred)
  }

  private init(file: InputFile, limits: DelimitedLimits, capacity: Int) {
    self.file = file
    self.limits = limits
    self.capacity = capacity
    self.buffer = .allocate(capacity: capacity)
  }

  private mutating func run(delimiter given: Delimiter?, preferred: Delimiter) throws(DelimitedError) -> Result {
    try fill()
    let hasBOM = filled >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF
    var scanStart = hasBOM ? 3 : 0
    validated = scanStart
    guard filled > scanStart else { throw .emptyFile(path: file.displayName) }
    let delimiter =
      given
      ?? DelimiterDetector.detect(in: buffer, from: scanStart, to: filled, isWhole: atEnd, preferred: preferred)
    var builder = RecordIndexBuilder(delimiter: delimiter, limits: limits, file: file.displayName)
    while true {
      try validate()
      var scanner = RecordScanner(
        bytes: buffer, start: scanStart, end: filled, isFinal: atEnd, delimiter: delimiter.byte, line: originLine,
        longFieldBytes: limits.maxFieldCharacters)
      scanning: while true {
        let step: RecordScanner.Step
        do {
          step = try scanner.next()
        } catch {
          throw builder.unterminated(error)
        }
        switch step {
        case .record(let record): try builder.add(record, bytes: buffer, origin: origin)
        case .incomplete, .end: break scanning
        }
      }
      if atEnd { break }
      carry(from: scanner.position, line: scanner.line)
      scanStart = 0
      try fill()
    }
    var diagnostics: [Diagnostic] = []
    var encoding: TextEncoding = hasBOM ? .utf8WithBOM : .utf8
    if let firstInvalid {
      if hasBOM {
        diagnostics.append(
          EncodingDecoder.invalidUTF8(file: file.displayName, line: firstInvalid.line, byte: firstInvalid.byte))
      } else {
        encoding = .windows1252
        diagnostics.append(
          EncodingDecoder.windows1252Fallback(
            file: file.displayName, line: firstInvalid.line, byte: firstInvalid.byte))
      }
    }
    let index = builder.index()
    return Result(index: index, delimiter: delimiter, encoding: encoding, diagnostics: diagnostics + index.diagnostics)
  }

  /// Reads until the buffer is full or the file ends.
  private mutating func fill() throws(DelimitedError) {
    let wanted = capacity - filled
    let n = try file.read(into: buffer + filled, count: wanted, at: origin + filled)
    filled += n
    if n < wanted { atEnd = true }
  }

  /// Moves the bytes from `start` (a record's first byte) to the front,
  /// doubling the buffer when that record fills all of it.
  private mutating func carry(from start: Int, line: Int) {
    let kept = filled - start
    if kept == capacity {
      let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
      bigger.update(from: buffer, count: kept)
      buffer.deallocate()
      buffer = bigger
      capacity *= 2
    } else if start > 0 {
      (buffer).update(from: buffer + start, count: kept)
    }
    origin += start
    originLine = line
    filled = kept
  }

  /// Checks the bytes not yet checked: NUL bytes are errors; the first byte
  /// that is not UTF-8 is remembered (after it, only NUL bytes are looked for).
  private mutating func validate() throws(DelimitedError) {
    var i = max(validated - origin, 0)
    while i < filled {
      if firstInvalid != nil {
        if let nul = memchr(buffer + i, 0, filled - i) {
          throw .nulByte(path: file.displayName, line: line(at: buffer.distance(to: nul.assumingMemoryBound(to: UInt8.self))))
        }
        i = filled
        break
      }
      switch UTF8Validator.validate(buffer, from: i, to: filled) {
      case .valid:
        i = filled
      case .nul(let at):
        throw .nulByte(path: file.displayName, line: line(at: at))
      case .invalid(let at):
        if !atEnd, UTF8Validator.isCutShort(buffer, at: at, end: filled) {
          validated = origin + at  // the rest of the sequence is in the next chunk
          return
        }
        firstInvalid = (line(at: at), buffer[at])
        i = at + 1
      }
    }
    validated = origin + i
  }

  /// The physical line of `buffer[offset]`.
  private func line(at offset: Int) -> Int {
    originLine - 1 + LineCounter.line(at: offset, in: buffer, from: 0, end: filled)
  }
}
