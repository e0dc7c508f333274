import Foundation
import TestSupport
import Testing

/// Golden files for every report format of `rate`, `compare` and `trend` on the Company A fixtures, produced by the
/// built binary. Re-record with `APPRAISE_RECORD_GOLDEN=1 swift test --filter ReportGoldenTests`: that run
/// writes the files and fails on purpose; the next run without the variable checks them.
@Suite("Report golden files")
struct ReportGoldenTests {
  static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

  /// Checks `actual` against `Golden/name`.
  static func check(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    try Golden.check(
      actual, at: golden.appendingPathComponent(name), named: "Golden/\(name)", recording: Golden.isRecording,
      sourceLocation: sourceLocation)
  }

  static let formats = ["text", "markdown", "json", "csv", "html"]
  static let extensions = ["text": "txt", "markdown": "md", "json": "json", "csv": "csv", "html": "html"]

  @Test("rate, every format", arguments: formats)
  func rate(format: String) throws {
    let result = try AppraiseRunner.run(["rate", "fixtures/company-a/after.xml", "--format", format])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    try Self.check(result.stdout, "rate-after.\(Self.extensions[format]!)")
  }

  @Test("compare, every format", arguments: formats)
  func compare(format: String) throws {
    let result = try AppraiseRunner.run([
      "compare", "fixtures/company-a/before.xml", "fixtures/company-a/after.xml", "--format", format,
    ])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    try Self.check(result.stdout, "compare.\(Self.extensions[format]!)")
  }

  @Test("trend of before, after and later, every format", arguments: formats)
  func trend(format: String) throws {
    let result = try AppraiseRunner.run(
      ["trend"] + ["before", "after", "later"].map { "fixtures/company-a/\($0).xml" } + ["--format", format])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    try Self.check(result.stdout, "trend.\(Self.extensions[format]!)")
  }

  @Test("the sample (every format feature) rated as text")
  func sample() throws {
    let result = try AppraiseRunner.run(["rate", "fixtures/evidence/sample.json"])
    #expect(result.status == 0)
    try Self.check(result.stdout, "rate-sample.txt")
  }

  @Test("rate with the ITIL V2 view, every format", arguments: formats)
  func itilView(format: String) throws {
    let result = try AppraiseRunner.run([
      "rate", "fixtures/company-a/after.xml", "--view", "itil", "--itil", "v2", "--format", format,
    ])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    try Self.check(result.stdout, "rate-after-itil-v2.\(Self.extensions[format]!)")
  }

  @Test("import, then rate with the ITIL 4 view: the end-to-end path from ITSM records")
  func importThenView() throws {
    let evidence = FileManager.default.temporaryDirectory.appendingPathComponent("itil-\(UUID().uuidString).xml").path
    defer { try? FileManager.default.removeItem(atPath: evidence) }
    let imported = try AppraiseRunner.run(
      ["import", "--from", "servicenow"]
        + ["incident", "problem", "change_request"].map { "fixtures/itsm/servicenow/\($0).xml" }
        + ["--output", evidence, "--skip-bad-records"])
    #expect(imported.status == 0, "stderr: \(imported.stderr)")
    let rated = try AppraiseRunner.run(["rate", evidence, "--view", "itil", "--itil", "4"])
    #expect(rated.status == 0, "stderr: \(rated.stderr)")
    try Self.check(rated.stdout.replacingOccurrences(of: evidence, with: "EVIDENCE"), "import-rate-itil-4.txt")
    // Imported records are not "no evidence": the processes they touch wait for a rating; in-scope ones without
    // evidence say so; those linked only to areas out of scope stay unassessed.
    let rows = rated.stdout.split(separator: "\n")
    let incident = try #require(rows.first { $0.hasPrefix("Incident management (service management practice)") })
    #expect(incident.hasSuffix("evidence imported, not yet rated"), "\(incident)")
    let continuity = try #require(rows.first { $0.hasPrefix("Service continuity management") })
    #expect(continuity.hasSuffix("no evidence"), "\(continuity)")
    let portfolio = try #require(rows.first { $0.hasPrefix("Portfolio management") })
    #expect(portfolio.hasSuffix("not assessed"), "\(portfolio)")
    // And the notes say what the goals are waiting for.
    #expect(
      rated.stdout.contains(
        "imported evidence is artifacts only; record affirmations (interviews, questionnaires) for CM, IRP"),
      "\(rated.stdout)")
  }

  @Test("rate with per-instantiation detail summarised, every format", arguments: formats)
  func summary(format: String) throws {
    let result = try AppraiseRunner.run([
      "rate", "fixtures/company-a/after.xml", "--detail", "summary", "--format", format,
    ])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    try Self.check(result.stdout, "rate-after-summary.\(Self.extensions[format]!)")
  }
}
