import CLibZip

/// Reads a zip archive (an XLSX package) with libzip, within `ZipLimits`.
///
/// Owns the libzip handle and closes it in `deinit`. Entries are listed once
/// at open; names are looked up ignoring case and `\` vs `/`, and two names
/// that collide that way make the open fail. Entry data is streamed in chunks
/// (`read(_:chunkSize:prefetch:_:)`), counting inflated bytes against the
/// limits as it goes.
///
/// ```swift
/// let zip = try ZipReader(path: "book.xlsx")
/// if let entry = zip.entry(named: "xl/workbook.xml") {
///   try zip.read(entry) { chunk in print(chunk.count) }
/// }
/// ```
///
/// Not `Sendable`: use one reader from one thread at a time.
public final class ZipReader {
  /// The archive's name as the caller gave it, used in every error.
  public let archiveName: String
  /// The limits in force.
  public let limits: ZipLimits
  /// Every entry, in central-directory order.
  public let entries: [ZipEntry]

  let handle: OpaquePointer
  /// The archive's bytes as libzip reads them, counted for the ratio rule.
  let source: CountingSource
  /// Bytes inflated so far over all entries, for `ZipLimits.maxTotalSize`.
  var inflatedTotal = 0
  /// For a sibling, `inflatedTotal` when it was made (what `absorb` leaves out).
  private var siblingBase = 0
  private let byNormalizedName: [String: Int]

  /// Opens the archive at `path`.
  ///
  /// - Parameters:
  ///   - path: The file to open.
  ///   - name: How errors name the file (defaults to `path`).
  ///   - limits: Size and count caps.
  /// - Throws: `ZipError.cannotOpen`, `.encryptedOrLegacyFormat` (an OLE/CFB
  ///   container), `.notAZip`, `.corrupt`, `.tooManyEntries`, `.duplicateEntry`.
  public convenience init(path: String, name: String? = nil, limits: ZipLimits = .default) throws(ZipError) {
    let archive = name ?? path
    let prefix = try LibZipCalls.filePrefix(path: path, archive: archive)
    try Self.checkSignature(prefix, archive: archive)
    try self.init(source: CountingSource(path: path, archive: archive), archive: archive, limits: limits)
  }

  /// Opens an archive held in memory (tests and fuzzing); the bytes are copied.
  ///
  /// - Throws: the same errors as `init(path:name:limits:)`.
  public convenience init(bytes: some Collection<UInt8>, name: String, limits: ZipLimits = .default) throws(ZipError) {
    try Self.checkSignature(bytes, archive: name)
    try self.init(source: CountingSource(bytes: bytes), archive: name, limits: limits)
  }

  private init(source: CountingSource, archive: String, limits: ZipLimits) throws(ZipError) {
    guard let zipSource = source.makeSource() else {
      throw .cannotOpen(archive: archive, reason: "libzip could not create a source (out of memory)")
    }
    var error = zip_error_t()
    zip_error_init(&error)
    defer { zip_error_fini(&error) }
    guard let handle = zip_open_from_source(zipSource, ZIP_RDONLY, &error) else {
      zip_source_free(zipSource)
      throw LibZipCalls.openError(code: zip_error_code_zip(&error), archive: archive)
    }
    self.handle = handle
    self.source = source
    self.archiveName = archive
    self.limits = limits
    do {
      let listed = try Self.listEntries(handle: handle, archive: archive, limits: limits)
      self.entries = listed.entries
      self.byNormalizedName = listed.index
    } catch {
      zip_discard(handle)
      throw error
    }
  }

  deinit {
    zip_discard(handle)
  }

  /// The entry whose name matches ignoring case, `\` vs `/` and a leading `/`.
  public func entry(named name: String) -> ZipEntry? {
    byNormalizedName[ZipEntry.normalizedName(name)].map { entries[$0] }
  }

  /// Bytes inflated so far over all entries read.
  public var totalInflatedBytes: Int { inflatedTotal }

  /// A second reader of the same archive (the same open file, its own libzip
  /// handle), to read another entry on another thread at the same time: a
  /// libzip handle serves one thread.
  ///
  /// Its count of inflated bytes starts from this reader's, so each read
  /// through it is held to `ZipLimits.maxTotalSize` as though it came after
  /// everything read here so far; `absorb(_:)` then adds what it inflated to
  /// this reader's total.
  ///
  /// - Returns: nil for an archive held in memory.
  /// - Throws: `ZipError` when the file cannot be opened again or no longer
  ///   lists the same entries.
  public func sibling() throws(ZipError) -> ZipReader? {
    guard let copy = try source.sibling(archive: archiveName) else { return nil }
    let reader = try ZipReader(source: copy, archive: archiveName, limits: limits)
    guard reader.entries == entries else {
      throw .corrupt(archive: archiveName, reason: "the file changed while it was being read")
    }
    reader.inflatedTotal = inflatedTotal
    reader.siblingBase = inflatedTotal
    return reader
  }

  /// Adds the bytes `siblings` (made by `sibling()`) inflated to this
  /// reader's total, unless the total would pass `ZipLimits.maxTotalSize`.
  ///
  /// - Returns: whether they were added (the total is within the limit).
  public func absorb(_ siblings: [ZipReader]) -> Bool {
    let total = siblings.reduce(inflatedTotal) { $0 + $1.inflatedTotal - $1.siblingBase }
    guard total <= limits.maxTotalSize else { return false }
    inflatedTotal = total
    return true
  }

  private static func checkSignature(_ prefix: some Collection<UInt8>, archive: String) throws(ZipError) {
    switch FileSignature(prefix: prefix) {
    case .zip: return
    case .compoundFile: throw .encryptedOrLegacyFormat(archive: archive)
    case .other: throw .notAZip(archive: archive, reason: FileSignature.describe(prefix: prefix))
    }
  }

  private static func listEntries(
    handle: OpaquePointer, archive: String, limits: ZipLimits
  ) throws(ZipError) -> (entries: [ZipEntry], index: [String: Int]) {
    let count = Int(zip_get_num_entries(handle, 0))
    guard count <= limits.maxEntries else {
      throw .tooManyEntries(archive: archive, count: count, limit: limits.maxEntries)
    }
    var entries: [ZipEntry] = []
    var index: [String: Int] = [:]
    entries.reserveCapacity(count)
    for i in 0..<max(count, 0) {
      var st = zip_stat_t()
      guard zip_stat_index(handle, UInt64(i), 0, &st) == 0, let cName = st.name else {
        throw .corrupt(archive: archive, reason: "cannot read central directory entry \(i)")
      }
      let name = String(cString: cName)
      let entry = ZipEntry(
        index: i, name: name, declaredSize: Int(clamping: st.size), compressedSize: Int(clamping: st.comp_size))
      let key = ZipEntry.normalizedName(name)
      if let other = index[key] {
        throw .duplicateEntry(archive: archive, entry: name, other: entries[other].name)
      }
      index[key] = entries.count
      entries.append(entry)
    }
    return (entries, index)
  }
}
