import Foundation

/// Phase timings for benchmarks: with `APPRAISE_TIMINGS=1` each measured phase prints
/// `timing: PHASE SECONDS` to stderr (bench/run.sh reads them). Off by default, so reports stay clean.
enum Timings {
  static let enabled = ProcessInfo.processInfo.environment["APPRAISE_TIMINGS"] == "1"

  static func measure<T>(_ phase: String, _ work: () throws -> T) rethrows -> T {
    guard enabled else { return try work() }
    let start = DispatchTime.now().uptimeNanoseconds
    let result = try work()
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    printError("timing: \(phase) \(String(format: "%.4f", seconds))")
    return result
  }
}
