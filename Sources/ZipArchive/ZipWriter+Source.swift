internal import CLibZip

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The data of one entry as libzip sees it: a `zip_source_function` that
/// reports the bytes as already deflated (`ZIP_STAT_COMP_METHOD` =
/// `ZIP_CM_DEFLATE` with size, compressed size and CRC), so `zip_close`
/// copies them as they are instead of compressing again. The segments are
/// read back in order, followed by the final empty deflate block.
final class PrecompressedSource {
  private let pieces: [DeflateSegment.Storage]
  private let crc: UInt32
  private let size: Int
  private let compressedSize: Int
  private let mtime: time_t
  private var piece = 0
  private var offset = 0
  private var error: (zip: Int32, system: Int32) = (0, 0)

  init(segments: [DeflateSegment], mtime: time_t) {
    var crc: UInt32 = 0
    var size = 0
    for segment in segments {
      crc = DeflateSegment.combine(crc, segment.crc, secondLength: segment.uncompressedSize)
      size += segment.uncompressedSize
    }
    pieces = segments.map(\.storage) + [.bytes(DeflateSegment.finalBlock)]
    self.crc = crc
    self.size = size
    self.compressedSize = segments.reduce(DeflateSegment.finalBlock.count) { $0 + $1.compressedSize }
    self.mtime = mtime
  }

  /// Creates the libzip source; the source keeps this object alive until
  /// libzip sends `ZIP_SOURCE_FREE`.
  func makeSource(in archive: OpaquePointer) -> OpaquePointer? {
    let context = Unmanaged.passRetained(self).toOpaque()
    guard let source = zip_source_function(archive, precompressedSourceCallback, context) else {
      Unmanaged<PrecompressedSource>.fromOpaque(context).release()
      return nil
    }
    return source
  }

  fileprivate func handle(_ data: UnsafeMutableRawPointer?, _ length: UInt64, _ command: zip_source_cmd_t) -> Int64 {
    switch command {
    case ZIP_SOURCE_OPEN:
      piece = 0
      offset = 0
      return 0
    case ZIP_SOURCE_READ:
      guard let data else { return fail(ZIP_ER_INVAL, 0) }
      return read(into: data, count: Int(clamping: length))
    case ZIP_SOURCE_CLOSE:
      return 0
    case ZIP_SOURCE_STAT:
      guard let data, length >= UInt64(MemoryLayout<zip_stat_t>.size) else { return fail(ZIP_ER_INVAL, 0) }
      let stat = data.assumingMemoryBound(to: zip_stat_t.self)
      zip_stat_init(stat)
      stat.pointee.valid = UInt64(
        ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_CRC | ZIP_STAT_COMP_METHOD | ZIP_STAT_MTIME
          | ZIP_STAT_ENCRYPTION_METHOD)
      stat.pointee.size = UInt64(size)
      stat.pointee.comp_size = UInt64(compressedSize)
      stat.pointee.crc = crc
      stat.pointee.comp_method = UInt16(ZIP_CM_DEFLATE)
      stat.pointee.encryption_method = UInt16(ZIP_EM_NONE)
      stat.pointee.mtime = mtime
      return Int64(MemoryLayout<zip_stat_t>.size)
    case ZIP_SOURCE_ERROR:
      guard let data, length >= UInt64(2 * MemoryLayout<Int32>.size) else { return -1 }
      let codes = data.assumingMemoryBound(to: Int32.self)
      codes[0] = error.zip
      codes[1] = error.system
      return Int64(2 * MemoryLayout<Int32>.size)
    case ZIP_SOURCE_FREE:
      Unmanaged.passUnretained(self).release()
      return 0
    case ZIP_SOURCE_SUPPORTS:
      let commands = [
        ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR,
        ZIP_SOURCE_FREE, ZIP_SOURCE_SUPPORTS,
      ]
      return commands.reduce(Int64(0)) { $0 | (Int64(1) << Int64($1.rawValue)) }
    default:
      return fail(ZIP_ER_OPNOTSUPP, 0)
    }
  }

  private func read(into buffer: UnsafeMutableRawPointer, count: Int) -> Int64 {
    var filled = 0
    while filled < count && piece < pieces.count {
      let want = count - filled
      switch pieces[piece] {
      case .bytes(let bytes):
        let n = min(want, bytes.count - offset)
        if n > 0 {
          bytes.withUnsafeBytes { raw in
            if let base = raw.baseAddress { (buffer + filled).copyMemory(from: base + offset, byteCount: n) }
          }
        }
        filled += n
        offset += n
        if offset == bytes.count { nextPiece() }
      case .file(let file, let length):
        let n = file.read(into: buffer + filled, count: min(want, length - offset), at: offset)
        if n < 0 { return fail(ZIP_ER_READ, errno) }
        if n == 0 && length > offset { return fail(ZIP_ER_READ, 0) }
        filled += n
        offset += n
        if offset == length { nextPiece() }
      }
    }
    return Int64(filled)
  }

  private func nextPiece() {
    piece += 1
    offset = 0
  }

  private func fail(_ code: Int32, _ system: Int32) -> Int64 {
    error = (code, system)
    return -1
  }
}

/// The C callback libzip calls for every precompressed source.
private func precompressedSourceCallback(
  _ context: UnsafeMutableRawPointer?, _ data: UnsafeMutableRawPointer?, _ length: zip_uint64_t,
  _ command: zip_source_cmd_t
) -> zip_int64_t {
  guard let context else { return -1 }
  let source = Unmanaged<PrecompressedSource>.fromOpaque(context).takeUnretainedValue()
  return source.handle(data, length, command)
}
