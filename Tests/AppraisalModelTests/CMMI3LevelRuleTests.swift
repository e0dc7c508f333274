import AppraisalModel
import Testing

@Suite("CMMI V3: capability and maturity levels")
struct CMMI3LevelRuleTests {
  typealias G = PracticeGroupRating.Value
  static let catalog = CMMI3TestModel.catalog

  static func groups(_ area: String, _ values: [G]) -> [Int: PracticeGroupRating] {
    Dictionary(
      uniqueKeysWithValues: values.enumerated().map { offset, value in
        (
          offset + 1,
          PracticeGroupRating(
            practiceArea: area, level: offset + 1, value: value, defaultValue: value, allowed: [value], reasons: ["t"],
            practices: [])
        )
      })
  }

  @Test(
    "capability level: the highest level whose group and every lower group are Satisfied",
    arguments: [
      ("AA", [.satisfied, .satisfied, .satisfied], 3, 3, false),
      ("AA", [.satisfied, .unsatisfied, .satisfied], 3, 1, false),
      ("AA", [.satisfied, .notRated, .satisfied], 3, 1, true),
      ("AA", [.unsatisfied, .satisfied, .satisfied], 3, 0, false),
      ("AA", [.satisfied, .satisfied, .satisfied], 2, 2, false),
      ("AA", [.satisfied, .satisfied, .satisfied], 5, 3, false),  // capability appraisals stop at 3
      ("BB", [.satisfied, .satisfied], 3, 2, false),  // no level-3 group: not inferred
    ] as [(String, [G], Int, Int, Bool)])
  func capability(area: String, values: [G], target: Int, expected: Int, notRated: Bool) {
    let level = CMMI3CapabilityLevelRule.level(
      Self.catalog.practiceArea(area)!, groups: Self.groups(area, values), target: target)
    #expect(level.level == expected)
    #expect(level.target == min(target, 3))
    #expect(level.nextLevelNotRated == notRated)
    #expect((level.limitation == nil) == (expected == min(target, 3)))
  }

  @Test("per-area capability targets: each area is rated to its own target")
  func perAreaTargets() {
    let appraisal = CMMI3TestModel.appraisal(
      representation: .capability, target: 3, areaTargets: [.init(practiceArea: "AA", level: 1)])
    #expect(CMMI3Validator.problems(in: appraisal, catalog: Self.catalog).filter { $0.severity == .error }.isEmpty)
    let result = CMMI3Rater.rate(appraisal, catalog: Self.catalog)
    #expect(result.capabilityLevel("AA")?.level == 1)
    #expect(result.capabilityLevel("AA")?.target == 1)
    #expect(result.practiceGroup("AA", level: 2) == nil)
    #expect(result.capabilityLevel("BB")?.level == 2)
    #expect(result.capabilityLevel("GOV")?.level == 2)
    #expect(result.maturityLevel == nil)
    #expect(
      Set(result.flags.filter { $0.kind == .capabilityHighestGroup }.map(\.subject)) == ["BB", "GOV"])
  }

  @Test("a capability target above 3 is an input error, for the appraisal and for an area")
  func capabilityCap() {
    let appraisal = CMMI3TestModel.appraisal(
      representation: .capability, target: 4, areaTargets: [.init(practiceArea: "BB", level: 5)])
    let problems = CMMI3Validator.problems(in: appraisal, catalog: Self.catalog)
    #expect(
      problems.filter { $0.severity == .error }.map(\.path.description) == [
        "target.level", "target.practiceAreas[0].level",
      ])
    #expect(problems.first?.message == "the target level is 4; a capability appraisal rates at most level 3")
  }

  @Test(
    "maturity level: every area satisfied at each level up to N",
    arguments: [
      ([.satisfied, .satisfied, .satisfied], [.satisfied, .satisfied], 3, 3),
      ([.satisfied, .unsatisfied, .satisfied], [.satisfied, .satisfied], 3, 1),
      ([.satisfied, .satisfied, .satisfied], [.satisfied, .notRated], 3, 1),
      ([.notRated, .satisfied, .satisfied], [.satisfied, .satisfied], 3, 0),
      ([.satisfied, .satisfied, .unsatisfied], [.satisfied, .satisfied], 3, 2),
      ([.satisfied, .satisfied, .satisfied], [.satisfied, .satisfied], 2, 2),
    ] as [([G], [G], Int, Int)])
  func maturity(aa: [G], bb: [G], target: Int, expected: Int) {
    let areas = ["AA", "BB"].map { Self.catalog.practiceArea($0)! }
    let level = CMMI3MaturityLevelRule.level(
      areas: areas, groups: ["AA": Self.groups("AA", aa), "BB": Self.groups("BB", bb)], target: target)
    #expect(level.level == expected)
    #expect(level.blockers.isEmpty == (expected == target))
  }

  @Test("an area with no practices at a level counts through its highest group, flagged")
  func inference() {
    let areas = ["AA", "BB"].map { Self.catalog.practiceArea($0)! }
    let groups = [
      "AA": Self.groups("AA", [.satisfied, .satisfied, .satisfied]), "BB": Self.groups("BB", [.satisfied, .satisfied]),
    ]
    let level = CMMI3MaturityLevelRule.level(areas: areas, groups: groups, target: 3)
    #expect(level.inferences == [.init(practiceArea: "BB", maturityLevel: 3, throughLevel: 2)])
    let atTwo = CMMI3MaturityLevelRule.level(areas: areas, groups: groups, target: 2)
    #expect(atTwo.inferences.isEmpty)

    let result = CMMI3Rater.rate(CMMI3TestModel.appraisal(target: 3), catalog: Self.catalog)
    #expect(result.maturityLevel?.level == 3)
    #expect(Set(result.flags.filter { $0.kind == .maturityInference }.map(\.subject)) == ["BB", "GOV"])
  }

  @Test("the blockers of the next level name the area and its group")
  func blockers() {
    var appraisal = CMMI3TestModel.appraisal(target: 3)
    appraisal.practiceInputs.removeAll { $0.practice == "AA 2.1" && $0.project == "P2" }
    let result = CMMI3Rater.rate(appraisal, catalog: Self.catalog)
    #expect(result.maturityLevel?.level == 1)
    #expect(result.maturityLevel?.blockers == [.init(practiceArea: "AA", reason: "level 2 Not Rated")])
  }
}
