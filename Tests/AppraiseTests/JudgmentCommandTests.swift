import Foundation
import TestSupport
import Testing

/// Team judgments through the built binary: a judgment that cannot apply is refused by `validate` and by
/// `rate` (exit 65, the located error of its golden file), and every report format names the values the
/// team may choose from for each aggregation still undecided.
@Suite("Team judgments, end to end")
struct JudgmentCommandTests {
  /// The bad-input corpus's judgment cases (one per error kind and syntax).
  static let fixtures: [String] = {
    let folder = "fixtures/invalid/evidence"
    let names =
      (try? FileManager.default.contentsOfDirectory(atPath: AppraiseRunner.root.appendingPathComponent(folder).path))
      ?? []
    return names.filter { $0.hasPrefix("semantic-judgment-") && !$0.hasSuffix(".expected") }.sorted().map {
      "\(folder)/\($0)"
    }
  }()

  @Test("every judgment error has a case in XML, JSON and CSV")
  func corpus() {
    for kind in [
      "significance-no-weakness", "significance-pi-practice", "aggregation-not-needed", "aggregation-not-allowed",
    ] {
      for syntax in ["xml", "json", "csv"] {
        #expect(
          Self.fixtures.contains("fixtures/invalid/evidence/semantic-judgment-\(kind).\(syntax)"), "\(kind) \(syntax)")
      }
    }
  }

  @Test("validate and rate refuse a judgment that cannot apply: exit 65 and the golden error", arguments: fixtures)
  func refused(path: String) throws {
    let expected = try String(
      contentsOf: AppraiseRunner.root.appendingPathComponent(path + ".expected"), encoding: .utf8)
    for command in ["validate", "rate"] {
      let result = try AppraiseRunner.run([command, path])
      #expect(result.status == 65, "\(command): \(result.stderr)")
      #expect(result.stdout.isEmpty, "\(command)")
      #expect(result.stderr == expected, "\(command)")
    }
  }

  @Test("the messages name the decision, the bad value and the allowed values")
  func messages() throws {
    let folder = "fixtures/invalid/evidence/semantic-judgment-"
    let notAllowed = try AppraiseRunner.run(["rate", folder + "aggregation-not-allowed.csv"])
    #expect(
      notAllowed.stderr.contains(
        ": error: aggregation decision NI for IRP SP 2.2 is not allowed for its instantiation values (1 FI, 1 PI); "
          + "expected one of LI, PI"))
    let noWeakness = try AppraiseRunner.run(["rate", folder + "significance-no-weakness.json"])
    #expect(
      noWeakness.stderr.contains(
        ": error: significance decision for IRP SG 1 does not apply: no weakness is recorded against its practices"))
  }

  /// The sample without its team judgments: IRP SP 2.2 (FI in desk, PI in hosting) needs one.
  static func undecidedSample() throws -> URL {
    let source = AppraiseRunner.root.appendingPathComponent("fixtures/evidence/sample.json")
    var document = try #require(
      JSONSerialization.jsonObject(with: Data(contentsOf: source)) as? [String: Any])
    document["aggregationDecisions"] = nil
    document["significanceDecisions"] = nil
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("undecided-\(UUID().uuidString).json")
    try JSONSerialization.data(withJSONObject: document).write(to: url)
    return url
  }

  @Test(
    "every report format shows the allowed values of an undecided aggregation", arguments: ReportGoldenTests.formats)
  func allowedValuesShown(format: String) throws {
    let file = try Self.undecidedSample()
    defer { try? FileManager.default.removeItem(at: file) }
    let result = try AppraiseRunner.run(["rate", file.path, "--format", format])
    #expect(result.status == 0, "\(result.stderr)")
    switch format {
    case "json":
      let report = try RateCommandTests.json(result.stdout)
      let practices = (report["processAreas"] as? [[String: Any]] ?? []).flatMap { area in
        (area["goals"] as? [[String: Any]] ?? []).flatMap { $0["practices"] as? [[String: Any]] ?? [] }
      }
      let practice = try #require(practices.first { $0["id"] as? String == "IRP SP 2.2" })
      #expect(practice["basis"] as? String == "judgment-needed")
      #expect(practice["allowed"] as? [String] == ["LI", "PI"])
      // A practice decided by rule has no allowed values.
      #expect(practices.first { $0["id"] as? String == "IRP SP 2.1" }?["allowed"] == nil)
    case "csv":
      #expect(result.stdout.contains("\r\njudgmentNeeded,IRP SP 2.2,PI,allowed LI or PI\r\n"))
    default:
      #expect(result.stdout.contains("IRP SP 2.2: PI used until the team decides; allowed LI or PI"))
    }
  }
}
