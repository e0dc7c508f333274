import Foundation
import Testing

/// Golden files for every report format of `rate` and `compare` on the Company A fixtures, produced by the
/// built binary. Re-record with `APPRAISE_RECORD_GOLDEN=1 swift test --filter ReportGoldenTests`.
@Suite("Report golden files")
struct ReportGoldenTests {
  static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

  static func check(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let file = golden.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["APPRAISE_RECORD_GOLDEN"] == "1" {
      try FileManager.default.createDirectory(at: golden, withIntermediateDirectories: true)
      try Data(actual.utf8).write(to: file)
      return
    }
    // Compared as bytes decoded without Foundation's BOM stripping (the CSV reports start with a BOM).
    guard let data = try? Data(contentsOf: file) else {
      Issue.record("golden file \(name) is missing; run with APPRAISE_RECORD_GOLDEN=1", sourceLocation: sourceLocation)
      return
    }
    let expected = String(decoding: data, as: UTF8.self)
    #expect(actual == expected, "report differs from Golden/\(name)", sourceLocation: sourceLocation)
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

  @Test("the sample (every format feature) rated as text")
  func sample() throws {
    let result = try AppraiseRunner.run(["rate", "fixtures/evidence/sample.json"])
    #expect(result.status == 0)
    try Self.check(result.stdout, "rate-sample.txt")
  }
}
