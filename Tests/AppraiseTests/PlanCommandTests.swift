import Foundation
import TestSupport
import Testing

/// `appraise plan` end to end: golden files for every text format of the Company A "after" plan (and the
/// "before" plan as text), the workbook, the spellings of `--target`, a target reached today, and the usage
/// and input errors.
@Suite("plan")
struct PlanCommandTests {
  static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
  static let after = "fixtures/company-a/after.xml"

  static func check(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    try Golden.check(
      actual, at: golden.appendingPathComponent(name), named: "Golden/\(name)", recording: Golden.isRecording,
      sourceLocation: sourceLocation)
  }

  static let extensions = ["text": "txt", "markdown": "md", "csv": "csv", "json": "json"]

  @Test("plan after.xml --target 'CL 1' in every text format", arguments: ["text", "markdown", "csv", "json"])
  func formats(format: String) throws {
    let result = try AppraiseRunner.run(["plan", Self.after, "--target", "CL 1", "--format", format])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    #expect(result.stderr.isEmpty)
    try Self.check(result.stdout, "plan-after.\(Self.extensions[format]!)")
  }

  @Test("the before file's plan, as text")
  func before() throws {
    let result = try AppraiseRunner.run(["plan", "fixtures/company-a/before.xml", "--target", "CL 1"])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    try Self.check(result.stdout, "plan-before.txt")
    #expect(result.stdout.contains("Check:     reached: carried out and rated again"))
  }

  @Test("every spelling of the target, and none, gives the same plan; so does each syntax of the file")
  func spellings() throws {
    let reference = try AppraiseRunner.run(["plan", Self.after, "--target", "CL 1", "--format", "json"]).stdout
    for spelling in ["CL1", "cl1", "cl 1", " CL 1 "] {
      let run = try AppraiseRunner.run(["plan", Self.after, "--target", spelling, "--format", "json"])
      #expect(run.status == 0)
      #expect(run.stdout == reference, "--target '\(spelling)'")
    }
    #expect(try AppraiseRunner.run(["plan", Self.after, "--format", "json"]).stdout == reference)
    let all = try AppraiseRunner.run([
      "plan", Self.after, "--target", "cl1", "--areas", "cam,IRP,SCON,SD,SSD,SST,STSM", "--format", "json",
    ])
    #expect(all.stdout == reference)
    for syntax in ["json", "csv"] {
      let other = try AppraiseRunner.run([
        "plan", "fixtures/company-a/after.\(syntax)", "--target", "CL 1", "--format", "csv",
      ])
      #expect(other.status == 0)
      let csv = try AppraiseRunner.run(["plan", Self.after, "--target", "CL 1", "--format", "csv"]).stdout
      // Only the file name and its digest differ.
      let rows = { (text: String) in text.split(separator: "\r\n").filter { !$0.hasPrefix("input,appraisal") } }
      #expect(rows(other.stdout) == rows(csv))
    }
  }

  @Test("a target reached today: exit 0, said so, an empty plan")
  func reachedToday() throws {
    let result = try AppraiseRunner.run(["plan", Self.after, "--target", "CL 1", "--areas", "CAM,IRP"])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    #expect(result.stdout.contains("Today:     CL 1 is reached today; nothing to improve"))
    #expect(result.stdout.contains("Action items (0)"))
    let json = try AppraiseRunner.run([
      "plan", Self.after, "--target", "CL 1", "--areas", "CAM,IRP", "--format", "json",
    ])
    let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    #expect((document["items"] as? [Any])?.isEmpty == true)
    #expect((document["today"] as? [String: Any])?["reached"] as? Bool == true)
  }

  @Test("an ML 2 target on the continuous file: the ML 2 areas out of scope are scope changes the check makes")
  func maturityLevel() throws {
    let result = try AppraiseRunner.run(["plan", Self.after, "--target", "ML 2", "--format", "json"])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let changes = try #require(document["scopeChanges"] as? [[String: Any]])
    #expect(changes.compactMap { $0["processArea"] as? String } == ["CM", "MA", "PPQA", "REQM", "SAM", "WMC", "WP"])
    #expect(changes.allSatisfy { $0["owner"] as? String == "" && $0["dueDate"] as? String == "" })
    #expect((document["check"] as? [String: Any])?["reached"] as? Bool == true)
  }

  @Test("the workbook: a ZIP with the Summary and Action plan sheets; openpyxl finds the rows and empty owners")
  func workbook() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("appraise-plan-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let xlsx = folder.appendingPathComponent("plan.xlsx").path
    let json = folder.appendingPathComponent("plan.json").path
    #expect(try AppraiseRunner.run(["plan", Self.after, "--target", "CL 1", "--output", xlsx]).status == 0)
    #expect(try AppraiseRunner.run(["plan", Self.after, "--target", "CL 1", "--output", json]).status == 0)
    let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: xlsx)))
    #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]))
    // Deterministic: the same plan gives the same bytes.
    let again = folder.appendingPathComponent("again.xlsx").path
    #expect(try AppraiseRunner.run(["plan", Self.after, "--output", again]).status == 0)
    #expect(try Data(contentsOf: URL(fileURLWithPath: again)) == Data(bytes))
    guard OptionalTools.openpyxl else {
      print("skipped: python3 with openpyxl not installed (pip install openpyxl)")
      return
    }
    let check = try AppraiseRunner.run(
      ["python3", AppraiseRunner.root.appendingPathComponent("scripts/check-xlsx.py").path, "plan", xlsx, json],
      executable: URL(fileURLWithPath: "/usr/bin/env"))
    #expect(check.status == 0, "scripts/check-xlsx.py plan:\n\(check.stdout)\(check.stderr)")
    #expect(check.stdout.contains("ok: 9 planned cells"))
  }

  @Test(
    "usage errors are 64 and name the value",
    arguments: [
      (["--target", "ML 1"], "--target 'ML 1' is not a target; expected ML 2–ML 5 or CL 1–CL 3"),
      (["--target", "level two"], "--target 'level two' is not a target"),
      (["--target", "ML 2", "--areas", "SCON"], "--areas needs a capability-level target"),
      (["--areas", "SCON"], "--areas needs a capability-level target"),
      (["--target", "CL 1", "--areas", "SCON,SCNO"], "--areas: unknown process area 'SCNO' (did you mean SCON?)"),
      (["--output", "plan.html"], "plan writes no .html files"),
    ])
  func usage(arguments: [String], message: String) throws {
    let result = try AppraiseRunner.run(["plan", Self.after] + arguments)
    #expect(result.status == 64)
    #expect(result.stderr.contains(message), "stderr: \(result.stderr)")
    #expect(result.stdout.isEmpty)
  }

  @Test("an unreadable file is 66, an invalid one 65 with its located errors")
  func inputErrors() throws {
    let missing = try AppraiseRunner.run(["plan", "fixtures/company-a/missing.xml"])
    #expect(missing.status == 66)
    #expect(missing.stderr.contains("fixtures/company-a/missing.xml"))
    let invalid = try AppraiseRunner.run(["plan", "fixtures/invalid/evidence/xml-bad-values.xml"])
    #expect(invalid.status == 65)
    #expect(invalid.stderr.contains("fixtures/invalid/evidence/xml-bad-values.xml:"))
    #expect(invalid.stdout.isEmpty)
  }
}
