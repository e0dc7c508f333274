// libFuzzer entry point: evidence (first byte: syntax, detail, view) rated and rendered in every report
// format, each checked for well-formedness (see RenderPipeline and docs/fuzzing.md).
// libFuzzer supplies main(); SwiftPM renames this module's own entry point when building with --sanitize=fuzzer.
import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  RenderPipeline.run(FuzzPipeline.bytes(data, size))
  return 0
}
