// libFuzzer entry point: evidence in XML syntax through the streaming read `appraise rate` uses
// (see FuzzPipeline.streamingXML and docs/fuzzing.md).
// libFuzzer supplies main(); SwiftPM renames this module's own entry point when building with --sanitize=fuzzer.
import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  FuzzPipeline.streamingXML(FuzzPipeline.bytes(data, size))
  return 0
}
