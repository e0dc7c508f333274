import AppraisalModel
import Testing

@Suite("Rule 7 and 8: maturity level and equivalent staging")
struct MaturityLevelRuleTests {
  static let all = ["AA", "BB", "CC", "DD", "EE"]

  @Test("every area FI with GG 2 and GG 3: the target level is reached, staged and equivalent")
  func reachesTarget() {
    let result = AppraisalRater.rate(
      TestModel.appraisal(areas: Self.all, target: .maturityLevel(4)), catalog: TestModel.catalog)
    #expect(result.maturityLevel == MaturityLevelResult(level: 4, target: 4, blockers: []))
    #expect(result.equivalentStaging.level == 5)
    #expect(result.processAreas.allSatisfy { $0.value == .satisfied })
    #expect(result.processAreas.allSatisfy { $0.capability?.level == 3 })
  }

  @Test("an ML 2 target rates GG 2 only and reaches ML 2 with only the ML 2 areas in scope")
  func levelTwo() {
    let result = AppraisalRater.rate(
      TestModel.appraisal(areas: ["AA", "BB"], target: .maturityLevel(2)), catalog: TestModel.catalog)
    #expect(result.maturityLevel?.level == 2)
    #expect(result.processArea("AA")?.goals.map(\.goal) == ["SG 1", "SG 2", "GG 2"])
    #expect(result.equivalentStaging.level == 2)
  }

  @Test("an Unsatisfied ML 2 area keeps the unit at ML 1 and is named as blocker")
  func blockedAtTwo() {
    let appraisal = TestModel.appraisal(
      areas: ["AA", "BB"], target: .maturityLevel(2), overrides: ["BB SP 1.1@u1": .partiallyImplemented])
    let result = AppraisalRater.rate(appraisal, catalog: TestModel.catalog)
    #expect(
      result.maturityLevel
        == MaturityLevelResult(level: 1, target: 2, blockers: [.init(processArea: "BB", reason: "SG 1 Unsatisfied")]))
  }

  @Test("GG 3 is needed on the ML 2 areas for ML 3")
  func genericGoalThreeOnLevelTwoAreas() {
    let appraisal = TestModel.appraisal(
      areas: Self.all, target: .maturityLevel(3), overrides: ["AA GP 3.1@u2": .notImplemented])
    let result = AppraisalRater.rate(appraisal, catalog: TestModel.catalog)
    #expect(result.processArea("AA")?.value == .unsatisfied)
    #expect(
      result.maturityLevel
        == MaturityLevelResult(level: 2, target: 3, blockers: [.init(processArea: "AA", reason: "GG 3 Unsatisfied")]))
    #expect(result.processArea("AA")?.capability?.level == 2)
    #expect(result.equivalentStaging.level == 2)
  }

  @Test("an ML 2 target cannot give ML 3: GG 3 is not rated")
  func targetCapsLevel() {
    let result = AppraisalRater.rate(
      TestModel.appraisal(areas: Self.all, target: .maturityLevel(2)), catalog: TestModel.catalog)
    #expect(result.maturityLevel == MaturityLevelResult(level: 2, target: 2, blockers: []))
    #expect(result.processArea("CC")?.goals.contains { $0.goal == "GG 3" } == false)
  }

  @Test("a Not Applicable area below the target level does not block")
  func notApplicableBelowTarget() {
    let appraisal = TestModel.appraisal(areas: ["AA", "CC", "DD"], target: .maturityLevel(3), notApplicable: ["BB"])
    let result = AppraisalRater.rate(appraisal, catalog: TestModel.catalog)
    #expect(result.processArea("BB")?.value == .notApplicable)
    #expect(result.processArea("BB")?.reasons == ["declared not applicable: no suppliers"])
    #expect(result.maturityLevel?.level == 3)
  }

  @Test("an area out of scope blocks its level")
  func outOfScopeBlocks() {
    let appraisal = TestModel.appraisal(areas: ["AA", "CC", "DD"], target: .maturityLevel(3))
    let result = AppraisalRater.rate(appraisal, catalog: TestModel.catalog)
    #expect(result.processArea("BB")?.value == .outOfScope)
    #expect(
      result.maturityLevel?.blockers == [
        .init(processArea: "BB", reason: "out of scope; ML 2 needs every area at ML 2 or below")
      ])
    #expect(result.maturityLevel?.level == 1)
  }

  @Test("an addition left out is Out of Scope and blocks nothing")
  func additionLeftOut() {
    let appraisal = TestModel.appraisal(areas: ["AA", "BB", "CC"], target: .maturityLevel(3), includesAdditions: false)
    let result = AppraisalRater.rate(appraisal, catalog: TestModel.catalog)
    #expect(result.processArea("DD")?.value == .outOfScope)
    #expect(result.processArea("DD")?.reasons == ["an addition the organization did not select"])
    #expect(result.maturityLevel == MaturityLevelResult(level: 3, target: 3, blockers: []))
  }

  @Test("an addition selected but not rated blocks ML 3")
  func additionSelected() {
    let appraisal = TestModel.appraisal(areas: ["AA", "BB", "CC"], target: .maturityLevel(3))
    let result = AppraisalRater.rate(appraisal, catalog: TestModel.catalog)
    #expect(result.maturityLevel?.level == 2)
    #expect(result.maturityLevel?.blockers.map(\.processArea) == ["DD"])
  }

  @Test("NY everywhere: every goal Not Rated, ML 1, CL 0 undetermined")
  func notYetEverywhere() {
    let appraisal = TestModel.appraisal(areas: ["AA", "BB"], target: .maturityLevel(2), value: .notYet)
    let result = AppraisalRater.rate(appraisal, catalog: TestModel.catalog)
    #expect(result.processAreas.filter(\.isRated).allSatisfy { $0.value == .notRated })
    #expect(result.maturityLevel?.level == 1)
    #expect(
      result.processArea("AA")?.capability
        == CapabilityLevel(level: 0, nextLevelNotRated: true, limitation: "CL 1 undetermined: SG 1 is Not Rated"))
    #expect(
      result.maturityLevel?.blockers.map(\.reason) == [
        "SG 1 Not Rated, SG 2 Not Rated, GG 2 Not Rated", "SG 1 Not Rated, GG 2 Not Rated",
      ])
  }

  @Test("continuous representation: capability profile and equivalent staging, no ML")
  func continuous() {
    let appraisal = TestModel.appraisal(
      areas: ["AA", "BB"], target: .capabilityLevel(2), overrides: ["BB GP 2.1@u1": .partiallyImplemented])
    let result = AppraisalRater.rate(appraisal, catalog: TestModel.catalog)
    #expect(result.maturityLevel == nil)
    #expect(result.processArea("AA")?.capability?.level == 2)
    #expect(result.processArea("BB")?.capability?.level == 1)
    #expect(
      result.equivalentStaging
        == MaturityLevelResult(level: 1, target: 5, blockers: [.init(processArea: "BB", reason: "CL 1; CL 2 needed")]))
  }

  @Test("equivalent staging agrees with the staged rating on the same ratings")
  func equivalentStagingAgrees() {
    for overrides in [[:], ["CC SP 1.2@u1": Characterization.notImplemented], ["AA GP 2.2@u2": .partiallyImplemented]] {
      let result = AppraisalRater.rate(
        TestModel.appraisal(areas: Self.all, target: .maturityLevel(5), overrides: overrides),
        catalog: TestModel.catalog)
      #expect(result.maturityLevel?.level == result.equivalentStaging.level)
    }
  }
}
