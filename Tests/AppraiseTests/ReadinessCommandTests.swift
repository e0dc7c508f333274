import Foundation
import TestSupport
import Testing

/// `appraise validate`'s readiness summary and `validate --readiness` in every format, end to end: golden
/// files for the Company A "before" file and the sample (which has goals that would be Not Rated), the CSV
/// and JSON parsed back, and the usage rules of the options.
@Suite("validate: readiness")
struct ReadinessCommandTests {
  static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

  static func check(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    try Golden.check(
      actual, at: golden.appendingPathComponent(name), named: "Golden/\(name)", recording: Golden.isRecording,
      sourceLocation: sourceLocation)
  }

  @Test("validate prints the summary under each valid file's line; the status stays 0")
  func summary() throws {
    let result = try AppraiseRunner.run([
      "validate", "fixtures/company-a/before.xml", "fixtures/company-a/after.xml", "fixtures/evidence/sample.xml",
    ])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    #expect(result.stderr.isEmpty)
    try Self.check(result.stdout, "validate-summary.txt")
    // The same for every syntax of the same appraisal.
    for syntax in ["json", "csv"] {
      let other = try AppraiseRunner.run(["validate", "fixtures/company-a/before.\(syntax)"])
      #expect(other.status == 0)
      #expect(other.stdout.split(separator: "\n").dropFirst() == result.stdout.split(separator: "\n")[1...2])
    }
  }

  static let extensions = ["text": "txt", "csv": "csv", "json": "json"]

  @Test(
    "--readiness in every format", arguments: ["text", "csv", "json"],
    ["fixtures/company-a/before.xml", "fixtures/evidence/sample.xml"])
  func readiness(format: String, file: String) throws {
    let result = try AppraiseRunner.run(["validate", "--readiness", file, "--format", format])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let name = file.hasPrefix("fixtures/company-a") ? "before" : "sample"
    try Self.check(result.stdout, "readiness-\(name).\(Self.extensions[format]!)")
  }

  @Test(
    "the JSON parses, and its counts add up",
    arguments: ["fixtures/company-a/before.xml", "fixtures/evidence/sample.xml"])
  func json(file: String) throws {
    let result = try AppraiseRunner.run(["validate", "--readiness", file, "--format", "json"])
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(document["kind"] as? String == "readiness")
    #expect(document["file"] as? String == file)
    let cells = try #require(document["cells"] as? [String: Any])
    let team = try #require(cells["team"] as? [String: Int])
    let states = ["artifactsAndAffirmations", "artifactsOnly", "affirmationsOnly", "noEvidence"]
    let counted = try states.map { try #require(cells[$0] as? Int) }
    #expect(counted.reduce(0, +) + team.values.reduce(0, +) == cells["total"] as? Int)
    let missing = try #require(document["missingEvidence"] as? [[String: Any]])
    #expect(missing.count == counted[1] + counted[2] + counted[3])
    let goals = try #require(document["goals"] as? [String: Int])
    let notRated = try #require(document["notRatedGoals"] as? [[String: Any]])
    #expect(notRated.count == goals["notRated"])
    #expect(notRated.allSatisfy { ($0["reasons"] as? [Any])?.isEmpty == false })
  }

  /// RFC 4180 records of `text` (the readiness CSV: BOM, CRLF, quoted cells).
  static func records(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var cell = ""
    var quoted = false
    var characters = Array(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
    characters.append("\n")  // ends the last record if the text does not
    var index = 0
    while index < characters.count {
      let character = characters[index]
      if quoted {
        if character == "\"" {
          if index + 1 < characters.count, characters[index + 1] == "\"" {
            cell.append("\"")
            index += 1
          } else {
            quoted = false
          }
        } else {
          cell.append(character)
        }
      } else if character == "\"" {
        quoted = true
      } else if character == "," {
        row.append(cell)
        cell = ""
      } else if character == "\r\n" || character == "\n" {
        row.append(cell)
        if row != [""] { rows.append(row) }
        row = []
        cell = ""
      } else {
        cell.append(character)
      }
      index += 1
    }
    return rows
  }

  @Test("the CSV is one item per row under a header, and agrees with the JSON")
  func csv() throws {
    let file = "fixtures/evidence/sample.xml"
    let csv = try AppraiseRunner.run(["validate", "--readiness", file, "--format", "csv"])
    #expect(
      csv.stdout.hasPrefix(
        "\u{FEFF}item,processArea,goal,practice,instantiation,subgroup,issue,derived,needs,detail\r\n"))
    let rows = Self.records(csv.stdout)
    #expect(rows.allSatisfy { $0.count == 10 })
    let body = rows.dropFirst()
    let json = try AppraiseRunner.run(["validate", "--readiness", file, "--format", "json"])
    let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let missing = try #require(document["missingEvidence"] as? [[String: Any]])
    #expect(body.filter { $0[0] == "cell" }.count == missing.count)
    // Goal rows: one per unit a reason names. The sample's SD goals fail coverage in "front office" (desk).
    let coverage = body.filter { $0[0] == "goal" && $0[6] == "coverage" }
    #expect(coverage.map { "\($0[1]) \($0[2]) \($0[4]) \($0[5])" } == (1...3).map { "SD SG \($0) desk front office" })
    #expect(coverage.first?[9].contains("0 of 1 units provide both artifacts and affirmations") == true)
    let uncharacterized = body.filter { $0[0] == "goal" && $0[6] == "not-characterized" }
    #expect(
      uncharacterized.contains([
        "goal", "IRP", "SG 1", "IRP SP 1.1", "hosting", "", "not-characterized", "", "",
        "nothing recorded: not characterized",
      ]))
    #expect(Set(body.map { $0[0] }) == ["goal", "cell"])
  }

  @Test("--output writes the list atomically in the format its extension names; nothing on stdout")
  func output() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("readiness-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    for format in ["csv", "json", "txt"] {
      let target = folder.appendingPathComponent("todo.\(format)").path
      let result = try AppraiseRunner.run([
        "validate", "--readiness", "fixtures/company-a/before.xml", "--output", target,
      ])
      #expect(result.status == 0, "stderr: \(result.stderr)")
      #expect(result.stdout.isEmpty)
      let name = format == "txt" ? "readiness-before.txt" : "readiness-before.\(format)"
      let written = try String(decoding: Data(contentsOf: URL(fileURLWithPath: target)), as: UTF8.self)
      #expect(
        written == String(decoding: try Data(contentsOf: Self.golden.appendingPathComponent(name)), as: UTF8.self))
    }
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [
        "todo.csv", "todo.json", "todo.txt",
      ])
  }

  @Test(
    "usage and input errors",
    arguments: [
      (["validate", "fixtures/company-a/before.xml", "--format", "csv"], Int32(64), "--format needs --readiness"),
      (["validate", "fixtures/company-a/before.xml", "--output", "x.csv"], 64, "--output needs --readiness"),
      (
        ["validate", "--readiness", "fixtures/company-a/before.xml", "fixtures/company-a/after.xml"], 64,
        "--readiness takes one evidence file; 2 were named"
      ),
      (["validate", "--readiness", "fixtures/company-a/before.xml", "--format", "html"], 64, "html"),
      (
        ["validate", "--readiness", "fixtures/company-a/before.xml", "--output", "/tmp/todo.md"], 64,
        "--readiness writes no .md files"
      ),
      (
        [
          "validate", "--readiness", "fixtures/company-a/before.xml", "--format", "json", "--output",
          "./fixtures/company-a/before.xml",
        ], 64, "is one of the input files"
      ),
      (
        ["validate", "--readiness", "fixtures/invalid/evidence/xml-bad-values.xml"], 65, "xml-bad-values.xml:12: error"
      ),
      (["validate", "--readiness", "no-such.json"], 66, "no-such.json"),
    ] as [([String], Int32, String)])
  func errors(arguments: [String], status: Int32, message: String) throws {
    let result = try AppraiseRunner.run(arguments)
    #expect(result.status == status, "stderr: \(result.stderr)")
    #expect(result.stderr.contains(message), "stderr: \(result.stderr)")
    #expect(result.stdout.isEmpty)
  }
}
