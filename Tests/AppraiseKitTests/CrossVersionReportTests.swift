import AppraisalModel
import AppraiseKit
import EvidenceParsers
import Foundation
import TestSupport
import Testing

/// The cross-version report: Company A's V1.3 appraisal after the change (rated through ``AppraisalRater``)
/// beside a small V3.0 capability appraisal built in code (IRP, CONT, SDM, STSM, GOV, II of the Services
/// view), through the bundled crosswalk.
@Suite("Cross-version report (V1.3 beside V3.0, approximate)")
struct CrossVersionReportTests {
  static let v3Catalog = try! PracticeAreaCatalogReader.loadBundled()

  /// IRP FM up to level 2; CONT FM at level 1, PM at level 2; SDM 1.1 DM; STSM 1.1 not characterized (Not
  /// Rated); GOV FM up to level 2; II FM at level 1 only.
  static func v3Appraisal() -> CMMI3Appraisal {
    func practices(_ area: String, _ level: Int) -> [String] {
      v3Catalog.practiceArea(area)!.group(level: level)!.practices.map(\.id)
    }
    func inputs(
      _ ids: [String], _ artifact: CMMI3PracticeInput.Value, _ affirmation: CMMI3PracticeInput.Value,
      weakness: String? = nil
    )
      -> [CMMI3PracticeInput]
    {
      ids.flatMap { id in
        ["P1", "P2"].map {
          CMMI3PracticeInput(
            practice: id, project: $0, artifact: artifact, affirmation: affirmation,
            weaknesses: weakness.map { [.init($0)] } ?? [])
        }
      }
    }
    var appraisal = CMMI3Appraisal(
      header: .init(
        id: "company-a-v3", name: "Company A V3.0 gap analysis", organizationalUnit: "Company A web services",
        date: "2024-05-02"),
      type: .benchmark, representation: .capability, view: "Services", target: .init(level: 2),
      projects: [
        .init(id: "P1", name: "Web shop", organizationalProcesses: ["OP1"]),
        .init(id: "P2", name: "Hosting", organizationalProcesses: ["OP1"]),
      ],
      organizationalProcesses: [.init(id: "OP1", name: "Service management process")],
      practiceInputs: inputs(practices("IRP", 1) + practices("IRP", 2), .yes, .yes)
        + inputs(practices("CONT", 1), .yes, .yes)
        + inputs(practices("CONT", 2), .yes, .no, weakness: "continuity plan not tested")
        + inputs(practices("SDM", 1), .no, .no) + inputs(practices("SDM", 2), .yes, .yes)
        + inputs(Array(practices("STSM", 1).dropFirst()), .yes, .yes) + inputs(practices("STSM", 2), .yes, .yes),
      organizationalProcessValues: (practices("GOV", 1) + practices("GOV", 2) + practices("II", 1)).map {
        OrganizationalProcessValue(practice: $0, process: "OP1", value: .fullyMeets)
      })
    appraisal.selectedAreas = ["IRP", "CONT", "SDM", "STSM", "GOV", "II"]
    return appraisal
  }

  static func comparison() throws -> CrossVersionComparison {
    let (catalog, _) = try AppraisalPipeline.loadCatalog()
    let loaded = try AppraisalPipeline.read(path: Golden.url("fixtures/company-a/after.xml").path, catalog: catalog)
    let v13 = AppraisalRater.rate(loaded.appraisal, catalog: catalog)
    let appraisal = v3Appraisal()
    #expect(CMMI3Validator.problems(in: appraisal, catalog: v3Catalog).filter { $0.severity == .error } == [])
    let v3 = CMMI3Rater.rate(appraisal, catalog: v3Catalog)
    return CrossVersionComparison(
      v13: v13, v3Appraisal: appraisal, v3: v3, crosswalk: try ModelCrosswalkReader.loadBundled(), catalog: v3Catalog)
  }

  @Test("each V3.0 area gets the verdict its two sides give")
  func verdicts() throws {
    let comparison = try Self.comparison()
    let verdicts = Dictionary(uniqueKeysWithValues: comparison.v3Rows.map { ($0.practiceArea, $0.verdict.text) })
    #expect(verdicts["IRP"] == "both satisfied at level 1 (compared up to level 1)")
    #expect(verdicts["CONT"] == "V3 satisfied at level 1, V1.3 not (compared up to level 1)")
    #expect(verdicts["SDM"] == "V1.3 satisfied at level 1, V3 not (compared up to level 1)")
    #expect(verdicts["STSM"] == "undetermined at level 1: V3 not rated there (compared up to level 1)")
    #expect(verdicts["GOV"] == "not comparable: no V1.3 counterpart rated")
    #expect(verdicts["VV"] == "not comparable: not rated in the V3 appraisal")
    #expect(comparison.v3Rows.allSatisfy { $0.label == "approximate (derived crosswalk, unverified)" })
    #expect(comparison.v13Rows.allSatisfy { $0.label == "approximate (derived crosswalk, unverified)" })
    #expect(comparison.v3Rows.first { $0.practiceArea == "SDM" }?.sources.map(\.id) == ["SD", "CAM", "SST"])
    #expect(comparison.v13Rows.first { $0.id == "SSD" }?.targets.map(\.practiceArea) == ["TS", "PI", "VV", "PR"])
    #expect(comparison.unmappedV13 == [] && comparison.unmappedV3 == [])
  }

  @Test(
    "every format opens by saying the comparison is approximate, and matches its golden file",
    arguments: CrossVersionReport.formats)
  func golden(format: ReportFormat) throws {
    let report = CrossVersionReport(comparison: try Self.comparison())
    guard case .text(let text) = report.render(format: format) else {
      Issue.record("no text for \(format)")
      return
    }
    let opening = text.split(separator: "\n").prefix(8).joined(separator: "\n")
    #expect(opening.localizedCaseInsensitiveContains("approximate"), "\(format): \(opening)")
    let ext = ["text": "txt", "markdown": "md"][format.rawValue] ?? format.rawValue
    try Golden.check(text, against: "Tests/AppraiseKitTests/Golden/cross-version.\(ext)")
  }

  @Test("xlsx and pdf have no cross-version layout")
  func binaryFormats() throws {
    let report = CrossVersionReport(comparison: try Self.comparison())
    #expect(report.render(format: .xlsx) == nil)
    #expect(report.render(format: .pdf) == nil)
  }
}
