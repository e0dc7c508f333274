import Foundation
import TestSupport
import Testing

@Suite("appraise rate and compare, end to end")
struct RateCommandTests {
  static func json(_ text: String) throws -> [String: Any] {
    try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  /// Goal ids with the given rating in a rate JSON report.
  static func goals(_ report: [String: Any], rated value: String) -> [String] {
    let areas = report["processAreas"] as? [[String: Any]] ?? []
    return areas.flatMap { area in
      (area["goals"] as? [[String: Any]] ?? []).filter { $0["rating"] as? String == value }.map {
        "\(area["id"]!) \($0["id"]!)"
      }
    }
  }

  @Test("the paper's case: the engine derives the published before/after outcome from evidence")
  func paperCase() throws {
    let before = try Self.json(
      try AppraiseRunner.run(["rate", "fixtures/company-a/before.xml", "--format", "json"]).stdout)
    let after = try Self.json(
      try AppraiseRunner.run(["rate", "fixtures/company-a/after.xml", "--format", "json"]).stdout)
    #expect(
      Self.goals(before, rated: "Unsatisfied") == [
        "SCON SG 2", "SCON SG 3", "SSD SG 1", "SSD SG 2", "SSD SG 3", "SST SG 1", "STSM SG 1", "STSM SG 2",
      ])
    #expect(Self.goals(after, rated: "Unsatisfied") == ["SCON SG 2", "SSD SG 3", "STSM SG 1"])
    #expect(Self.goals(after, rated: "Not Rated").isEmpty)
    let compare = try AppraiseRunner.run(["compare", "fixtures/company-a/before.xml", "fixtures/company-a/after.xml"])
    #expect(compare.status == 0)
    #expect(
      compare.stdout.contains(
        "SCON SP 2.3 is PI: continuity training is given but its effectiveness is never evaluated"))
    #expect(compare.stdout.contains("SSD SP 3.2 is NI: peer reviews are not performed"))
    #expect(
      compare.stdout.contains("STSM SP 1.1 is PI: service data is collected but never analysed for strategic needs"))
    #expect(compare.stderr.isEmpty)
  }

  @Test("XML, JSON and CSV evidence give the same report apart from the input files", arguments: ["before", "after"])
  func sameReportFromEverySyntax(stem: String) throws {
    var reports: [String] = []
    for syntax in ["xml", "json", "csv"] {
      let result = try AppraiseRunner.run(["rate", "fixtures/company-a/\(stem).\(syntax)", "--format", "json"])
      #expect(result.status == 0)
      var report = try Self.json(result.stdout)
      report["inputs"] = nil
      reports.append(
        String(decoding: try JSONSerialization.data(withJSONObject: report, options: .sortedKeys), as: UTF8.self))
    }
    #expect(reports[0] == reports[1])
    #expect(reports[1] == reports[2])
  }

  @Test("reports are byte-identical across runs", arguments: ["text", "json", "html", "csv"])
  func deterministic(format: String) throws {
    let args = ["compare", "fixtures/company-a/before.json", "fixtures/company-a/after.csv", "--format", format]
    let first = try AppraiseRunner.run(args)
    let second = try AppraiseRunner.run(args)
    #expect(first.status == 0)
    #expect(first.stdout == second.stdout)
  }

  @Test(
    "every report names the method class, the model, the rules and the input hashes",
    arguments: ["text", "markdown", "json", "csv", "html"])
  func statements(format: String) throws {
    let result = try AppraiseRunner.run(["rate", "fixtures/company-a/after.json", "--format", format])
    #expect(result.status == 0)
    if format == "csv" {
      #expect(result.stdout.hasPrefix("\u{FEFF}processArea,goal,goalRating,practice"))
    }
    #expect(result.stdout.contains("not a SCAMPI A / Benchmark rating"))
    #expect(result.stdout.contains("CMMI-SVC"))
    #expect(result.stdout.contains("Aggregation to the organizational unit"))
    #expect(result.stdout.contains("fixtures/company-a/after.json"))
    #expect(result.stdout.contains(try Self.sha256("fixtures/company-a/after.json")))
  }

  /// The file's SHA-256 as `sha256sum` prints it (an independent implementation).
  static func sha256(_ relative: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["sha256sum", relative]
    process.currentDirectoryURL = AppraiseRunner.root
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return String(output.prefix(64))
  }

  @Test("--output writes the file atomically and prints nothing; the format follows the extension")
  func outputFile() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("appraise-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let target = folder.appendingPathComponent("report.md").path
    let result = try AppraiseRunner.run(["rate", "fixtures/company-a/after.xml", "--output", target])
    #expect(result.status == 0)
    #expect(result.stdout.isEmpty)
    let written = try String(contentsOfFile: target, encoding: .utf8)
    #expect(written.hasPrefix("# Appraisal rating: "))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report.md"])
  }

  @Test("--output - is standard output, in any format; no file named - is made")
  func outputDash() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("appraise-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let after = AppraiseRunner.root.appendingPathComponent("fixtures/company-a/after.xml").path
    let json = try AppraiseRunner.run(["rate", after, "--format", "json", "--output", "-"], directory: folder)
    #expect(json.status == 0)
    #expect(json.stdout.hasPrefix("{"))
    let before = AppraiseRunner.root.appendingPathComponent("fixtures/company-a/before.xml").path
    let compare = try AppraiseRunner.run(["compare", before, after, "-o", "-"], directory: folder)
    #expect(compare.status == 0)
    #expect(compare.stdout.hasPrefix("Before/after comparison"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
  }

  @Test(
    "exit codes",
    arguments: [
      (["rate", "fixtures/company-a/after.xml"], Int32(0)),
      (["rate", "fixtures/company-a/after.xml", "--format", "docx"], 64),
      (["rate"], 64),
      (["rate", "fixtures/invalid/evidence/json-types.json"], 65),
      (["rate", "fixtures/company-a/missing.xml"], 66),
      (["rate", "fixtures/company-a/after.xml", "--output", "/nonexistent-dir/report.txt"], 73),
      (["rate", "fixtures/company-a/after.xml", "--fail-on", "unsatisfied"], 1),
      (["rate", "fixtures/company-a/after.xml", "--fail-on", "never"], 64),
      (["compare", "fixtures/company-a/before.xml", "fixtures/company-a/after.xml", "--fail-on", "unsatisfied"], 1),
      (["validate", "fixtures/company-a/before.xml", "fixtures/evidence/sample.csv"], 0),
      (["validate", "fixtures/company-a/before.xml", "fixtures/invalid/evidence/xml-bad-values.xml"], 65),
      (["validate", "fixtures/invalid/evidence/xml-bad-values.xml", "no-such.json"], 66),
    ] as [([String], Int32)])
  func exitCodes(arguments: [String], status: Int32) throws {
    let result = try AppraiseRunner.run(arguments)
    #expect(result.status == status, "stderr: \(result.stderr)")
    if status != 0 && status != 1 { #expect(!result.stderr.isEmpty) }
  }

  @Test("bad input: located errors on stderr, nothing on stdout, no output file created")
  func badInputNoOutput() throws {
    let target = FileManager.default.temporaryDirectory.appendingPathComponent("appraise-\(UUID().uuidString).json")
      .path
    let result = try AppraiseRunner.run(["rate", "fixtures/invalid/evidence/xml-bad-values.xml", "--output", target])
    #expect(result.status == 65)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.hasPrefix("16 problems in fixtures/invalid/evidence/xml-bad-values.xml:\n"))
    #expect(result.stderr.contains("fixtures/invalid/evidence/xml-bad-values.xml:12: error: indicator is \"document\""))
    #expect(!FileManager.default.fileExists(atPath: target))
  }

  @Test("--output may not name an input")
  func outputIsInput() throws {
    let before = try Data(contentsOf: AppraiseRunner.root.appendingPathComponent("fixtures/company-a/after.xml"))
    let result = try AppraiseRunner.run([
      "rate", "fixtures/company-a/after.xml", "--output", "fixtures/company-a/after.xml",
    ])
    #expect(result.status == 64)
    #expect(result.stderr.contains("--output fixtures/company-a/after.xml is one of the input files"))
    #expect(try Data(contentsOf: AppraiseRunner.root.appendingPathComponent("fixtures/company-a/after.xml")) == before)
  }

  @Test("validate lists every problem of every file and confirms the valid ones")
  func validate() throws {
    let result = try AppraiseRunner.run([
      "validate", "fixtures/company-a/after.csv", "fixtures/invalid/evidence/semantic-references.json",
    ])
    #expect(result.status == 65)
    #expect(
      result.stdout
        == "fixtures/company-a/after.csv: valid — 3 instantiations, 360 evidence items, 17 observations\n"
        + "  readiness: 159 practice × instantiation cells: 156 with artifacts and affirmations, 0 artifacts only, "
        + "0 affirmations only, 2 no evidence, 1 characterized by the team (1 NI)\n"
        + "  would be Not Rated: none of 18 goals\n")
    let expected = try String(
      contentsOf: AppraiseRunner.root.appendingPathComponent(
        "fixtures/invalid/evidence/semantic-references.json.expected"),
      encoding: .utf8)
    #expect(result.stderr == expected)
  }

  @Test("compare warns loudly when the appraisals differ in scope or sample")
  func setupWarning() throws {
    let result = try AppraiseRunner.run(["compare", "fixtures/evidence/sample.xml", "fixtures/company-a/after.xml"])
    #expect(result.status == 0)
    #expect(result.stderr.contains("warning: the scope differs — only after: CAM, SCON, SSD, SST, STSM"))
    #expect(result.stdout.contains("⚠ Warning: the comparison may not be like-for-like"))
    #expect(
      result.stdout.contains(
        "the sample (instantiations) differ — only before: desk, hosting; only after: payments, portal, shop"))
  }
}
