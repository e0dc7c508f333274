// libFuzzer entry point: evidence in CSV syntax (see FuzzPipeline and docs/fuzzing.md).
// libFuzzer supplies main(); SwiftPM renames this module's own entry point when building with --sanitize=fuzzer.
import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  FuzzPipeline.streamingEvidence(FuzzPipeline.bytes(data, size), syntax: .csv)
  return 0
}
