import CLibZip

extension ZipReader {
  /// The default size of the chunks handed to `read`'s body: 256 KiB.
  public static let defaultChunkSize = 256 << 10

  /// Streams an entry's inflated bytes to `body`, one chunk at a time.
  ///
  /// Inflated bytes are counted against `limits` before each chunk is handed
  /// on, so a zip bomb stops within a chunk of the cap. With `prefetch`, a
  /// second thread inflates ahead into a small ring of chunks while `body`
  /// works on the previous one (worth it for large entries on a multi-core
  /// machine); `body` always runs on the calling thread, in order.
  ///
  /// - Parameters:
  ///   - entry: An entry of this archive.
  ///   - chunkSize: The largest chunk handed to `body`.
  ///   - prefetch: Whether to inflate on a second thread; by default, for
  ///     entries that declare more than 1 MiB.
  ///   - body: Called with each chunk; the span is valid only during the call.
  /// - Throws: a `ZipError` for damaged data (bad CRC, truncation), encrypted
  ///   entries or a passed limit, or whatever `body` throws.
  public func read(
    _ entry: ZipEntry, chunkSize: Int = ZipReader.defaultChunkSize, prefetch: Bool? = nil,
    _ body: (Span<UInt8>) throws -> Void
  ) throws {
    let file = try openEntry(entry)
    defer { zip_fclose(file) }
    var meter = InflateMeter(
      archive: archiveName, entry: entry, source: source, limits: limits, totalBefore: inflatedTotal)
    defer { inflatedTotal = meter.totalBefore + meter.inflated }
    let size = max(chunkSize, 4096)
    if prefetch ?? (entry.declaredSize > 1 << 20) {
      let pipeline = InflatePipeline(file: file, chunkSize: size, meter: meter)
      defer { meter = pipeline.meter }
      try pipeline.run(body)
    } else {
      try readSerially(file, entry: entry, chunkSize: size, meter: &meter, body)
    }
  }

  /// Reads a whole entry into memory, within the limits (for small parts and tests).
  ///
  /// - Throws: the same errors as `read(_:chunkSize:prefetch:_:)`.
  public func readAll(_ entry: ZipEntry) throws(ZipError) -> [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(min(entry.declaredSize, 1 << 20))
    do {
      try read(entry, prefetch: false) { chunk in
        chunk.withUnsafeBufferPointer { bytes.append(contentsOf: $0) }
      }
    } catch let error as ZipError {
      throw error
    } catch {
      throw .corruptEntry(archive: archiveName, entry: entry.name, reason: "\(error)")
    }
    return bytes
  }

  /// Whether an entry's data is damaged: reads it to the end without keeping
  /// it, so libzip checks the deflate stream and the CRC.
  ///
  /// For a caller whose parse of an entry failed part-way: damaged bytes
  /// usually break the content before the CRC, checked only at the end, is
  /// reached, and the damage is the better explanation.
  ///
  /// - Returns: the `corruptEntry` error (bad CRC, invalid deflate data,
  ///   premature end), or nil when the entry reads to the end intact (or
  ///   stops for another reason, such as a limit).
  public func damage(of entry: ZipEntry) -> ZipError? {
    do {
      try read(entry, prefetch: false) { _ in }
    } catch let error as ZipError {
      if case .corruptEntry = error { return error }
    } catch {}
    return nil
  }

  private func openEntry(_ entry: ZipEntry) throws(ZipError) -> OpaquePointer {
    guard entry.index < entries.count, entries[entry.index].name == entry.name else {
      throw .entryNotFound(archive: archiveName, entry: entry.name)
    }
    guard let file = zip_fopen_index(handle, UInt64(entry.index), 0) else {
      throw LibZipCalls.entryError(
        code: zip_error_code_zip(zip_get_error(handle)), archive: archiveName, entry: entry.name)
    }
    return file
  }

  private func readSerially(
    _ file: OpaquePointer, entry: ZipEntry, chunkSize: Int, meter: inout InflateMeter,
    _ body: (Span<UInt8>) throws -> Void
  ) throws {
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
    defer { buffer.deallocate() }
    guard let base = buffer.baseAddress else { return }
    while true {
      let count = zip_fread(file, base, UInt64(chunkSize))
      if count < 0 {
        throw LibZipCalls.entryError(
          code: zip_error_code_zip(zip_file_get_error(file)), archive: archiveName, entry: entry.name)
      }
      if count == 0 { return }
      try meter.add(Int(count))
      let bytes = UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: Int(count))
      try body(unsafe Span(_unsafeElements: bytes))
    }
  }
}
