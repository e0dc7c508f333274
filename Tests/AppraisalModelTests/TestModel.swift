import AppraisalModel

/// A small in-code model for rule tests: two ML 2 areas, two ML 3 areas (one an addition), one ML 4 area,
/// and GG 1–3.
enum TestModel {
  static let catalog = Catalog(
    model: .init(id: "TEST", version: "1.0", title: "Test model"),
    processAreas: [
      area("AA", level: 2, goals: [("SG 1", ["SP 1.1", "SP 1.2"]), ("SG 2", ["SP 2.1"])]),
      area("BB", level: 2, goals: [("SG 1", ["SP 1.1"])]),
      area("CC", level: 3, goals: [("SG 1", ["SP 1.1", "SP 1.2"])]),
      area("DD", level: 3, goals: [("SG 1", ["SP 1.1"])], addition: true),
      area("EE", level: 4, goals: [("SG 1", ["SP 1.1"])]),
    ],
    genericGoals: [
      GenericGoal(
        id: "GG 1", title: "Achieve", capabilityLevel: 1, practices: [Practice(id: "GP 1.1", title: "Perform")]),
      GenericGoal(
        id: "GG 2", title: "Managed", capabilityLevel: 2,
        practices: [Practice(id: "GP 2.1", title: "Policy"), Practice(id: "GP 2.2", title: "Plan")]),
      GenericGoal(
        id: "GG 3", title: "Defined", capabilityLevel: 3, practices: [Practice(id: "GP 3.1", title: "Defined")]),
    ])

  static func area(
    _ id: String, level: Int, goals: [(String, [String])], addition: Bool = false
  ) -> ProcessArea {
    ProcessArea(
      id: id, name: "Area \(id)", category: "Test", maturityLevel: level, kind: .core, isAddition: addition,
      goals: goals.map { goal in
        Goal(id: goal.0, title: "Goal \(goal.0)", practices: goal.1.map { Practice(id: $0, title: "Practice \($0)") })
      })
  }

  static let header = Appraisal.Header(
    id: "T-1", name: "Test appraisal", organizationalUnit: "Unit", date: "2026-11-23", model: "TEST",
    modelVersion: "1.0")

  static let units = [
    Instantiation(id: "u1", name: "Unit one", kind: .project),
    Instantiation(id: "u2", name: "Unit two", kind: .project),
  ]

  /// An appraisal whose every practice of `areas` (specific, plus generic for `levels`) is characterized
  /// by the team as `value` in every unit, with a weakness where the method expects one; `overrides`
  /// replaces single values: "AA SP 1.1@u1" → value.
  static func appraisal(
    areas: [String], target: RatingTarget, value: Characterization = .fullyImplemented,
    overrides: [String: Characterization] = [:], notApplicable: [String] = [], includesAdditions: Bool = true,
    units: [Instantiation] = units
  ) -> Appraisal {
    var characterizations: [TeamCharacterization] = []
    var observations: [Observation] = []
    for id in areas {
      let area = catalog.processArea(id)!
      let generic = target.ratedGenericLevels.flatMap { catalog.genericGoal(forCapabilityLevel: $0)!.practices }
      for practice in area.goals.flatMap(\.practices) + generic {
        let reference = PracticeReference(id, practice.id)
        for unit in units where unit.examines(id) {
          let chosen = overrides["\(reference)@\(unit.id)"] ?? value
          characterizations.append(TeamCharacterization(practice: reference, instantiation: unit.id, value: chosen))
          if chosen != .fullyImplemented && chosen != .notYet {
            observations.append(.weakness(reference, in: unit.id, "weakness of \(reference) in \(unit.id)"))
          }
        }
      }
    }
    return Appraisal(
      header: header,
      scope: AppraisalScope(
        processAreas: areas, notApplicable: notApplicable.map { .init(processArea: $0, reason: "no suppliers") },
        includesAdditions: includesAdditions),
      target: target, coverage: .disabled, instantiations: units, observations: observations,
      characterizations: characterizations)
  }

  /// An instantiation characterization with the team value `value` (nil = not characterized).
  static func unit(_ id: String, _ value: Characterization?, practice: PracticeReference = .init("AA", "SP 1.1"))
    -> InstantiationCharacterization
  {
    InstantiationCharacterization(
      practice: practice, instantiation: id, team: value, derived: nil, derivation: "test", evidence: EvidenceCounts(),
      weaknesses: value == .largelyImplemented || value == .partiallyImplemented || value == .notImplemented
        ? [.weakness(practice, in: id, "gap in \(id)")] : [])
  }
}
