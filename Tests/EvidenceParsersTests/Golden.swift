import Foundation
import Testing

/// Golden-file support for tests: compares text with a committed file; `APPRAISE_RECORD_GOLDEN=1`
/// rewrites the file instead. A missing golden file fails the test (it never passes by default).
enum Golden {
  /// The repository root, found from this source file's path.
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  static func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

  static func bytes(_ relative: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: url(relative))) }

  static func check(_ actual: String, against relative: String, sourceLocation: SourceLocation = #_sourceLocation)
    throws
  {
    let file = url(relative)
    if ProcessInfo.processInfo.environment["APPRAISE_RECORD_GOLDEN"] == "1" {
      try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
      try actual.write(to: file, atomically: true, encoding: .utf8)
      return
    }
    guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
      Issue.record(
        "golden file \(relative) is missing; run with APPRAISE_RECORD_GOLDEN=1 to record it",
        sourceLocation: sourceLocation)
      return
    }
    #expect(actual == expected, "output differs from \(relative)", sourceLocation: sourceLocation)
  }
}
