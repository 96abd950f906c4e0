// libFuzzer entry point for the XLSX reader (../shared/docs/security.md §3):
//
//   swift build --sanitize=fuzzer --sanitize=address --product FuzzXLSX
//   mkdir -p .build/fuzz-corpus && cp fixtures/xlsx/*.xlsx .build/fuzz-corpus/
//   SWIFT_BACKTRACE=enable=no .build/debug/FuzzXLSX .build/fuzz-corpus -max_total_time=60 -max_len=65536
//
// An input starting with "PK" is opened as a whole package; anything else
// becomes the worksheet part of a small stored package, so mutations reach
// the worksheet handler directly. Thrown errors are expected; a trap, a
// sanitizer report or a hang is a bug. Minimised crashers go to
// fixtures/xlsx/fuzz/, which XLSXFormatTests replays.
import TestSupport
import XLSXFormat
import ZipArchive

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXLSX(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  var limits = XLSXLimits()
  limits.zip.maxTotalSize = 64 << 20
  limits.maxCells = 1_000_000
  _ = FuzzInput.read(bytes) { package in
    _ = try XLSXReader(bytes: package, name: "fuzz.xlsx", limits: limits).readWorkbook()
  }
  return 0
}
