import AppraisalModel
import Testing

@Suite("Rule 4: goal rating")
struct GoalRatingRuleTests {
  static func practice(_ id: String, _ values: [Characterization?]) -> OUCharacterization {
    let reference = PracticeReference("AA", id)
    let units = values.enumerated().map { TestModel.unit("u\($0.offset + 1)", $0.element, practice: reference) }
    return OUAggregationRule.aggregate(reference, units)
  }

  static func rate(
    _ practices: [OUCharacterization], coverage: CoverageResult? = nil, significance: SignificanceDecision? = nil
  ) -> GoalRating {
    GoalRatingRule.rate(
      processArea: "AA", goal: "SG 1", title: "Goal", isGeneric: false, practices: practices, coverage: coverage,
      significance: significance)
  }

  @Test("all FI: Satisfied, not provisional")
  func allFullyImplemented() {
    let rating = Self.rate([Self.practice("SP 1.1", [.fullyImplemented]), Self.practice("SP 1.2", [.fullyImplemented])])
    #expect(rating.value == .satisfied)
    #expect(!rating.isProvisional)
    #expect(rating.reasons.isEmpty)
  }

  @Test("LI with weaknesses and no decision: Satisfied, provisional, weaknesses listed")
  func provisional() {
    let rating = Self.rate([
      Self.practice("SP 1.1", [.largelyImplemented]), Self.practice("SP 1.2", [.fullyImplemented]),
    ])
    #expect(rating.value == .satisfied)
    #expect(rating.isProvisional)
    #expect(rating.weaknesses.map(\.text) == ["gap in u1"])
    #expect(rating.reasons == ["1 weakness not yet judged for significance"])
  }

  @Test("a practice missing in many units: Not Rated, \"N of M units\" and the first three, never every unit")
  func notRatedAtScale() {
    let few = Self.rate([Self.practice("SP 1.1", [.fullyImplemented, nil, nil])])
    #expect(few.value == .notRated)
    #expect(few.reasons == ["AA SP 1.1 is not characterized in u2, u3"])
    let many = Self.rate([Self.practice("SP 1.1", [.fullyImplemented] + Array(repeating: nil, count: 2_000))])
    #expect(many.value == .notRated)
    #expect(many.reasons == ["AA SP 1.1 is not characterized in 2000 of 2001 units (u2, u3, u4, …)"])
  }

  @Test("an Unsatisfied goal names at most three distinct weaknesses of a practice and counts the rest")
  func manyWeaknesses() {
    let reference = PracticeReference("AA", "SP 1.1")
    var unit = TestModel.unit("u1", .partiallyImplemented, practice: reference)
    unit.weaknesses = (1...5).map { Observation.weakness(reference, in: "u1", "gap \($0)") }
    let rating = Self.rate([OUAggregationRule.aggregate(reference, [unit])])
    #expect(rating.value == .unsatisfied)
    #expect(rating.reasons == ["AA SP 1.1 is PI: gap 1; gap 2; gap 3; and 2 more weaknesses"])
  }

  @Test("weaknesses judged significant: Unsatisfied with the team's reason")
  func significant() {
    let decision = SignificanceDecision(
      processArea: "AA", goal: "SG 1", significant: true, justification: "customer-facing")
    let rating = Self.rate([Self.practice("SP 1.1", [.largelyImplemented])], significance: decision)
    #expect(rating.value == .unsatisfied)
    #expect(rating.reasons == ["the team judged the weaknesses significant: customer-facing"])
    #expect(rating.significance == decision)
  }

  @Test("weaknesses judged not significant: Satisfied and final")
  func notSignificant() {
    let decision = SignificanceDecision(processArea: "AA", goal: "SG 1", significant: false, justification: "cosmetic")
    let rating = Self.rate([Self.practice("SP 1.1", [.largelyImplemented])], significance: decision)
    #expect(rating.value == .satisfied)
    #expect(!rating.isProvisional)
  }

  @Test("a significance decision on a goal with no weakness has nothing to judge: Satisfied, decision not applied")
  func significanceWithoutWeakness() {
    let decision = SignificanceDecision(processArea: "AA", goal: "SG 1", significant: true, justification: "x")
    let rating = Self.rate([Self.practice("SP 1.1", [.fullyImplemented])], significance: decision)
    #expect(rating.value == .satisfied)
    #expect(!rating.isProvisional)
    #expect(rating.significance == nil)
    #expect(rating.reasons == ["the recorded significance decision does not apply: no weakness is recorded"])
  }

  @Test("a significance decision on a goal that cannot be rated yet waits, named in the reasons")
  func significancePending() {
    let decision = SignificanceDecision(processArea: "AA", goal: "SG 1", significant: true, justification: "x")
    let rating = Self.rate(
      [Self.practice("SP 1.1", [.largelyImplemented]), Self.practice("SP 1.2", [.notYet])], significance: decision)
    #expect(rating.value == .notRated)
    #expect(
      rating.reasons == [
        "AA SP 1.2 is NY (not yet) for the whole unit",
        "the team's significance decision applies once the goal can be rated",
      ])
  }

  @Test("a PI practice: Unsatisfied, naming the practice and its weakness")
  func partiallyImplemented() {
    let rating = Self.rate([
      Self.practice("SP 1.1", [.partiallyImplemented]), Self.practice("SP 1.2", [.fullyImplemented]),
    ])
    #expect(rating.value == .unsatisfied)
    #expect(rating.reasons == ["AA SP 1.1 is PI: gap in u1"])
  }

  @Test("no judgment lifts a goal with a PI or NI practice")
  func judgmentCannotLift() {
    let decision = SignificanceDecision(processArea: "AA", goal: "SG 1", significant: false, justification: "minor")
    let rating = Self.rate([Self.practice("SP 1.1", [.notImplemented])], significance: decision)
    #expect(rating.value == .unsatisfied)
    #expect(rating.reasons.last == "the recorded significance decision does not apply: a practice is PI or NI")
  }

  @Test("a mixed practice with no team judgment is flagged in the reason")
  func judgmentNeeded() {
    let rating = Self.rate([Self.practice("SP 1.1", [.fullyImplemented, .notImplemented])])
    #expect(rating.value == .unsatisfied)
    #expect(rating.reasons == ["AA SP 1.1 is PI (judgment needed): gap in u2"])
  }

  @Test("one NI and one NY practice: Not Rated, not Unsatisfied")
  func notYetBeatsNotImplemented() {
    let rating = Self.rate([Self.practice("SP 1.1", [.notImplemented]), Self.practice("SP 1.2", [.notYet, .notYet])])
    #expect(rating.value == .notRated)
    #expect(rating.reasons == ["AA SP 1.2 is NY (not yet) for the whole unit"])
  }

  @Test("a practice never characterized: Not Rated, naming the unit")
  func neverCharacterized() {
    let rating = Self.rate([Self.practice("SP 1.1", [.fullyImplemented, nil])])
    #expect(rating.value == .notRated)
    #expect(rating.reasons == ["AA SP 1.1 is not characterized in u2"])
  }

  @Test("NY everywhere: Not Rated")
  func notYetEverywhere() {
    let rating = Self.rate([Self.practice("SP 1.1", [.notYet, .notYet]), Self.practice("SP 1.2", [.notYet])])
    #expect(rating.value == .notRated)
    #expect(rating.reasons.count == 2)
  }

  @Test("data coverage not met: Not Rated even with FI practices")
  func coverageNotMet() {
    let coverage = CoverageResult(
      processArea: "AA", isEnabled: true,
      subgroups: [.init(name: "ops", units: 4, providing: 1, required: 2)])
    let rating = Self.rate([Self.practice("SP 1.1", [.fullyImplemented])], coverage: coverage)
    #expect(rating.value == .notRated)
    #expect(
      rating.reasons == [
        "data coverage not met in subgroup ops: 1 of 4 units provide both artifacts and affirmations; at least 2 required"
      ])
  }
}
