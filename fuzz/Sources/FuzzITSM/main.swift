// libFuzzer entry point: an ITSM export through `appraise import`'s path, the first byte choosing the
// tool and file type (see ITSMPipeline and docs/fuzzing.md).
// libFuzzer supplies main(); SwiftPM renames this module's own entry point when building with --sanitize=fuzzer.
import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  ITSMPipeline.run(FuzzPipeline.bytes(data, size))
  return 0
}
