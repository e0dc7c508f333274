import Foundation
import TestSupport
import Testing

/// `compare` of a SCAMPI V1.3 appraisal with a CMMI V3.0 one, through the built binary.
@Suite("compare across model versions")
struct CrossVersionCommandTests {
  static let v13 = "fixtures/company-a/after.xml"
  static let v3 = "fixtures/cmmi3/services-gap.xml"

  @Test("either order gives the same approximate comparison, area by area, in every text format")
  func bothOrders() throws {
    let forward = try AppraiseRunner.run(["compare", Self.v13, Self.v3])
    #expect(forward.status == 0, "\(forward.stderr)")
    #expect(forward.stdout.hasPrefix("Cross-version comparison (approximate)"))
    #expect(forward.stdout.contains("both satisfied at level 1 (compared up to level 1)"))
    #expect(forward.stderr.contains("warning: the appraisals are of different organizational units"))
    let backward = try AppraiseRunner.run(["compare", Self.v3, Self.v13])
    #expect(backward.status == 0)
    #expect(backward.stdout == forward.stdout)
    for format in ["markdown", "html", "json", "csv"] {
      let result = try AppraiseRunner.run(["compare", Self.v13, Self.v3, "--format", format])
      #expect(result.status == 0, "\(format): \(result.stderr)")
      #expect(result.stdout.lowercased().contains("approximate"), "\(format)")
    }
  }

  @Test("--fail-on follows the after appraisal's method; two V3 files and binary formats are refused")
  func gatesAndRefusals() throws {
    let gate = try AppraiseRunner.run(["compare", Self.v13, Self.v3, "--fail-on", "unsatisfied"])
    #expect(gate.status == 1)
    #expect(gate.stderr.contains("practice groups of \(Self.v3) unsatisfied"))
    let both = try AppraiseRunner.run(["compare", Self.v3, "fixtures/cmmi3/services-gap.json"])
    #expect(both.status == 64)
    #expect(both.stderr.contains("are CMMI V3.0 appraisals"))
    let output = FileManager.default.temporaryDirectory.appendingPathComponent("cross-\(UUID().uuidString).xlsx").path
    let xlsx = try AppraiseRunner.run(["compare", Self.v13, Self.v3, "--format", "xlsx", "--output", output])
    #expect(xlsx.status == 64)
    #expect(xlsx.stderr.contains("a comparison across model versions is written as text, markdown, html, json or csv"))
    #expect(!FileManager.default.fileExists(atPath: output))
  }
}
