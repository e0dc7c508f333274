import AppraisalModel
import AppraiseKit
import EvidenceParsers

/// A small CMMI V3.0 gap analysis built in code for the report goldens: the Services view with IRP, CONT,
/// SDM, STSM, GOV and II selected, maturity level 2 targeted, three projects and two organizational
/// processes. Its inputs give every project value (FM, LM, PM, DM, NY, out of scope, not characterized),
/// OU values with and without a judgment needed, a team OU value, a team practice-group decision, a team
/// GOV/II adjustment, and Satisfied, Unsatisfied and Not Rated groups.
enum CMMI3ReportFixture {
  static let catalog = try! PracticeAreaCatalogReader.loadBundled()

  static let inputs = [
    InputDigest(role: "appraisal", path: "services-gap.cmmi3.json", sha256: String(repeating: "a", count: 64)),
    InputDigest(
      role: "catalog", path: "practice-catalogs/cmmi-3.0-structure.json", sha256: String(repeating: "b", count: 64)),
  ]

  static let selected = ["IRP", "CONT", "SDM", "STSM", "GOV", "II"]

  /// Inputs that differ from artifact 1, affirmation 1 and no weakness (FM), by practice and project.
  static let exceptions: [String: (CMMI3PracticeInput.Value, CMMI3PracticeInput.Value, [CMMI3PracticeInput.Weakness])] =
    [
      "IRP 2.2 P1": (.yes, .yes, [.init("Incident categories are not reviewed", id: "W-IRP-1")]),  // LM
      "IRP 2.3 P1": (.yes, .no, [.init("Resolution not confirmed with the requester")]),  // PM
      "CONT 2.1 P1": (.no, .no, [.init("No continuity plan for the service desk", id: "W-CONT-1")]),  // DM
      "SDM 2.4 P2": (.notYet, .notYet, []),  // NY, left out of the OU value
      "SDM 2.5 P1": (.notYet, .notYet, []),
      "SDM 2.5 P2": (.notYet, .notYet, []),
      "SDM 2.5 P3": (.notYet, .notYet, []),  // all NY: OU NY, group Not Rated
    ]

  static func appraisal(type: AppraisalType = .benchmark) -> CMMI3Appraisal {
    let projects = [
      CMMI3Appraisal.Project(id: "P1", name: "Service desk", organizationalProcesses: ["OP1", "OP2"]),
      CMMI3Appraisal.Project(id: "P2", name: "Hosting", organizationalProcesses: ["OP1"]),
      CMMI3Appraisal.Project(id: "P3", name: "Field support", outOfScope: ["CONT"], organizationalProcesses: ["OP2"]),
    ]
    var inputs: [CMMI3PracticeInput] = []
    var processValues: [OrganizationalProcessValue] = []
    for area in catalog.practiceAreas where selected.contains(area.id) {
      for group in area.practiceGroups where group.level <= 2 {
        for practice in group.practices {
          if area.id == "GOV" || area.id == "II" {
            let second: ProjectCharacterization =
              practice.id == "GOV 2.1" ? .largelyMeets : practice.id == "II 2.2" ? .partiallyMeets : .fullyMeets
            processValues.append(.init(practice: practice.id, process: "OP1", value: .fullyMeets))
            processValues.append(
              .init(
                practice: practice.id, process: "OP2", value: second,
                weaknesses: second == .fullyMeets ? [] : [.init("\(practice.id) not followed in OP2")]))
            continue
          }
          for project in projects where project.examines(area.id) {
            // SDM 2.6 in P3: nothing recorded (not characterized).
            if practice.id == "SDM 2.6" && project.id == "P3" { continue }
            let (artifact, affirmation, weaknesses) = exceptions["\(practice.id) \(project.id)"] ?? (.yes, .yes, [])
            inputs.append(
              .init(
                practice: practice.id, project: project.id, artifact: artifact, affirmation: affirmation,
                weaknesses: weaknesses))
          }
        }
      }
    }
    let ratings = type.producesRatings
    var appraisal = CMMI3Appraisal(
      header: .init(
        id: "SVC-GAP-2026", name: "Services gap analysis 2026", organizationalUnit: "Northwind IT Services",
        date: "2026-11-20"),
      type: type, representation: .maturity, view: "Services", target: .init(level: 2), projects: projects,
      organizationalProcesses: [.init(id: "OP1", name: "Governance board"), .init(id: "OP2", name: "Service review")],
      practiceInputs: inputs,
      teamOUValues: ratings
        ? [.init(practice: "CONT 2.1", value: .largelyMeets, justification: "P1's gap is a single missing plan")] : [],
      practiceGroupDecisions: ratings
        ? [
          .init(
            practiceArea: "CONT", level: 2, value: .unsatisfied,
            justification: "the missing continuity plan at P1 is significant")
        ] : [],
      organizationalProcessValues: processValues,
      teamProjectValues: ratings
        ? [
          .init(
            practice: "II 2.2", project: "P1", value: .largelyMeets,
            justification: "P1 follows OP2 only for reporting")
        ] : [])
    appraisal.selectedAreas = selected
    return appraisal
  }

  static func report(type: AppraisalType = .benchmark) -> CMMI3Report {
    CMMI3Report(rating: appraisal(type: type), catalog: catalog, inputs: inputs)
  }

  /// The same appraisal as a capability appraisal: target CL 2, SDM's own target CL 1.
  static func capabilityReport() -> CMMI3Report {
    var appraisal = appraisal()
    appraisal.representation = .capability
    appraisal.target = .init(level: 2, practiceAreas: [.init(practiceArea: "SDM", level: 1)])
    return CMMI3Report(rating: appraisal, catalog: catalog, inputs: inputs)
  }
}
