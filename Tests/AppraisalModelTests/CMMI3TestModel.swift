import AppraisalModel

/// A small V3-shaped catalog and appraisal builders for the CMMI3 rule tests: AA (levels 1–3), BB (levels
/// 1–2 only, like CM), GOV (levels 1–2, per organizational process), SV (a Services area, levels 1–3) and
/// SAM (optional in the Services view).
enum CMMI3TestModel {
  static func area(_ id: String, _ domain: String, _ counts: [Int]) -> PracticeArea {
    PracticeArea(
      id: id, domain: domain,
      practiceGroups: counts.enumerated().filter { $0.element > 0 }.map { offset, count in
        PracticeGroup(
          level: offset + 1, practices: (1...count).map { PracticeGroup.Practice(id: "\(id) \(offset + 1).\($0)") })
      })
  }

  static let catalog = PracticeAreaCatalog(
    model: .init(id: "CMMI", version: "3.0"),
    practiceAreas: [
      area("AA", "Core", [2, 1, 1]), area("BB", "Core", [1, 1]), area("GOV", "Core", [1, 1]),
      area("SV", "Services", [1, 1, 1]), area("SAM", "Suppliers", [1, 1]),
    ],
    views: [
      .init(id: "Core", practiceAreas: ["AA", "BB", "GOV"]),
      .init(id: "Services", practiceAreas: ["AA", "BB", "GOV", "SV"], optional: ["SAM"]),
    ])

  static let header = CMMI3Appraisal.Header(id: "V3-1", name: "Test", organizationalUnit: "OU", date: "2024-05-02")
  static let projects = [
    CMMI3Appraisal.Project(id: "P1", name: "One", organizationalProcesses: ["OP1"]),
    CMMI3Appraisal.Project(id: "P2", name: "Two", organizationalProcesses: ["OP1", "OP2"]),
  ]
  static let processes = [
    CMMI3Appraisal.OrganizationalProcess(id: "OP1", name: "Standard process"),
    CMMI3Appraisal.OrganizationalProcess(id: "OP2", name: "Tailored process"),
  ]

  /// Practice ids of `area` up to `level`.
  static func practices(_ area: String, upTo level: Int = 5) -> [String] {
    catalog.practiceArea(area)!.practiceGroups.filter { $0.level <= level }.flatMap { $0.practices.map(\.id) }
  }

  /// FM inputs (artifact 1, affirmation 1, no weakness) for `practices` in every project.
  static func fullyMet(_ practices: [String], projects: [String] = ["P1", "P2"]) -> [CMMI3PracticeInput] {
    practices.flatMap { practice in
      projects.map { CMMI3PracticeInput(practice: practice, project: $0, artifact: .yes, affirmation: .yes) }
    }
  }

  /// FM values for GOV `practices` in both organizational processes.
  static func governance(_ practices: [String]) -> [OrganizationalProcessValue] {
    practices.flatMap { practice in
      ["OP1", "OP2"].map { OrganizationalProcessValue(practice: practice, process: $0, value: .fullyMeets) }
    }
  }

  /// A Core-view appraisal in which every practice up to `target` is FM everywhere (per-area targets are not
  /// applied to the inputs).
  static func appraisal(
    type: AppraisalType = .benchmark, representation: CMMI3Appraisal.Representation = .maturity, target: Int = 3,
    areaTargets: [CMMI3Appraisal.Target.AreaTarget] = []
  ) -> CMMI3Appraisal {
    CMMI3Appraisal(
      header: header, type: type, representation: representation, view: "Core",
      target: .init(level: target, practiceAreas: areaTargets), projects: projects, organizationalProcesses: processes,
      practiceInputs: fullyMet(practices("AA", upTo: target) + practices("BB", upTo: target)),
      organizationalProcessValues: governance(practices("GOV", upTo: target)))
  }

  /// An OU value with the given value and `weaknesses` weaknesses (for practice group tests).
  static func ou(_ practice: String, _ value: ProjectCharacterization?, weaknesses: Int = 0) -> CMMI3OUValue {
    let project = CMMI3ProjectValue(
      practice: practice, project: "P1", value: value, basis: .formula, reason: "test",
      weaknesses: (0..<weaknesses).map { CMMI3PracticeInput.Weakness("gap \($0)") })
    return CMMI3OUValue(
      practice: practice, value: value, proposed: value, allowed: value.map { [$0] } ?? [], judgmentNeeded: false,
      reason: "test", projects: [project])
  }
}
