import Foundation
import Testing

/// `appraise import` end to end on the built binary: the evidence it writes (golden), its located warnings
/// (golden), that the result rates, and its errors.
@Suite("import command")
struct ImportCommandTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  static func fixture(_ name: String) -> String { root.appendingPathComponent("fixtures/itsm/" + name).path }

  static func temporary(_ name: String) -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("import-\(UUID().uuidString)-\(name)").path
  }

  /// Relative file names in messages, so goldens do not depend on the checkout's place.
  static func relative(_ text: String) -> String { text.replacingOccurrences(of: root.path + "/", with: "") }

  @Test(
    "ServiceNow XML and Table API exports become evidence that rates", arguments: ["xml", "json"])
  func serviceNow(syntax: String) throws {
    let output = Self.temporary("servicenow.\(syntax)")
    defer { try? FileManager.default.removeItem(atPath: output) }
    let files = [
      "incident.xml", "problem.xml", "change_request.xml", "task_sla.xml", "kb_knowledge.xml",
      "table-api-incident.json",
    ].map { Self.fixture("servicenow/" + $0) }
    let result = try AppraiseRunner.run(["import", "--from", "servicenow"] + files + ["--output", output])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("50 records"))
    let written = try String(contentsOfFile: output, encoding: .utf8)
    try ReportGoldenTests.check(written, "import-servicenow.\(syntax)")
    try ReportGoldenTests.check(Self.relative(result.stderr), "import-servicenow.warnings.txt")
    #expect(written.contains("imported"))
    let rated = try AppraiseRunner.run(["rate", output, "--format", "json"])
    #expect(rated.status == 0, "\(rated.stderr)")
  }

  @Test("Jira Service Management search JSON and XML issue export")
  func jira() throws {
    for file in ["search.json", "issues.xml"] {
      let output = Self.temporary("jira.xml")
      defer { try? FileManager.default.removeItem(atPath: output) }
      let result = try AppraiseRunner.run([
        "import", "--from", "jira-sm", Self.fixture("jira-sm/" + file), "--output", output,
      ])
      #expect(result.status == 0, "\(file): \(result.stderr)")
      try ReportGoldenTests.check(try String(contentsOfFile: output, encoding: .utf8), "import-jira-\(file).xml")
    }
  }

  @Test("a malformed export is a located error, exit 65, and nothing is written")
  func malformed() throws {
    let output = Self.temporary("bad.xml")
    let result = try AppraiseRunner.run(
      ["import", "--from", "servicenow", Self.fixture("servicenow/incident-malformed.xml"), "--output", output])
    #expect(result.status == 65)
    #expect(result.stderr.contains("incident-malformed.xml:"))
    #expect(!FileManager.default.fileExists(atPath: output))
  }

  @Test("usage errors: unknown tool, wrong output type, output naming an export")
  func usage() throws {
    let file = Self.fixture("servicenow/incident.xml")
    for arguments in [
      ["--from", "remedy9", file, "--output", Self.temporary("x.xml")],
      ["--from", "servicenow", file, "--output", Self.temporary("x.csv")],
      ["--from", "servicenow", file, "--output", file],
    ] {
      let result = try AppraiseRunner.run(["import"] + arguments)
      #expect(result.status == 64, "\(arguments): \(result.stderr)")
    }
  }
}
