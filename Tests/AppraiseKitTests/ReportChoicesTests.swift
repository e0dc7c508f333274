import AppraisalModel
import AppraiseKit
import EvidenceParsers
import Foundation
import Testing

/// The decisions behind the command's report options, as library calls: which goals fail a gate, which
/// output extensions no format writes, what the catalog listing shows, which files a report reads.
@Suite("Report choices: --fail-on, --output extensions, --detail, --itil, catalog listings")
struct ReportChoicesTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  @Test("--fail-on names the goals that trip it; Not Rated trips only not-satisfied")
  func failCondition() throws {
    let (catalog, digest) = try AppraisalPipeline.loadCatalog()
    let report = try AppraisalPipeline.rate(
      path: Self.root.appendingPathComponent("fixtures/company-a/after.xml").path, catalog: catalog,
      catalogDigest: digest)
    let unsatisfied = FailCondition.unsatisfied.trippingGoals(in: report.result)
    let notSatisfied = FailCondition.notSatisfied.trippingGoals(in: report.result)
    #expect(unsatisfied.contains("SCON SG 2"))
    #expect(Set(unsatisfied).isSubset(of: Set(notSatisfied)))
    let message = try #require(FailCondition.unsatisfied.failure(in: report.result, appraisal: "after.xml"))
    #expect(message.hasPrefix("--fail-on unsatisfied: \(unsatisfied.count) goals of after.xml unsatisfied: "))
  }

  @Test(
    "an output extension no format claims is named; a claimed one or none is not",
    arguments: [
      ("report.ods", ".ods"), ("dir.v2/report.docx", ".docx"), ("report.XLSX", nil), ("report.HTML", nil),
      ("report.PDF", nil),
      ("report", nil),
      (".hidden", nil), ("out/report.md", nil),
    ])
  func unclaimedExtension(path: String, expected: String?) {
    #expect(ReportFormat.unclaimedExtension(outputPath: path).map(String.init) == expected)
  }

  @Test("--detail auto has no fixed detail; --itil editions name the mapping's frameworks")
  func choices() {
    #expect(ReportDetail.Choice.auto.fixed == nil)
    #expect(ReportDetail.Choice.summary.fixed == .summary)
    #expect(ITILEdition.allCases.map(\.framework) == ["ITIL V2", "ITIL V3/2011", "ITIL 4"])
  }

  @Test("catalog listings: the overview, an area in any case, a did-you-mean for an unknown id")
  func listing() throws {
    let (catalog, _) = try AppraisalPipeline.loadCatalog()
    #expect(try CatalogListing.listing(nil, in: catalog) == CatalogListing.overview(catalog))
    #expect(try CatalogListing.listing("scon", in: catalog).hasPrefix("SCON — "))
    #expect {
      _ = try CatalogListing.listing("SCNO", in: catalog)
    } throws: { error in
      (error as? CatalogListing.UnknownProcessArea)?.message.hasPrefix("unknown process area \"SCNO\"; did you mean")
        == true
    }
  }

  @Test("a report's input files: the evidence, the catalog named or else the bundled one, a view mapping")
  func inputFiles() {
    #expect(
      AppraisalPipeline.inputFiles(["a.xml"], catalogPath: "c.json", others: ["m.json"]) == [
        "a.xml", "c.json", "m.json",
      ])
    let bundled = AppraisalPipeline.inputFiles(["a.xml", "b.xml"], catalogPath: nil)
    #expect(bundled.prefix(2) == ["a.xml", "b.xml"])
    #expect(bundled.count == 3 && bundled[2].hasSuffix(BundledCatalog.defaultFile))
  }
}
