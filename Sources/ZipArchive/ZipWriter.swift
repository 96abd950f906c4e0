internal import CLibZip

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes a new zip archive through libzip, with entries that were deflated
/// beforehand (`DeflateSegment`, `DeflateSpool`).
///
/// The output is reproducible: entries appear in the order they are added,
/// every entry carries the same fixed modification time (1980-01-01 00:00,
/// the DOS epoch, whatever the machine's time zone), and libzip copies the
/// compressed bytes unchanged.
///
/// ```swift
/// let zip = try ZipWriter(creatingAt: tempPath)
/// try zip.addEntry("hello.txt", segments: [DeflateSegment.compress("hi", level: 6)])
/// try zip.close()
/// ```
///
/// `close()` is where libzip writes the file (to its own temporary name,
/// renamed at the end, without `fsync`); wrap the writer in
/// `AtomicFile.produce(at:)` for a durable, atomic replacement. A writer that
/// is never closed discards everything (`zip_discard`).
public final class ZipWriter {
  /// The archive's path, for messages.
  public let path: String
  private var archive: OpaquePointer?
  private var names: Set<String> = []
  private let mtime: time_t

  /// Creates an empty archive at a path that must not exist yet
  /// (`zip_open` with `ZIP_CREATE | ZIP_EXCL`).
  ///
  /// - Throws: `ZipWriteError.cannotCreate`.
  public init(creatingAt path: String) throws(ZipWriteError) {
    self.path = path
    var code: Int32 = 0
    guard let archive = zip_open(path, ZIP_CREATE | ZIP_EXCL, &code) else {
      var error = zip_error_t()
      zip_error_init_with_code(&error, code)
      defer { zip_error_fini(&error) }
      throw .cannotCreate(path: path, reason: String(cString: zip_error_strerror(&error)))
    }
    self.archive = archive
    self.mtime = ZipWriter.dosEpoch()
  }

  deinit {
    if let archive { zip_discard(archive) }
  }

  /// Adds an entry whose content is the concatenation of the segments.
  ///
  /// The segments' storage must stay valid until `close()` (the writer keeps
  /// them alive itself).
  ///
  /// - Parameters:
  ///   - name: the entry name, e.g. `xl/workbook.xml`.
  ///   - segments: deflated pieces, in content order.
  /// - Throws: `ZipWriteError.cannotAddEntry`, or `.misuse` after `close()`
  ///   or for a repeated name.
  public func addEntry(_ name: String, segments: [DeflateSegment]) throws(ZipWriteError) {
    guard let archive else { throw .misuse(path: path, reason: "entry \(name) added after close") }
    guard names.insert(name).inserted else {
      throw .misuse(path: path, reason: "entry \(name) added twice")
    }
    let content = PrecompressedSource(segments: segments, mtime: mtime)
    guard let source = content.makeSource(in: archive) else {
      throw .cannotAddEntry(path: path, entry: name, reason: String(cString: zip_strerror(archive)))
    }
    let index = zip_file_add(archive, name, source, zip_flags_t(ZIP_FL_ENC_UTF_8))
    guard index >= 0 else {
      let reason = String(cString: zip_strerror(archive))
      zip_source_free(source)
      throw .cannotAddEntry(path: path, entry: name, reason: reason)
    }
    guard zip_file_set_mtime(archive, zip_uint64_t(index), mtime, 0) == 0 else {
      throw .cannotAddEntry(path: path, entry: name, reason: String(cString: zip_strerror(archive)))
    }
  }

  /// Writes the archive to disk and releases it (`zip_close`). On failure
  /// the archive is discarded and no file is left at `path`.
  ///
  /// - Throws: `ZipWriteError.cannotClose`.
  public func close() throws(ZipWriteError) {
    guard let archive else { throw .misuse(path: path, reason: "closed twice") }
    if zip_close(archive) != 0 {
      let reason = String(cString: zip_strerror(archive))
      zip_discard(archive)
      self.archive = nil
      throw .cannotClose(path: path, reason: reason)
    }
    self.archive = nil
  }

  /// The `time_t` that libzip turns into the DOS timestamp 1980-01-01
  /// 00:00:00. libzip converts with `localtime`, so the instant depends on
  /// the time zone but the stored fields do not.
  private static func dosEpoch() -> time_t {
    var fields = tm()
    fields.tm_year = 80
    fields.tm_mon = 0
    fields.tm_mday = 1
    fields.tm_hour = 0
    fields.tm_isdst = -1
    return mktime(&fields)
  }
}
