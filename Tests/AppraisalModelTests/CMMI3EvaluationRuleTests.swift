import AppraisalModel
import Testing

@Suite("CMMI V3: Evaluation appraisals (weakness risk, no ratings)")
struct CMMI3EvaluationRuleTests {
  @Test(
    "characterization → weakness risk",
    arguments: [
      (.fullyMeets, .low), (.largelyMeets, .medium), (.partiallyMeets, .high), (.doesNotMeet, .high),
      (.notYet, .notYet), (.outOfScope, nil),
    ] as [(ProjectCharacterization, WeaknessRisk?)])
  func mapping(value: ProjectCharacterization, expected: WeaknessRisk?) {
    #expect(CMMI3EvaluationRule.risk(for: value) == expected)
  }

  @Test(
    "inputs → weakness risk through the formula",
    arguments: [
      (.yes, .yes, false, .low), (.yes, .yes, true, .medium), (.no, .yes, true, .high), (.no, .no, false, .high),
      (.notYet, .notYet, true, .notYet), (.notYet, .yes, false, .high),
    ] as [(CMMI3PracticeInput.Value, CMMI3PracticeInput.Value, Bool, WeaknessRisk)])
  func inputs(
    artifact: CMMI3PracticeInput.Value, affirmation: CMMI3PracticeInput.Value, weakness: Bool, expected: WeaknessRisk
  ) {
    let input = CMMI3PracticeInput(
      practice: "AA 1.1", project: "P1", artifact: artifact, affirmation: affirmation,
      weaknesses: weakness ? [.init("gap")] : [])
    #expect(CMMI3EvaluationRule.risk(input) == expected)
  }

  @Test("an Evaluation gives risk values and no OU values, group ratings or levels")
  func noRatings() {
    var appraisal = CMMI3TestModel.appraisal(type: .evaluation, target: 2)
    appraisal.practiceInputs[0].weaknesses = [.init("gap")]  // AA 1.1 in P1: LM → M
    let result = CMMI3Rater.rate(appraisal, catalog: CMMI3TestModel.catalog)
    #expect(!result.producesRatings)
    #expect(result.projectValue("AA 1.1", "P1")?.risk == .medium)
    #expect(result.projectValue("AA 1.1", "P2")?.risk == .low)
    #expect(result.risks.count == result.projectValues.count)
    #expect(result.ouValues.isEmpty)
    #expect(result.practiceGroups.isEmpty)
    #expect(result.capabilityLevels.isEmpty)
    #expect(result.maturityLevel == nil)
    // A Benchmark of the same file rates and has no risk values.
    let benchmark = CMMI3Rater.rate(CMMI3TestModel.appraisal(target: 2), catalog: CMMI3TestModel.catalog)
    #expect(benchmark.risks.isEmpty)
    #expect(benchmark.maturityLevel?.level == 2)
  }

  @Test("appraisal type facts")
  func typeFacts() {
    #expect(AppraisalType.benchmark.validityYears == 3)
    #expect(AppraisalType.sustainment.validityExtensionYears == 2)
    #expect(AppraisalType.sustainment.maximumConsecutive == 3)
    #expect(!AppraisalType.sustainment.canRaiseRating)
    #expect(AppraisalType.allCases.filter { !$0.producesRatings } == [.evaluation])
    #expect(AppraisalType.allCases.filter(\.canRaiseRating) == [.benchmark, .actionPlanReappraisal])
  }
}
