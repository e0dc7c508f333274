import AppraisalModel
import Testing

/// What ``AppraisalRater`` decides itself, around the rules it runs: each area's status from the scope,
/// which goals are rated for the target, which units count for an area, where team decisions go, which
/// results it computes, and the notes on anything it could not use.
@Suite("The rater")
struct AppraisalRaterTests {
  static func rate(_ appraisal: Appraisal, catalog: Catalog = TestModel.catalog) -> AppraisalResult {
    AppraisalRater.rate(appraisal, catalog: catalog)
  }

  // MARK: Status from the scope

  struct StatusCase: Sendable, CustomTestStringConvertible {
    var name: String
    var inScope: [String]
    var notApplicable: [String] = []
    var includesAdditions = true
    var area: String
    var value: ProcessAreaRating.Value
    var reasons: [String]
    var testDescription: String { name }
  }

  static let statuses: [StatusCase] = [
    StatusCase(
      name: "declared not applicable", inScope: ["AA", "CC"], notApplicable: ["BB"], area: "BB",
      value: .notApplicable, reasons: ["declared not applicable: no suppliers"]),
    StatusCase(
      name: "an addition the organization did not select", inScope: ["AA", "BB", "CC"], includesAdditions: false,
      area: "DD", value: .outOfScope, reasons: ["an addition the organization did not select"]),
    StatusCase(
      name: "not applicable wins over an unselected addition", inScope: ["AA"], notApplicable: ["DD"],
      includesAdditions: false, area: "DD", value: .notApplicable, reasons: ["declared not applicable: no suppliers"]),
    StatusCase(
      name: "not in the scope", inScope: ["AA", "BB"], area: "EE", value: .outOfScope,
      reasons: ["not in the appraisal's scope"]),
    StatusCase(
      name: "a selected addition not in the scope", inScope: ["AA"], area: "DD", value: .outOfScope,
      reasons: ["not in the appraisal's scope"]),
    StatusCase(name: "in the scope and rated", inScope: ["AA", "BB"], area: "BB", value: .satisfied, reasons: []),
  ]

  @Test("each area's status from the scope, before any goal", arguments: statuses)
  func status(_ example: StatusCase) {
    let appraisal = TestModel.appraisal(
      areas: example.inScope, target: .maturityLevel(3), notApplicable: example.notApplicable,
      includesAdditions: example.includesAdditions)
    let rating = Self.rate(appraisal).processArea(example.area)
    #expect(rating?.value == example.value)
    #expect(rating?.reasons == example.reasons)
    // Only rated areas carry goals and a capability level.
    #expect(rating?.goals.isEmpty == !(rating?.isRated ?? true))
    #expect((rating?.capability == nil) == !(rating?.isRated ?? true))
  }

  @Test("every catalog area is in the result, in catalog order")
  func everyArea() {
    let result = Self.rate(TestModel.appraisal(areas: ["CC"], target: .capabilityLevel(1)))
    #expect(result.processAreas.map(\.processArea) == ["AA", "BB", "CC", "DD", "EE"])
  }

  // MARK: Goals for the target

  static let targets: [(RatingTarget, [String], Int)] = [
    (.capabilityLevel(1), ["SG 1", "SG 2"], 1),
    (.capabilityLevel(2), ["SG 1", "SG 2", "GG 2"], 2),
    (.capabilityLevel(3), ["SG 1", "SG 2", "GG 2", "GG 3"], 3),
    (.maturityLevel(2), ["SG 1", "SG 2", "GG 2"], 2),
    (.maturityLevel(3), ["SG 1", "SG 2", "GG 2", "GG 3"], 3),
    (.maturityLevel(5), ["SG 1", "SG 2", "GG 2", "GG 3"], 3),
  ]

  @Test("the specific goals, then the generic goals the target rates", arguments: targets)
  func goalsForTarget(target: RatingTarget, goals: [String], capability: Int) {
    let rating = Self.rate(TestModel.appraisal(areas: ["AA"], target: target)).processArea("AA")
    #expect(rating?.goals.map(\.goal) == goals)
    #expect(rating?.goals.map(\.isGeneric) == goals.map { $0.hasPrefix("GG") })
    #expect(rating?.value == .satisfied)
    #expect(rating?.capability?.level == capability)
  }

  @Test("a generic goal the catalog lacks is not rated, and caps the capability level without a limitation")
  func catalogWithoutGenericGoalThree() {
    var catalog = TestModel.catalog
    catalog.genericGoals.removeAll { $0.capabilityLevel == 3 }
    let appraisal = TestModel.appraisal(areas: ["AA"], target: .maturityLevel(2))
    var levelThree = appraisal
    levelThree.target = .maturityLevel(3)
    let rating = Self.rate(levelThree, catalog: catalog).processArea("AA")
    #expect(rating?.goals.map(\.goal) == ["SG 1", "SG 2", "GG 2"])
    #expect(rating?.capability == CapabilityLevel(level: 2))
  }

  @Test("the area's value comes from its specific and generic goals together")
  func genericGoalDecides() {
    let appraisal = TestModel.appraisal(
      areas: ["AA"], target: .maturityLevel(2), overrides: ["AA GP 2.1@u1": .partiallyImplemented])
    let rating = Self.rate(appraisal).processArea("AA")
    #expect(rating?.value == .unsatisfied)
    #expect(rating?.reasons == ["Unsatisfied: GG 2"])
    #expect(rating?.capability == CapabilityLevel(level: 1, limitation: "CL 2 not reached: GG 2 is Unsatisfied"))
  }

  // MARK: Units

  @Test("only the units that examine an area count for it")
  func examiningUnits() {
    let units = [
      Instantiation(id: "u1", name: "One", kind: .project),
      Instantiation(id: "u2", name: "Two", kind: .service, processAreas: ["AA"]),
    ]
    var appraisal = TestModel.appraisal(
      areas: ["AA", "BB"], target: .capabilityLevel(1), overrides: ["AA SP 1.1@u2": .partiallyImplemented],
      units: units)
    // A stray record for an area the unit does not examine (validation refuses it) must not count either.
    appraisal.characterizations.append(
      .init(practice: .init("BB", "SP 1.1"), instantiation: "u2", value: .notImplemented))
    let result = Self.rate(appraisal)
    #expect(result.processArea("BB")?.goal("SG 1")?.practices.first?.instantiations.map(\.instantiation) == ["u1"])
    #expect(result.processArea("BB")?.value == .satisfied)
    #expect(
      result.processArea("AA")?.goal("SG 1")?.practices.first?.instantiations.map(\.instantiation) == ["u1", "u2"])
    #expect(result.processArea("AA")?.value == .unsatisfied)
  }

  @Test("a unit that examines the area but has no record leaves the practice uncharacterized")
  func missingRecord() {
    var appraisal = TestModel.appraisal(areas: ["AA"], target: .capabilityLevel(1))
    appraisal.characterizations.removeAll { $0.practice == .init("AA", "SP 1.1") && $0.instantiation == "u2" }
    let rating = Self.rate(appraisal).processArea("AA")
    #expect(rating?.value == .notRated)
    #expect(rating?.goal("SG 1")?.reasons == ["AA SP 1.1 is not characterized in u2"])
  }

  // MARK: Team decisions

  @Test("an aggregation decision reaches its practice, a significance decision its goal")
  func decisionsRouted() {
    var appraisal = TestModel.appraisal(
      areas: ["AA", "BB"], target: .capabilityLevel(1),
      overrides: ["AA SP 1.1@u1": .partiallyImplemented, "BB SP 1.1@u1": .largelyImplemented])
    appraisal.aggregationDecisions = [
      .init(practice: .init("AA", "SP 1.1"), value: .largelyImplemented, justification: "minor gap")
    ]
    appraisal.significanceDecisions = [
      .init(processArea: "BB", goal: "SG 1", significant: true, justification: "customer-facing")
    ]
    let result = Self.rate(appraisal)
    let aa = result.processArea("AA")?.goal("SG 1")
    #expect(aa?.practices.first?.value == .largelyImplemented)
    #expect(aa?.value == .satisfied)
    #expect(aa?.isProvisional == true)
    // The significance decision is for BB SG 1 only, not for AA SG 1 with the same goal id.
    #expect(result.processArea("BB")?.goal("SG 1")?.value == .unsatisfied)
    #expect(result.processArea("BB")?.goal("SG 1")?.significance?.justification == "customer-facing")
    #expect(aa?.significance == nil)
    #expect(result.notes.isEmpty)
  }

  // MARK: Results

  @Test(
    "a maturity level only for a staged target; equivalent staging always, leaving out excluded areas",
    arguments: [RatingTarget.maturityLevel(4), .capabilityLevel(3)])
  func results(target: RatingTarget) {
    let appraisal = TestModel.appraisal(areas: ["AA", "CC", "EE"], target: target, notApplicable: ["BB"])
    let result = Self.rate(appraisal)
    if case .maturityLevel = target {
      // DD, a selected addition, is out of scope and blocks ML 3.
      #expect(
        result.maturityLevel
          == MaturityLevelResult(
            level: 2, target: 4,
            blockers: [.init(processArea: "DD", reason: "out of scope; ML 3 needs every area at ML 3 or below")]))
    } else {
      #expect(result.maturityLevel == nil)
    }
    #expect(
      result.equivalentStaging
        == MaturityLevelResult(
          level: 2, target: 5,
          blockers: [.init(processArea: "DD", reason: "no capability level: out of scope or not rated")]))
  }

  @Test("an unselected addition is excluded from both maturity levels")
  func unselectedAdditionExcluded() {
    let appraisal = TestModel.appraisal(
      areas: ["AA", "BB", "CC", "EE"], target: .maturityLevel(4), includesAdditions: false)
    let result = Self.rate(appraisal)
    #expect(result.maturityLevel == MaturityLevelResult(level: 4, target: 4, blockers: []))
    #expect(result.equivalentStaging == MaturityLevelResult(level: 5, target: 5, blockers: []))
  }

  // MARK: Notes

  struct NoteCase: Sendable, CustomTestStringConvertible {
    var name: String
    var notes: [String]
    var change: @Sendable (inout Appraisal) -> Void
    var testDescription: String { name }
  }

  static let aa11 = PracticeReference("AA", "SP 1.1")

  static let noteCases: [NoteCase] = [
    NoteCase(name: "nothing unused", notes: []) { _ in },
    NoteCase(
      name: "a record for an area out of scope",
      notes: ["records for practices that are not rated were ignored: EE SP 1.1"]
    ) {
      $0.characterizations.append(.init(practice: .init("EE", "SP 1.1"), instantiation: "u1", value: .notImplemented))
    },
    NoteCase(
      name: "records for a generic goal the target does not rate",
      notes: ["records for practices that are not rated were ignored: AA GP 3.1, BB GP 3.1"]
    ) {
      for area in ["BB", "AA"] {
        $0.characterizations.append(
          .init(practice: .init(area, "GP 3.1"), instantiation: "u1", value: .fullyImplemented))
      }
    },
    NoteCase(
      name: "an aggregation decision for a practice not rated",
      notes: ["team decision for EE SP 1.1 ignored: it was not rated"]
    ) {
      $0.aggregationDecisions = [.init(practice: .init("EE", "SP 1.1"), value: .largelyImplemented, justification: "x")]
    },
    NoteCase(
      name: "a significance decision for a goal not rated",
      notes: ["team decision for AA GG 3 ignored: it was not rated"]
    ) { $0.significanceDecisions = [.init(processArea: "AA", goal: "GG 3", significant: true, justification: "x")] },
    NoteCase(
      name: "an aggregation decision the values leave no room for",
      notes: [
        "team decision for AA SP 1.1 ignored: the instantiation values determine the OU value; "
          + "no team judgment applies"
      ]
    ) { $0.aggregationDecisions = [.init(practice: aa11, value: .largelyImplemented, justification: "x")] },
    NoteCase(
      name: "an LI team value without a weakness",
      notes: [
        "AA SP 1.1 in u1 is characterized LI by the team but carries no weakness; "
          + "SCAMPI expects at least one for LI, PI and NI"
      ]
    ) {
      $0.characterizations[0].value = .largelyImplemented
      $0.observations = [.strength(aa11, in: "u1", "good")]
    },
  ]

  @Test("anything the rater cannot use becomes a note, never a changed rating", arguments: noteCases)
  func notes(_ example: NoteCase) {
    let base = TestModel.appraisal(areas: ["AA", "BB"], target: .maturityLevel(2))
    var appraisal = base
    example.change(&appraisal)
    let result = Self.rate(appraisal)
    #expect(result.notes == example.notes)
    // None of them changes a rating.
    #expect(Self.values(result) == Self.values(Self.rate(base)))
  }

  /// Every area's and goal's value and capability level, in words.
  static func values(_ result: AppraisalResult) -> [String] {
    result.processAreas.map { area in
      "\(area.processArea) \(area.value.rawValue) CL \(area.capability?.level ?? -1): "
        + area.goals.map { "\($0.goal) \($0.value.rawValue)" }.joined(separator: ", ")
    }
  }
}
