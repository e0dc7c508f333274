import Foundation
import TestSupport
import Testing

/// CMMI V3.0 appraisals through the built binary: `validate` and `rate` recognize the file's method, rate it
/// against the structure catalog and report it in every format; what only SCAMPI V1.3 has is refused.
@Suite("rate and validate: CMMI V3.0 appraisals")
struct CMMI3CommandTests {
  static let fixture = "fixtures/cmmi3/services-gap.xml"

  @Test("the Services gap analysis rated, every text format (golden); XML, JSON and CSV give the same report")
  func rateEveryFormat() throws {
    for format in ReportGoldenTests.formats {
      let result = try AppraiseRunner.run(["rate", Self.fixture, "--format", format])
      #expect(result.status == 0, "stderr: \(result.stderr)")
      try ReportGoldenTests.check(result.stdout, "rate-cmmi3.\(ReportGoldenTests.extensions[format]!)")
    }
    // The report names its input (and its digest), so compare the levels and groups only.
    func levels(_ file: String) throws -> String {
      let out = try AppraiseRunner.run(["rate", file]).stdout
      return out.components(separatedBy: "\nLevels\n").last?.components(separatedBy: "\nAppendix").first ?? ""
    }
    let xml = try levels(Self.fixture)
    #expect(!xml.isEmpty)
    #expect(try levels("fixtures/cmmi3/services-gap.json") == xml)
    #expect(try levels("fixtures/cmmi3/services-gap.csv") == xml)
  }

  @Test("FM/LM/PM/DM per project, flagged OU judgments and practice-group ratings are in the JSON report")
  func jsonContent() throws {
    let result = try AppraiseRunner.run(["rate", Self.fixture, "--format", "json"])
    let text = result.stdout
    for value in ["\"FM\"", "\"LM\"", "\"PM\"", "\"DM\"", "\"NY\""] {
      #expect(text.contains(value), "\(value) missing")
    }
    #expect(text.contains("\"judgmentNeeded\" : true") || text.contains("\"judgmentNeeded\": true"))
    #expect(text.contains("\"default\" : true") || text.contains("\"default\": true"))
  }

  @Test("validate says valid with the method; an invalid V3 file exits 65 with every problem located")
  func validate() throws {
    let valid = try AppraiseRunner.run(["validate", Self.fixture, "fixtures/company-a/after.xml"])
    #expect(valid.status == 0, "\(valid.stderr)")
    #expect(valid.stdout.contains("\(Self.fixture): valid (CMMI V2.0/V3.0 appraisal method (CMMI V3.0), Benchmark)"))
    #expect(valid.stdout.contains("fixtures/company-a/after.xml: valid — 3 instantiations"))
    let invalid = try AppraiseRunner.run(["validate", "fixtures/invalid/cmmi3/gov-ny.xml"])
    #expect(invalid.status == 65)
    #expect(invalid.stderr.contains("fixtures/invalid/cmmi3/gov-ny.xml:16: error: NY is not allowed for GOV or II"))
  }

  @Test("--fail-on counts practice groups; an Evaluation rates none; --view itil and --readiness are refused")
  func gatesAndRefusals() throws {
    let gate = try AppraiseRunner.run(["rate", Self.fixture, "--fail-on", "unsatisfied"])
    #expect(gate.status == 1)
    #expect(gate.stderr.contains("--fail-on unsatisfied: 3 practice groups of \(Self.fixture) unsatisfied"))
    let evaluation = try AppraiseRunner.run(["rate", "fixtures/cmmi3/evaluation.xml", "--fail-on", "not-satisfied"])
    #expect(evaluation.status == 0, "\(evaluation.stderr)")
    #expect(evaluation.stdout.contains("No ratings"))
    let view = try AppraiseRunner.run(["rate", Self.fixture, "--view", "itil"])
    #expect(view.status == 64)
    #expect(view.stderr.contains("--view itil rates SCAMPI V1.3 appraisals"))
    let readiness = try AppraiseRunner.run(["validate", "--readiness", Self.fixture])
    #expect(readiness.status == 64)
  }

  @Test("a V1.3 catalog given for a V3 file is refused as the wrong kind of catalog")
  func wrongCatalog() throws {
    let result = try AppraiseRunner.run([
      "rate", Self.fixture, "--catalog", "practice-catalogs/cmmi-svc-1.3.json",
    ])
    #expect(result.status == 65, "\(result.stderr)")
    #expect(!result.stderr.isEmpty)
  }
}

@Suite("commands built on SCAMPI V1.3 refuse a CMMI V3.0 appraisal")
struct CMMI3RefusalTests {
  @Test(
    "plan, trend, template --from and import --merge: exit 64 naming the file",
    arguments: [
      ["plan", CMMI3CommandTests.fixture],
      ["trend", "fixtures/company-a/after.xml", CMMI3CommandTests.fixture],
      ["template", "--from", CMMI3CommandTests.fixture, "--output", "-"],
      [
        "import", "--from", "servicenow", "fixtures/itsm/servicenow/incident.xml", "--merge",
        CMMI3CommandTests.fixture, "--output", "/nonexistent-dir/merged.xml",
      ],
    ])
  func refused(arguments: [String]) throws {
    let result = try AppraiseRunner.run(arguments)
    #expect(result.status == 64, "\(result.stderr)")
    #expect(
      result.stderr.contains("works on SCAMPI V1.3 appraisals; \(CMMI3CommandTests.fixture) is a CMMI V3.0 appraisal"))
    #expect(result.stdout.isEmpty)
  }
}
