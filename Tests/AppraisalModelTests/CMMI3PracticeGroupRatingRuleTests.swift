import AppraisalModel
import Testing

@Suite("CMMI V3: practice group rating (flagged default by analogy with SCAMPI goals)")
struct CMMI3PracticeGroupRatingRuleTests {
  typealias V = ProjectCharacterization

  @Test(
    "default value",
    arguments: [
      ([.fullyMeets, .fullyMeets], 0, .satisfied),
      ([.fullyMeets, .largelyMeets], 2, .satisfied),
      ([.fullyMeets, .partiallyMeets], 1, .unsatisfied),
      ([.largelyMeets, .doesNotMeet], 1, .unsatisfied),
      ([.fullyMeets, .notYet], 0, .notRated),
      ([.fullyMeets, nil], 0, .notRated),
      ([.doesNotMeet, .notYet], 1, .notRated),
      ([], 0, .notRated),
    ] as [([V?], Int, PracticeGroupRating.Value)])
  func defaults(values: [V?], weaknesses: Int, expected: PracticeGroupRating.Value) {
    let practices = values.enumerated().map {
      CMMI3TestModel.ou("AA 2.\($0.offset + 1)", $0.element, weaknesses: $0.offset == 0 ? weaknesses : 0)
    }
    let rating = PracticeGroupRatingRule.rate(practiceArea: "AA", level: 2, practices: practices)
    #expect(rating.value == expected)
    #expect(rating.defaultValue == expected)
    #expect(rating.isDefault)
    #expect(!rating.reasons.isEmpty)
  }

  @Test(
    "allowed team decisions by default",
    arguments: [
      (.satisfied, true, [.satisfied, .unsatisfied]),
      (.satisfied, false, [.satisfied]),
      (.unsatisfied, true, [.unsatisfied]),
      (.notRated, true, [.notRated]),
    ] as [(PracticeGroupRating.Value, Bool, [PracticeGroupRating.Value])])
  func allowed(value: PracticeGroupRating.Value, weaknesses: Bool, expected: [PracticeGroupRating.Value]) {
    #expect(PracticeGroupRatingRule.allowedDecisions(forDefault: value, hasWeaknesses: weaknesses) == expected)
  }

  @Test("the team judges weaknesses significant: Satisfied becomes Unsatisfied")
  func significant() {
    let decision = PracticeGroupDecision(
      practiceArea: "AA", level: 2, value: .unsatisfied, justification: "the gap affects every release")
    let rating = PracticeGroupRatingRule.rate(
      practiceArea: "AA", level: 2, practices: [CMMI3TestModel.ou("AA 2.1", .largelyMeets, weaknesses: 1)],
      decision: decision)
    #expect(rating.value == .unsatisfied)
    #expect(rating.defaultValue == .satisfied)
    #expect(!rating.isDefault)
    #expect(rating.rejectedDecision == nil)
  }

  @Test("a decision never lifts a group: Satisfied over a PM practice is refused")
  func noLift() {
    let decision = PracticeGroupDecision(practiceArea: "AA", level: 2, value: .satisfied, justification: "close enough")
    let rating = PracticeGroupRatingRule.rate(
      practiceArea: "AA", level: 2, practices: [CMMI3TestModel.ou("AA 2.1", .partiallyMeets, weaknesses: 1)],
      decision: decision)
    #expect(rating.value == .unsatisfied)
    #expect(rating.isDefault)
    #expect(
      rating.rejectedDecision
        == "team decision Satisfied is not allowed for a group whose default is Unsatisfied; expected Unsatisfied")
  }

  @Test("Unsatisfied without any weakness is refused; a confirming decision clears the default flag")
  func confirm() {
    let practices = [CMMI3TestModel.ou("AA 2.1", .fullyMeets)]
    let unsatisfied = PracticeGroupRatingRule.rate(
      practiceArea: "AA", level: 2, practices: practices,
      decision: .init(practiceArea: "AA", level: 2, value: .unsatisfied, justification: "why not"))
    #expect(unsatisfied.value == .satisfied)
    #expect(unsatisfied.rejectedDecision != nil)
    let confirmed = PracticeGroupRatingRule.rate(
      practiceArea: "AA", level: 2, practices: practices,
      decision: .init(practiceArea: "AA", level: 2, value: .satisfied, justification: "consensus"))
    #expect(confirmed.value == .satisfied)
    #expect(!confirmed.isDefault)
  }

  @Test("the rater flags each default group rating and not the team's")
  func flags() {
    var appraisal = CMMI3TestModel.appraisal(target: 1)
    appraisal.practiceGroupDecisions = [.init(practiceArea: "AA", level: 1, value: .satisfied, justification: "ok")]
    let result = CMMI3Rater.rate(appraisal, catalog: CMMI3TestModel.catalog)
    let flagged = result.flags.filter { $0.kind == .practiceGroupRating }.map(\.subject)
    #expect(flagged == ["BB level 1", "GOV level 1"])
    #expect(result.practiceGroups.count == 3)
  }
}
