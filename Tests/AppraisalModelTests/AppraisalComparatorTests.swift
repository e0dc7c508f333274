import AppraisalModel
import Testing

@Suite("Before/after comparison")
struct AppraisalComparatorTests {
  static func rate(_ appraisal: Appraisal) -> AppraisalResult {
    AppraisalRater.rate(appraisal, catalog: TestModel.catalog)
  }

  @Test("the same appraisal twice: nothing moved, and a warning says so")
  func unchanged() {
    let result = Self.rate(TestModel.appraisal(areas: ["AA", "BB"], target: .capabilityLevel(1)))
    let comparison = AppraisalComparator.compare(before: result, after: result)
    #expect(comparison.changedGoals.isEmpty)
    #expect(comparison.transitions.isEmpty)
    #expect(
      comparison.warnings == [
        "before and after are the same appraisal (\"T-1\", identical content); nothing can have moved — name the "
          + "appraisal before the change first and the one after it second"
      ])
    #expect(comparison.areas.map(\.processArea) == ["AA", "BB"])
    #expect(comparison.areas[0].goals.map(\.goal) == ["SG 1", "SG 2"])
  }

  @Test("a goal that moved, its practice transition, and weaknesses closed and new")
  func moved() {
    let before = Self.rate(
      TestModel.appraisal(
        areas: ["AA", "BB"], target: .capabilityLevel(1), overrides: ["AA SP 2.1@u1": .notImplemented]))
    let after = Self.rate(
      TestModel.appraisal(
        areas: ["AA", "BB"], target: .capabilityLevel(1), overrides: ["BB SP 1.1@u2": .largelyImplemented]))
    let comparison = AppraisalComparator.compare(before: before, after: after)
    #expect(
      comparison.changedGoals.map { "\($0.processArea) \($0.goal) \($0.beforeLabel)→\($0.afterLabel)" } == [
        "AA SG 2 Unsatisfied→Satisfied", "BB SG 1 Satisfied→Satisfied (provisional)",
      ])
    #expect(
      comparison.transitions == [
        .init(practice: .init("AA", "SP 2.1"), before: .partiallyImplemented, after: .fullyImplemented),
        .init(practice: .init("BB", "SP 1.1"), before: .fullyImplemented, after: .largelyImplemented),
      ])
    #expect(comparison.closedWeaknesses.map(\.text) == ["weakness of AA SP 2.1 in u1"])
    #expect(comparison.newWeaknesses.map(\.text) == ["weakness of BB SP 1.1 in u2"])
    #expect(comparison.changedAreas.map(\.processArea) == ["AA"])
  }

  @Test("two appraisals of the same unit, in date order, that differ: no warning")
  func comparable() {
    let before = TestModel.appraisal(areas: ["AA"], target: .capabilityLevel(1))
    var after = TestModel.appraisal(areas: ["AA"], target: .capabilityLevel(1), overrides: ["AA SP 1.1@u1": .notYet])
    after.header.date = "2027-01-15"
    #expect(AppraisalComparator.compare(before: Self.rate(before), after: Self.rate(after)).warnings.isEmpty)
  }

  @Test("a different organizational unit and a before dated after after are warned about")
  func unitAndDates() {
    var before = TestModel.appraisal(areas: ["AA"], target: .capabilityLevel(1))
    before.header.organizationalUnit = "Operations Zürich"
    before.header.date = "2027-03-01"
    let after = TestModel.appraisal(areas: ["AA"], target: .capabilityLevel(1), value: .largelyImplemented)
    let comparison = AppraisalComparator.compare(before: Self.rate(before), after: Self.rate(after))
    #expect(
      comparison.warnings == [
        "the organizational units differ: \"Operations Zürich\" before, \"Unit\" after; ratings apply only to the "
          + "unit that was sampled, so the comparison may not show a change of process",
        "before is dated 2027-03-01, after the after appraisal (2026-11-23); are the two files swapped?",
      ])
  }

  @Test("a provisional Satisfied stays provisional, and confirming it is a change")
  func provisional() {
    let before = Self.rate(
      TestModel.appraisal(areas: ["AA"], target: .capabilityLevel(1), overrides: ["AA SP 2.1@u1": .largelyImplemented]))
    var decided = TestModel.appraisal(
      areas: ["AA"], target: .capabilityLevel(1), overrides: ["AA SP 2.1@u1": .largelyImplemented])
    decided.header.date = "2027-01-15"
    decided.significanceDecisions = [
      SignificanceDecision(processArea: "AA", goal: "SG 2", significant: false, justification: "cosmetic")
    ]
    let comparison = AppraisalComparator.compare(before: before, after: Self.rate(decided))
    let row = comparison.areas[0].goals.first { $0.goal == "SG 2" }
    #expect(row?.beforeLabel == "Satisfied (provisional)")
    #expect(row?.afterLabel == "Satisfied")
    #expect(row?.beforeIsProvisional == true)
    #expect(row?.afterIsProvisional == false)
    #expect(comparison.changedGoals.map(\.goal) == ["SG 2"])
    // The same provisional goal on both sides has not moved.
    let same = AppraisalComparator.compare(before: before, after: before).areas[0].goals.first { $0.goal == "SG 2" }
    #expect(same?.afterLabel == "Satisfied (provisional)")
    #expect(same?.changed == false)
  }

  @Test("warnings name every difference in setup")
  func warnings() {
    let before = TestModel.appraisal(areas: ["AA", "BB"], target: .capabilityLevel(1))
    var after = TestModel.appraisal(
      areas: ["AA", "CC"], target: .maturityLevel(2), notApplicable: ["BB"], includesAdditions: false,
      units: [TestModel.units[0], Instantiation(id: "u3", name: "Three", kind: .team)])
    after.coverage = .standard
    let comparison = AppraisalComparator.compare(before: Self.rate(before), after: Self.rate(after))
    #expect(
      comparison.warnings == [
        "the rating targets differ: continuous, capability level 1 before, staged, maturity level 2 after",
        "the scope differs — only before: BB; only after: CC",
        "the areas declared not applicable differ — only after: BB",
        "additions (SSD) were included before and left out after",
        "the sample (instantiations) differ — only before: u2; only after: u3",
        "the data-coverage policies differ",
      ])
    // An area only in one appraisal shows as Out of Scope or N/A on the other side.
    #expect(comparison.areas.first { $0.processArea == "BB" }?.after == .notApplicable)
    #expect(comparison.areas.first { $0.processArea == "CC" }?.before == .outOfScope)
  }
}
