import Foundation
import TestSupport
import Testing

/// `appraise compare` through the built binary: a provisional Satisfied stays provisional in every format
/// and place, and a comparison that is not like-for-like (another unit, reversed dates, the same appraisal
/// twice) is warned about in the report and on standard error.
@Suite("appraise compare, end to end")
struct CompareCommandTests {
  static let before = "fixtures/company-a/before.xml"
  static let after = "fixtures/company-a/after.xml"

  @Test("a goal rate marks Satisfied (provisional) is provisional in the table and in what moved")
  func provisionalInText() throws {
    let result = try AppraiseRunner.run(["compare", Self.before, Self.after])
    #expect(result.status == 0)
    let rows = result.stdout.split(separator: "\n").map(String.init)
    let sd3 = try #require(rows.first { $0.hasPrefix("  SG 3 Deliver Services") })
    #expect(sd3.contains("✔ Satisfied (provisional)"))
    #expect(
      rows.contains {
        $0.contains("SSD SG 1: Unsatisfied → Satisfied (provisional) — now Satisfied (provisional)")
          && $0.contains("; 3 weaknesses not yet judged for significance")
      })
    // "provisional" once, in the rating, not again in its reason.
    #expect(!result.stdout.contains("provisional: provisional"))
    #expect(!result.stdout.contains("provisional: 3 weaknesses"))
  }

  @Test("markdown, CSV and HTML write Satisfied (provisional) too", arguments: ["markdown", "csv", "html"])
  func provisionalInEveryFormat(format: String) throws {
    let result = try AppraiseRunner.run(["compare", Self.before, Self.after, "--format", format])
    #expect(result.status == 0)
    #expect(result.stdout.contains("Satisfied (provisional)"))
    if format == "csv" {
      #expect(result.stdout.contains("\r\nSD,SG 3,Deliver Services,Satisfied,Satisfied (provisional),yes\r\n"))
    }
  }

  @Test("the JSON table says which goals are provisional")
  func provisionalInJSON() throws {
    let result = try AppraiseRunner.run(["compare", Self.before, Self.after, "--format", "json"])
    let report = try RateCommandTests.json(result.stdout)
    let goals = (report["table"] as? [[String: Any]] ?? []).flatMap { area in
      (area["goals"] as? [[String: Any]] ?? []).map { (area["processArea"] as? String ?? "", $0) }
    }
    let provisional = goals.filter { $0.1["afterProvisional"] as? Bool == true }.map { "\($0.0) \($0.1["id"]!)" }
    #expect(provisional == ["SD SG 3", "SSD SG 1"])
    let sd3 = try #require(goals.first { $0.0 == "SD" && $0.1["id"] as? String == "SG 3" }?.1)
    #expect(sd3["beforeProvisional"] as? Bool == false)
    #expect(sd3["changed"] as? Bool == true)
  }

  static func expectWarning(_ result: AppraiseRunner.Result, _ warning: String) {
    #expect(result.status == 0)
    #expect(result.stderr.contains("warning: \(warning)\n"), "stderr: \(result.stderr)")
    #expect(result.stdout.contains("⚠ \(warning)"))
  }

  @Test("the same appraisal twice is warned about")
  func sameAppraisal() throws {
    Self.expectWarning(
      try AppraiseRunner.run(["compare", Self.after, Self.after]),
      "before and after are the same appraisal (\"company-a-after\", identical content); nothing can have moved — "
        + "name the appraisal before the change first and the one after it second")
  }

  @Test("a before dated after after is warned about")
  func reversedDates() throws {
    let result = try AppraiseRunner.run(["compare", Self.after, Self.before])
    Self.expectWarning(
      result, "before is dated 2011-09-30, after the after appraisal (2010-11-19); are the two files swapped?")
    #expect(!result.stderr.contains("same appraisal"))
  }

  @Test("another organizational unit is warned about, in JSON too")
  func otherUnit() throws {
    let source = AppraiseRunner.root.appendingPathComponent("fixtures/company-a/before.json")
    var document = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: source)) as? [String: Any])
    var header = try #require(document["header"] as? [String: Any])
    header["organizationalUnit"] = "Company B web services"
    document["header"] = header
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("other-unit-\(UUID().uuidString).json")
    try JSONSerialization.data(withJSONObject: document).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    let warning =
      "the organizational units differ: \"Company B web services\" before, \"Company A web services\" after; "
      + "ratings apply only to the unit that was sampled, so the comparison may not show a change of process"
    Self.expectWarning(try AppraiseRunner.run(["compare", url.path, Self.after]), warning)
    let json = try AppraiseRunner.run(["compare", url.path, Self.after, "--format", "json"])
    #expect(try RateCommandTests.json(json.stdout)["warnings"] as? [String] == [warning])
  }
}
