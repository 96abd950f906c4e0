// libFuzzer entry point for every fuzz target (FuzzTargets/FuzzTarget.swift).
// Build and run with scripts/fuzz.sh [TARGET] [SECONDS]; by hand:
//
//   swift build --scratch-path .build/fuzz --sanitize=fuzzer --sanitize=address --product wsoa-fuzz
//   WSOA_FUZZ_TARGET=csv .build/fuzz/debug/wsoa-fuzz CORPUS -max_total_time=60
//
// The target comes from WSOA_FUZZ_TARGET (csv, xlsx, recognise, merge).
// Crashers are minimised and committed under fixtures/fuzz/TARGET/, which the
// FuzzReplayTests suite replays.
import FuzzTargets
import Foundation

private let target: FuzzTarget = {
  let name = ProcessInfo.processInfo.environment["WSOA_FUZZ_TARGET"] ?? ""
  guard let target = FuzzTarget(rawValue: name) else {
    let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
    FileHandle.standardError.write(Data("wsoa-fuzz: set WSOA_FUZZ_TARGET to one of \(names)\n".utf8))
    exit(64)
  }
  return target
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  target.run(Array(UnsafeBufferPointer(start: data, count: size)))
  return 0
}
