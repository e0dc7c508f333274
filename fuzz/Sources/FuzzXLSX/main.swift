// libFuzzer entry point: evidence as an .xlsx workbook (zip → XLSXWorkbook → XLSXSheetReader → the CSV
// decoder; see FuzzPipeline and docs/fuzzing.md). libFuzzer supplies main(); SwiftPM renames this module's
// own entry point when building with --sanitize=fuzzer.
import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  FuzzPipeline.evidence(FuzzPipeline.bytes(data, size), syntax: .xlsx)
  return 0
}
