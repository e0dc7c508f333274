import AppraisalModel
import AppraiseKit
import EvidenceParsers
import Foundation
import Testing

/// The evidence-trail appendix and the disclosure facts in reports, through the public API.
@Suite("Evidence trail and disclosure facts in reports")
struct EvidenceTrailTests {
  static func path(_ relative: String) -> String { LibraryClientTests.path(relative) }

  static func report(_ file: String, detail: ReportDetail? = nil) throws -> RateReport {
    let (catalog, digest) = try AppraisalPipeline.loadCatalog()
    return try AppraisalPipeline.rate(path: path(file), catalog: catalog, catalogDigest: digest, detail: detail)
  }

  static func text(_ report: RateReport) throws -> String {
    String(decoding: try AppraisalPipeline.render(report, format: .text).bytes, as: UTF8.self)
  }

  @Test("the trail lists the documents behind SCON SP 2.3, affirmations by their record only")
  func sconTrail() throws {
    let report = try Self.report("fixtures/company-a/after.xml")
    let trail = try #require(report.evidenceTrail)
    let scon = trail.cells.filter { $0.practice.description == "SCON SP 2.3" }
    #expect(scon.map(\.instantiation) == ["shop", "payments", "portal"])
    for cell in scon {
      #expect(cell.entries.map(\.id) == cell.entries.map(\.id).sorted())
      let artifact = try #require(cell.entries.first { $0.indicator.isArtifact })
      #expect(artifact.document == "Continuity training attendance records")
      #expect(artifact.url == "https://intranet.company-a.example/docs/scon")
      let affirmation = try #require(cell.entries.first { $0.indicator == .affirmation })
      #expect(affirmation.document == "SCON practitioners group interview, \(cell.instantiation)")
      #expect(affirmation.section == nil && affirmation.version == nil && affirmation.date == nil)
      #expect(affirmation.url == nil)
    }
    let appendix = try #require(try Self.text(report).components(separatedBy: "Appendix A: Evidence trail").last)
    #expect(appendix.contains("Continuity training attendance records"))
    #expect(appendix.contains("SCON practitioners group interview, portal"))
    // Notes are the team's working text, never part of the trail.
    #expect(!appendix.contains("non-attributed summary"))
  }

  @Test("every item of the file is in the trail once, and in the JSON report's items")
  func complete() throws {
    let report = try Self.report("fixtures/company-a/after.xml")
    let trail = try #require(report.evidenceTrail)
    #expect(trail.itemCount == report.appraisal.evidence.count)
    #expect(Set(trail.cells.flatMap { $0.entries.map(\.id) }).count == report.appraisal.evidence.count)
    let json = String(decoding: try AppraisalPipeline.render(report, format: .json).bytes, as: UTF8.self)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let areas = try #require(object["processAreas"] as? [[String: Any]])
    var ids: [String] = []
    for area in areas {
      for goal in area["goals"] as? [[String: Any]] ?? [] {
        for practice in goal["practices"] as? [[String: Any]] ?? [] {
          for unit in practice["instantiations"] as? [[String: Any]] ?? [] {
            ids += (unit["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
          }
        }
      }
    }
    #expect(ids.count == report.appraisal.evidence.count)
  }

  @Test("a summary streams the evidence past and says --detail full lists it; full detail keeps it")
  func summaryAndFull() throws {
    let summary = try Self.report("fixtures/company-a/after.xml", detail: .summary)
    #expect(summary.appraisal.evidence.isEmpty)
    #expect(summary.evidenceTrail == nil)
    let text = try Self.text(summary)
    #expect(text.contains("360 evidence items in 3 instantiations; --detail full lists each"))
    let full = try Self.report("fixtures/company-a/after.xml", detail: .full)
    #expect(full.appraisal.evidence.count == 360)
    // The rating does not depend on how the evidence was read.
    #expect(full.result.processAreas.map(\.value) == summary.result.processAreas.map(\.value))
  }

  @Test("the disclosure facts are in the identification, the executive summary and the findings")
  func disclosure() throws {
    let text = try Self.text(try Self.report("fixtures/company-a/after.xml"))
    #expect(text.contains("Team leader:           Dana Whitfield (lead appraiser, Northbridge Process Consulting)"))
    #expect(text.contains("Population and sample: 40 people in 5 basic units; 3 instantiations sampled"))
    #expect(
      text.contains(
        "Final report; appraised 2011-09-19 to 2011-09-30; team leader Dana Whitfield (lead appraiser, "
          + "Northbridge Process Consulting); sponsor Martina Kessler (head of operations, Company A)."))
    #expect(text.contains("  • SG 2: Continuity training is given to the service staff, but whether it works"))
    #expect(text.contains("Findings outside the model\n  • Process changes are announced by e-mail only"))
  }

  @Test("a file without disclosure facts says so and invents none")
  func noDisclosure() throws {
    let report = try Self.report("fixtures/evidence/sample.xml")
    #expect(report.appraisal.disclosure.isEmpty)
    let text = try Self.text(report)
    #expect(text.contains("No disclosure facts recorded"))
    #expect(!text.contains("Team leader"))
  }

  @Test("compare opens with an executive summary and lists the evidence behind the practices that moved")
  func compareSummary() throws {
    let before = try Self.report("fixtures/company-a/before.xml")
    let after = try Self.report("fixtures/company-a/after.xml")
    let report = AppraisalPipeline.compare(before: before, after: after)
    let text = String(decoding: try AppraisalPipeline.render(report, format: .text).bytes, as: UTF8.self)
    let summary = try #require(text.range(of: "Executive summary"))
    let table = try #require(text.range(of: "Goal satisfaction before and after"))
    #expect(summary.lowerBound < table.lowerBound)
    #expect(text.contains("Goals satisfied: 10 of 18 before, 15 of 18 after; 8 now satisfied, 0 no longer satisfied"))
    #expect(text.contains("Target capability level 1: reached by 3 of 7 process areas before, 4 of 7 after"))
    let appendix = try #require(
      text.components(separatedBy: "Appendix A: Evidence behind the practices that moved").last)
    let moved = Set(report.comparison.transitions.map(\.practice))
    #expect(moved.contains(PracticeReference("SSD", "SP 1.1")))
    #expect(appendix.contains("Stakeholder requirements"))
    // SCON SP 2.3 did not move (PI before and after): its documents are in the rate report, not here.
    #expect(!moved.contains(PracticeReference("SCON", "SP 2.3")))
    #expect(!appendix.contains("Continuity training attendance records"))
  }

  @Test("a streamed XML file with few instantiations keeps its items in the same single pass")
  func keepsSmallSamples() throws {
    let (catalog, _) = try AppraisalPipeline.loadCatalog()
    let file = Self.path("fixtures/company-a/after.xml")
    for (limit, kept) in [(2, false), (3, true)] {
      let counter = AppraisalReader.ReadCounter()
      let loaded = try AppraisalReader.ReadCounter.$current.withValue(counter) {
        try AppraisalReader.read(path: file, catalog: catalog, streaming: true, keepingItemsUpTo: limit)
      }
      #expect(counter.reads == 1)
      #expect(loaded.appraisal.evidence.count == (kept ? 360 : 0))
      #expect((loaded.appraisal.evidenceTally == nil) == kept)
      #expect(loaded.appraisal.evidenceCount == 360)
    }
  }
}
