import Foundation
import TestSupport
import Testing

/// The golden helper itself: a recording run writes the file and fails, so it can never pass; a checking
/// run fails on a difference or a missing file. Each failing case runs inside `withKnownIssue`, which
/// itself fails when the expected issue is not recorded. (One helper serves every test target: TestSupport.)
@Suite("Golden-file helper")
struct GoldenTests {
  /// A fresh scratch folder for one test.
  static func scratch() -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("appraise-golden-\(UUID().uuidString)")
  }

  static func comments(_ issue: Issue) -> [String] { issue.comments.map(\.rawValue) }

  /// Starts with a byte order mark, as the CSV reports do: it must survive the round trip.
  static let text = "\u{FEFF}a,b\n"

  @Test(
    "recording writes the file and fails, whether the file is new, already equal or different",
    arguments: [nil, text, "old\n"] as [String?])
  func recordingFails(existing: String?) throws {
    let folder = Self.scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("nested/case.expected")
    if let existing {
      try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
      try existing.write(to: file, atomically: true, encoding: .utf8)
    }
    try withKnownIssue("a recording run must fail") {
      try Golden.check(Self.text, at: file, named: "nested/case.expected", recording: true)
    } matching: { issue in
      Self.comments(issue) == [
        "recorded golden file nested/case.expected; run again without APPRAISE_RECORD_GOLDEN to check it"
      ]
    }
    #expect(try Data(contentsOf: file) == Data(Self.text.utf8))
  }

  @Test("the run after recording checks: the same bytes pass; another text, or the text without its BOM, fails")
  func checkAfterRecording() throws {
    let folder = Self.scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("case.expected")
    withKnownIssue { try Golden.check(Self.text, at: file, named: "case.expected", recording: true) }
    try Golden.check(Self.text, at: file, named: "case.expected", recording: false)
    for other in ["other\n", "a,b\n"] {
      try withKnownIssue("\(other.debugDescription) must fail") {
        try Golden.check(other, at: file, named: "case.expected", recording: false)
      } matching: { issue in
        Self.comments(issue) == ["output differs from case.expected"]
      }
    }
  }

  @Test("a missing golden file fails when checking")
  func missingFails() throws {
    let file = Self.scratch().appendingPathComponent("case.expected")
    try withKnownIssue("a missing file must fail") {
      try Golden.check(Self.text, at: file, named: "case.expected", recording: false)
    } matching: { issue in
      Self.comments(issue) == [
        "golden file case.expected is missing; run with APPRAISE_RECORD_GOLDEN=1 to record it, then again without it"
      ]
    }
    #expect(!FileManager.default.fileExists(atPath: file.path))
  }
}
