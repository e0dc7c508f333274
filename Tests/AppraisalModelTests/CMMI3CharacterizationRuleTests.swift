import AppraisalModel
import Testing

@Suite("CMMI V3: characterization of a practice in a project (workbook formula)")
struct CMMI3CharacterizationRuleTests {
  typealias Input = CMMI3PracticeInput.Value

  /// Every combination of the two inputs and "a weakness recorded": the formula's table, row by row.
  @Test(
    "the formula",
    arguments: [
      (.yes, .yes, false, .fullyMeets),
      (.yes, .yes, true, .largelyMeets),
      (.yes, .no, true, .partiallyMeets),
      (.no, .yes, true, .partiallyMeets),
      (.yes, .no, false, .doesNotMeet),
      (.no, .yes, false, .doesNotMeet),
      (.no, .no, false, .doesNotMeet),
      (.no, .no, true, .doesNotMeet),
      (.notYet, .notYet, false, .notYet),
      (.notYet, .notYet, true, .notYet),
      (.notYet, .yes, false, .doesNotMeet),
      (.notYet, .yes, true, .doesNotMeet),
      (.yes, .notYet, false, .doesNotMeet),
      (.yes, .notYet, true, .doesNotMeet),
      (.notYet, .no, false, .doesNotMeet),
      (.notYet, .no, true, .doesNotMeet),
      (.no, .notYet, false, .doesNotMeet),
      (.no, .notYet, true, .doesNotMeet),
    ] as [(Input, Input, Bool, ProjectCharacterization)])
  func formula(artifact: Input, affirmation: Input, weakness: Bool, expected: ProjectCharacterization) {
    let result = CMMI3CharacterizationRule.characterize(
      artifact: artifact, affirmation: affirmation, hasWeakness: weakness)
    #expect(result.value == expected)
    #expect(!result.reason.isEmpty)
  }

  @Test("any recorded weakness counts, whatever its text")
  func anyWeakness() {
    let clean = CMMI3PracticeInput(practice: "AA 1.1", project: "P1", artifact: .yes, affirmation: .yes)
    var noted = clean
    noted.weaknesses = [.init("minor wording gap", id: "W-1")]
    #expect(CMMI3CharacterizationRule.characterize(clean).value == .fullyMeets)
    #expect(CMMI3CharacterizationRule.characterize(noted).value == .largelyMeets)
  }

  @Test("the reason names the row: only one input NY, and artifact 1 with affirmation 0 and no weakness")
  func reasons() {
    #expect(
      CMMI3CharacterizationRule.characterize(artifact: .notYet, affirmation: .yes, hasWeakness: false).reason
        == "only one of artifact and affirmation is NY")
    #expect(
      CMMI3CharacterizationRule.characterize(artifact: .yes, affirmation: .no, hasWeakness: false).reason
        == "only one of artifact and affirmation is 1 and no weakness recorded")
  }

  @Test("the rater applies the formula per project and marks out-of-scope projects")
  func inRater() {
    var appraisal = CMMI3TestModel.appraisal(target: 1)
    appraisal.projects[1].outOfScope = ["AA"]
    appraisal.practiceInputs = [
      .init(practice: "AA 1.1", project: "P1", artifact: .yes, affirmation: .no, weaknesses: [.init("no review")]),
      .init(practice: "AA 1.1", project: "P2", artifact: .yes, affirmation: .yes),
    ]
    let result = CMMI3Rater.rate(appraisal, catalog: CMMI3TestModel.catalog)
    #expect(result.projectValue("AA 1.1", "P1")?.value == .partiallyMeets)
    #expect(result.projectValue("AA 1.1", "P1")?.basis == .formula)
    #expect(result.projectValue("AA 1.1", "P2")?.value == .outOfScope)
    #expect(result.projectValue("AA 1.2", "P1")?.value == nil)
    #expect(result.projectValue("AA 1.2", "P1")?.basis == .nothingRecorded)
  }
}
