import Foundation
import Testing

/// Golden-file support for tests: compares text with a committed file. With `APPRAISE_RECORD_GOLDEN=1` it
/// writes the file instead *and fails the test*, so a recording run never passes: run again without the
/// variable to check what was recorded. A missing golden file fails the test (it never passes by default).
enum Golden {
  /// The environment variable that switches to recording.
  static let recordVariable = "APPRAISE_RECORD_GOLDEN"

  /// Whether this run records golden files instead of checking them.
  static var isRecording: Bool { ProcessInfo.processInfo.environment[recordVariable] == "1" }

  /// The repository root, found from this source file's path.
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  static func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

  static func bytes(_ relative: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: url(relative))) }

  /// Checks `actual` against the golden file at `relative` (from the repository root).
  static func check(_ actual: String, against relative: String, sourceLocation: SourceLocation = #_sourceLocation)
    throws
  {
    try check(actual, at: url(relative), named: relative, recording: isRecording, sourceLocation: sourceLocation)
  }

  /// Checks `actual` against `file`, or with `recording` writes it there and records an issue.
  static func check(
    _ actual: String, at file: URL, named name: String, recording: Bool,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    if recording {
      try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
      try actual.write(to: file, atomically: true, encoding: .utf8)
      // Like swift-argument-parser's snapshots: a run that recorded has checked nothing, so it must not pass.
      Issue.record(
        "recorded golden file \(name); run again without \(recordVariable) to check it", sourceLocation: sourceLocation)
      return
    }
    guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
      Issue.record(
        "golden file \(name) is missing; run with \(recordVariable)=1 to record it, then again without it",
        sourceLocation: sourceLocation)
      return
    }
    #expect(actual == expected, "output differs from \(name)", sourceLocation: sourceLocation)
  }
}
