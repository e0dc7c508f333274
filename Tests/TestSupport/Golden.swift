// `swift build` (debug or release) builds this target as any other, and only test builds can import
// Testing: elsewhere the golden helper is left out (the runner and optional tools still build).
#if canImport(Testing)
  import Foundation
  import Testing

  /// Golden-file support for every test target: compares text with a committed file. With `APPRAISE_RECORD_GOLDEN=1` it
  /// writes the file instead *and fails the test*, so a recording run never passes: run again without the
  /// variable to check what was recorded. A missing golden file fails the test (it never passes by default).
  public enum Golden {
    /// The environment variable that switches to recording.
    public static let recordVariable = "APPRAISE_RECORD_GOLDEN"

    /// Whether this run records golden files instead of checking them.
    public static var isRecording: Bool { ProcessInfo.processInfo.environment[recordVariable] == "1" }

    /// The repository root, found from this source file's path.
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()

    public static func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    public static func bytes(_ relative: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: url(relative))) }

    /// Checks `actual` against the golden file at `relative` (from the repository root).
    public static func check(
      _ actual: String, against relative: String, sourceLocation: SourceLocation = #_sourceLocation
    )
      throws
    {
      try check(actual, at: url(relative), named: relative, recording: isRecording, sourceLocation: sourceLocation)
    }

    /// Checks `actual` against `file`, or with `recording` writes it there and records an issue.
    public static func check(
      _ actual: String, at file: URL, named name: String, recording: Bool,
      sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
      if recording {
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(actual.utf8).write(to: file)
        // Like swift-argument-parser's snapshots: a run that recorded has checked nothing, so it must not pass.
        Issue.record(
          "recorded golden file \(name); run again without \(recordVariable) to check it",
          sourceLocation: sourceLocation)
        return
      }
      // Compared as bytes decoded without Foundation's BOM stripping (the CSV reports start with a BOM).
      guard let data = try? Data(contentsOf: file) else {
        Issue.record(
          "golden file \(name) is missing; run with \(recordVariable)=1 to record it, then again without it",
          sourceLocation: sourceLocation)
        return
      }
      #expect(
        actual == String(decoding: data, as: UTF8.self), "output differs from \(name)", sourceLocation: sourceLocation)
    }
  }
#endif
