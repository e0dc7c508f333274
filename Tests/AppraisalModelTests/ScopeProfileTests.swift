import AppraisalModel
import Testing

/// A continuous scope's target profile, a staged scope of specific goals only, and reasons for areas out of
/// scope: how the rater uses them and what the validator refuses.
@Suite("Scope: target profile, specific goals only, out-of-scope reasons")
struct ScopeProfileTests {
  static func problems(_ appraisal: Appraisal) -> [String] {
    AppraisalValidator.problems(in: appraisal, catalog: TestModel.catalog).filter { $0.severity == .error }
      .map { "\($0.path): \($0.message)" }
  }

  @Test("each area rates the generic goals up to its own target and is held to it")
  func targetProfile() {
    var appraisal = TestModel.appraisal(areas: ["AA", "BB"], target: .capabilityLevel(2))
    appraisal.scope.areaTargets = [.init(processArea: "BB", level: 1)]
    #expect(Self.problems(appraisal).isEmpty)
    let result = AppraisalRater.rate(appraisal, catalog: TestModel.catalog)
    #expect(result.processArea("AA")?.goals.map(\.goal) == ["SG 1", "SG 2", "GG 2"])
    #expect(result.processArea("BB")?.goals.map(\.goal) == ["SG 1"])
    #expect(result.processArea("AA")?.capability?.level == 2)
    #expect(result.processArea("BB")?.capability?.level == 1)
    #expect(result.processArea("AA")?.targetCapabilityLevel == 2)
    #expect(result.processArea("BB")?.targetCapabilityLevel == 1)
    // BB's GG 2 records are not rated: a note, not a Not Rated goal.
    #expect(result.processArea("BB")?.value == .satisfied)
    #expect(result.notes.contains { $0.hasPrefix("records for practices that are not rated were ignored: BB GP 2.1") })

    // Without the profile BB is held to CL 2 like AA.
    appraisal.scope.areaTargets = []
    #expect(AppraisalRater.rate(appraisal, catalog: TestModel.catalog).processArea("BB")?.goals.count == 2)
  }

  @Test("a target profile is refused outside a continuous scope, for areas not in scope, twice, or above CL 3")
  func targetProfileRefused() {
    var appraisal = TestModel.appraisal(areas: ["AA", "BB"], target: .capabilityLevel(1))
    appraisal.scope.areaTargets = [
      .init(processArea: "CC", level: 2), .init(processArea: "AA", level: 2), .init(processArea: "AA", level: 3),
      .init(processArea: "BB", level: 4),
    ]
    #expect(
      Self.problems(appraisal) == [
        "scope.areaTargets[0].processArea: process area CC is not in the appraisal's scope",
        "scope.areaTargets[2].processArea: process area AA has a second target level",
        "scope.areaTargets[3].level: target level 4; expected 1 to 3 for a process area's target",
      ])
    var staged = TestModel.appraisal(areas: ["AA"], target: .maturityLevel(2))
    staged.scope.areaTargets = [.init(processArea: "AA", level: 2)]
    #expect(
      Self.problems(staged) == [
        "scope.areaTargets[0]: a target level for AA needs the continuous representation; a staged scope has one "
          + "maturity level"
      ])
  }

  @Test("a staged scope of specific goals only rates no generic goal and determines no maturity level")
  func specificGoalsOnly() {
    var appraisal = TestModel.appraisal(areas: ["AA", "BB"], target: .maturityLevel(2))
    appraisal.scope.specificGoalsOnly = true
    #expect(Self.problems(appraisal).isEmpty)
    let result = AppraisalRater.rate(appraisal, catalog: TestModel.catalog)
    #expect(result.maturityLevel == nil)
    #expect(result.processArea("AA")?.goals.allSatisfy { !$0.isGeneric } == true)
    #expect(result.processArea("AA")?.value == .satisfied)

    var continuous = TestModel.appraisal(areas: ["AA"], target: .capabilityLevel(1))
    continuous.scope.specificGoalsOnly = true
    #expect(
      Self.problems(continuous) == [
        "scope.specificGoalsOnly: specific goals only applies to the staged representation; for the continuous "
          + "one, target capability level 1"
      ])
  }

  @Test("an out-of-scope area carries the team's reason; one in scope, not applicable or without a reason is refused")
  func outOfScopeReasons() {
    var appraisal = TestModel.appraisal(areas: ["AA"], target: .capabilityLevel(1))
    appraisal.scope.outOfScope = [.init(processArea: "BB", reason: "run by the parent company")]
    #expect(Self.problems(appraisal).isEmpty)
    let result = AppraisalRater.rate(appraisal, catalog: TestModel.catalog)
    #expect(result.processArea("BB")?.value == .outOfScope)
    #expect(result.processArea("BB")?.reasons == ["out of scope: run by the parent company"])
    #expect(result.processArea("CC")?.reasons == ["not in the appraisal's scope"])

    appraisal.scope.notApplicable = [.init(processArea: "CC", reason: "none")]
    appraisal.scope.outOfScope = [
      .init(processArea: "AA", reason: "x"), .init(processArea: "CC", reason: "y"),
      .init(processArea: "ZZ", reason: "z"),
      .init(processArea: "BB", reason: " "), .init(processArea: "BB", reason: "again"),
    ]
    let problems = Self.problems(appraisal)
    #expect(
      problems.contains(
        "scope.outOfScope[0].processArea: process area AA is given a reason for being out of scope but is listed in the scope's process areas"
      ))
    #expect(
      problems.contains(
        "scope.outOfScope[1].processArea: process area CC is given a reason for being out of scope but is declared not applicable"
      ))
    #expect(problems.contains { $0.hasPrefix("scope.outOfScope[2].processArea: unknown process area \"ZZ\"") })
    #expect(problems.contains("scope.outOfScope[3].reason: the out-of-scope reason for BB is empty"))
    #expect(problems.contains("scope.outOfScope[4].processArea: process area BB is given a second out-of-scope reason"))
  }
}
