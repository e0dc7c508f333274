import AppraisalModel
import EvidenceParsers
import Foundation
import ITSMImport
import TestSupport
import Testing

@Suite("ITSM import pipeline: mapping, exports, the appraisal to merge into, the appraisal made")
struct ITSMImportPipelineTests {
  static let catalog = try! BundledCatalog.load()

  static func servicenow(_ files: [String]) -> ITSMImportRequest {
    ITSMImportRequest(
      tool: .servicenow, files: files.map { Golden.url("fixtures/itsm/servicenow/\($0)").path }, policy: .skip)
  }

  static func run(_ request: ITSMImportRequest, merging: String? = nil) throws(ITSMImportFailure) -> (
    read: ITSMImport, appraisal: Appraisal
  ) {
    try ITSMImportPipeline.run(request, mergingPath: merging, catalog: catalog, today: "2026-12-07") { _ in }
  }

  @Test("an appraisal to merge into keeps its evidence items, in either syntax", arguments: ["xml", "json"])
  func mergeKeepsEvidence(syntax: String) throws {
    let (_, incidents) = try Self.run(Self.servicenow(["incident.xml"]))
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("merge-\(UUID().uuidString).\(syntax)")
      .path
    defer { try? FileManager.default.removeItem(atPath: path) }
    try Data(ITSMImportPipeline.evidence(incidents, for: path).utf8).write(to: URL(fileURLWithPath: path))
    let (_, problems) = try Self.run(Self.servicenow(["problem.xml"]))
    let (_, merged) = try Self.run(Self.servicenow(["problem.xml"]), merging: path)
    #expect(!incidents.evidence.isEmpty)
    #expect(Set(merged.evidence.map(\.id)) == Set((incidents.evidence + problems.evidence).map(\.id)))
    #expect(merged.header == incidents.header)
  }

  @Test("a mapping or an appraisal to merge into that is missing fails as unreadable, a missing input")
  func unreadable() {
    for (mapping, merging) in [("/nonexistent/rules.json", nil), (nil, "/nonexistent/appraisal.xml")] {
      #expect {
        _ = try ITSMImportPipeline.run(
          Self.servicenow(["problem.xml"]), mappingPath: mapping, mergingPath: merging, catalog: Self.catalog,
          today: "2026-12-07"
        ) { _ in }
      } throws: { error in
        guard let failure = error as? ITSMImportFailure, case .unreadable = failure else { return false }
        return failure.isMissingInput && failure.messages(Self.servicenow([]), output: "o.xml").count == 1
      }
    }
  }

  @Test("failures word themselves in the user's terms")
  func messages() {
    let request = Self.servicenow(["empty.xml"])
    #expect(
      ITSMImportFailure.noRecords.messages(request, output: "o.xml") == [
        "import: no record was read from \(request.files[0]); expected at least one ServiceNow record "
          + "(incident, problem, change, ...); nothing was written"
      ])
    #expect(!ITSMImportFailure.noRecords.isMissingInput)
    let refused = ITSMImportFailure.rejected(files: [], badRecords: 2)
    #expect(refused.messages(request, output: "o.xml").first?.hasPrefix("import: 2 records could not be used") == true)
    let missing = ITSMImportFailure.rejected(files: [.cannotOpen(file: "x.xml", reason: "no such file")], badRecords: 0)
    #expect(missing.isMissingInput)
  }

  @Test(
    "--jira-field values: NAME=customfield_ID, nothing else",
    arguments: [
      ("rootCause=customfield_10040", true), ("rootCause", false), ("a=b=c", false), ("=customfield_1", false),
    ])
  func jiraField(text: String, valid: Bool) {
    #expect((ITSMImportOptions.jiraField(text) != nil) == valid)
  }

  @Test("the evidence syntax follows the output's extension")
  func evidenceSyntax() throws {
    let (_, appraisal) = try Self.run(Self.servicenow(["problem.xml"]))
    #expect(ITSMImportPipeline.evidence(appraisal, for: "out.json").hasPrefix("{"))
    #expect(ITSMImportPipeline.evidence(appraisal, for: "out.xml").hasPrefix("<?xml"))
  }
}
