internal import CLibZip

/// A piece of a zip entry that is already deflated: raw deflate blocks
/// (no zlib header) that end byte-aligned and are not final, together with
/// the CRC-32 and length of the bytes they hold.
///
/// Because each segment ends with a sync flush and starts with fresh
/// compressor state, segments can be concatenated in any order: an entry made
/// of a small header segment known only at the end, a large streamed body and
/// a small footer is one valid deflate stream (the technique `pigz` uses).
/// `ZipWriter` appends the final empty block and combines the CRCs.
public struct DeflateSegment: Sendable {
  /// Where the compressed bytes live.
  enum Storage: Sendable {
    case bytes([UInt8])
    case file(SpoolFile, length: Int)
  }

  let storage: Storage
  /// CRC-32 of the uncompressed bytes.
  public let crc: UInt32
  /// Number of uncompressed bytes.
  public let uncompressedSize: Int

  /// Number of compressed bytes.
  public var compressedSize: Int {
    switch storage {
    case .bytes(let bytes): bytes.count
    case .file(_, let length): length
    }
  }

  init(storage: Storage, crc: UInt32, uncompressedSize: Int) {
    self.storage = storage
    self.crc = crc
    self.uncompressedSize = uncompressedSize
  }

  /// Compresses bytes held in memory into one segment.
  ///
  /// - Parameters:
  ///   - bytes: the uncompressed content.
  ///   - level: zlib level 0 (store) ... 9 (smallest).
  /// - Throws: `ZipWriteError.compressionFailed`.
  public static func compress(_ bytes: [UInt8], level: Int) throws(ZipWriteError) -> DeflateSegment {
    let deflater = try Deflater(level: level)
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count / 3 + 64)
    var crc: UInt32 = 0
    var failure: ZipWriteError?
    bytes.withUnsafeBytes { raw in
      crc = Deflater.crc(raw, previous: 0)
      do throws(ZipWriteError) {
        try deflater.compress(raw, flush: .sync) { chunk in output.append(contentsOf: chunk) }
      } catch { failure = error }
    }
    if let failure { throw failure }
    return DeflateSegment(storage: .bytes(output), crc: crc, uncompressedSize: bytes.count)
  }

  /// Compresses a string's UTF-8 bytes into one segment.
  public static func compress(_ text: String, level: Int) throws(ZipWriteError) -> DeflateSegment {
    try compress(Array(text.utf8), level: level)
  }

  /// The deflate block that ends a stream: a final, empty, fixed-Huffman
  /// block (BFINAL=1, BTYPE=01, end-of-block code), three bits plus seven.
  static let finalBlock: [UInt8] = [0x03, 0x00]

  /// CRC-32 of the concatenation of two byte runs, from their CRCs
  /// (`crc32_combine`).
  static func combine(_ first: UInt32, _ second: UInt32, secondLength: Int) -> UInt32 {
    UInt32(truncatingIfNeeded: crc32_combine(uLong(first), uLong(second), secondLength))
  }
}

/// One raw-deflate compressor (`deflateInit2` with 15 window bits, negative
/// for no zlib header). Owns its `z_stream`, which must stay at one address.
final class Deflater {
  private let stream: UnsafeMutablePointer<z_stream>
  private let output: UnsafeMutableRawBufferPointer

  /// Wraps `deflateInit2_`.
  init(level: Int) throws(ZipWriteError) {
    guard (0...9).contains(level) else {
      throw .compressionFailed(reason: "compression level \(level) is not in 0...9")
    }
    stream = .allocate(capacity: 1)
    stream.initialize(to: z_stream())
    output = .allocate(byteCount: 256 * 1024, alignment: 16)
    let status = deflateInit2_(
      stream, Int32(level), Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, zlibVersion(),
      Int32(MemoryLayout<z_stream>.size))
    guard status == Z_OK else {
      stream.deinitialize(count: 1)
      stream.deallocate()
      output.deallocate()
      throw .compressionFailed(reason: "deflateInit2 returned \(status)")
    }
  }

  deinit {
    deflateEnd(stream)
    stream.deinitialize(count: 1)
    stream.deallocate()
    output.deallocate()
  }

  /// How `compress` ends its call.
  enum Flush {
    /// `Z_NO_FLUSH`: more input follows.
    case none
    /// `Z_SYNC_FLUSH`: end the segment byte-aligned, without a final block.
    case sync
  }

  /// Feeds bytes through `deflate` and hands each piece of output to `emit`.
  func compress(
    _ input: UnsafeRawBufferPointer, flush: Flush, emit: (UnsafeRawBufferPointer) throws(ZipWriteError) -> Void
  ) throws(ZipWriteError) {
    stream.pointee.next_in = input.baseAddress.map {
      UnsafeMutablePointer(mutating: $0.assumingMemoryBound(to: Bytef.self))
    }
    stream.pointee.avail_in = uInt(input.count)
    let capacity = output.count
    while true {
      stream.pointee.next_out = output.baseAddress?.assumingMemoryBound(to: Bytef.self)
      stream.pointee.avail_out = uInt(capacity)
      let status = deflate(stream, flush == .sync ? Z_SYNC_FLUSH : Z_NO_FLUSH)
      guard status == Z_OK || status == Z_BUF_ERROR else {
        throw .compressionFailed(reason: "deflate returned \(status)")
      }
      let produced = capacity - Int(stream.pointee.avail_out)
      if produced > 0 { try emit(UnsafeRawBufferPointer(rebasing: output[0..<produced])) }
      // More output is pending only when the buffer was filled completely.
      if stream.pointee.avail_out != 0 && stream.pointee.avail_in == 0 { break }
    }
  }

  /// Updates a CRC-32 with bytes (`crc32`).
  static func crc(_ bytes: UnsafeRawBufferPointer, previous: UInt32) -> UInt32 {
    guard let base = bytes.baseAddress, bytes.count > 0 else { return previous }
    return UInt32(
      truncatingIfNeeded: crc32_z(uLong(previous), base.assumingMemoryBound(to: Bytef.self), bytes.count))
  }
}
