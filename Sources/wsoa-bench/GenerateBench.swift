import AtomicOutput

/// Writes the synthetic inputs the benchmarks read.
enum GenerateBench {
  /// `generate-tracker-csv OUT [ACTIONS] [SHAPE]`: the tracker-shaped grid as
  /// RFC 4180 CSV; SHAPE is `standard` (the default) or one of `ShapedTracker.shapes`.
  static func trackerCSV(_ args: [String]) throws {
    let usage = "generate-tracker-csv OUT [ACTIONS] [standard|\(ShapedTracker.shapes.keys.sorted().joined(separator: "|"))]"
    guard let path = args.first else { throw BenchError.usage(usage) }
    let actions = args.count > 1 ? Int(args[1]) ?? 100_000 : 100_000
    if args.count > 2, args[2] != "standard" {
      guard let shape = ShapedTracker.shapes[args[2]] else { throw BenchError.usage(usage) }
      let tracker = ShapedTracker(shape: shape, actions: actions)
      try AtomicFile.write(to: path) { sink in
        writeCSVRow(tracker.header, to: sink)
        tracker.forEachRow { writeCSVRow($0, to: sink) }
      }
      return
    }
    let tracker = SyntheticTracker(actions: actions)
    try AtomicFile.write(to: path) { sink in
      writeCSVRow(SyntheticTracker.header, to: sink)
      for i in 0..<actions { writeCSVRow(tracker.row(i), to: sink) }
    }
  }

  /// Minimal RFC 4180 quoting, independent of the product's writer so the
  /// input does not depend on the code under test.
  static func writeCSVRow(_ fields: [String], to sink: ByteSink) {
    for (i, field) in fields.enumerated() {
      if i > 0 { sink.write(byte: UInt8(ascii: ",")) }
      if field.utf8.contains(where: { $0 == 0x22 || $0 == 0x2C || $0 == 0x0A || $0 == 0x0D }) {
        sink.write(byte: 0x22)
        for byte in field.utf8 {
          if byte == 0x22 { sink.write(byte: 0x22) }
          sink.write(byte: byte)
        }
        sink.write(byte: 0x22)
      } else {
        sink.write(field)
      }
    }
    sink.write(byte: 0x0A)
  }
}

/// Why a benchmark could not run.
enum BenchError: Error, CustomStringConvertible {
  case usage(String)
  var description: String {
    switch self {
    case .usage(let text): "usage: wsoa-bench \(text)"
    }
  }
}
