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
    #expect(rating.reasons == ["provisional: 1 weakness not yet judged for significance"])
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

@Suite("Rule 5: process area rating")
struct ProcessAreaRatingRuleTests {
  static func goal(_ id: String, _ value: GoalRating.Value) -> GoalRating {
    GoalRating(processArea: "AA", goal: id, title: id, isGeneric: false, value: value, practices: [])
  }

  @Test(
    "from goals",
    arguments: [
      ([GoalRating.Value.satisfied, .satisfied], ProcessAreaRating.Value.satisfied),
      ([.satisfied, .unsatisfied], .unsatisfied),
      ([.notRated, .unsatisfied], .unsatisfied),
      ([.satisfied, .notRated], .notRated),
      ([], .notRated),
    ])
  func fromGoals(values: [GoalRating.Value], expected: ProcessAreaRating.Value) {
    let goals = values.enumerated().map { Self.goal("SG \($0.offset + 1)", $0.element) }
    #expect(ProcessAreaRatingRule.rate(goals).value == expected)
  }

  @Test("the reason names the goals that decided")
  func reasons() {
    let goals = [Self.goal("SG 1", .unsatisfied), Self.goal("SG 2", .notRated), Self.goal("SG 3", .unsatisfied)]
    #expect(ProcessAreaRatingRule.rate(goals).reasons == ["Unsatisfied: SG 1, SG 3"])
  }
}

@Suite("Rule 6: capability level")
struct CapabilityLevelRuleTests {
  static func goal(_ id: String, _ value: GoalRating.Value) -> GoalRating {
    GoalRating(processArea: "AA", goal: id, title: id, isGeneric: id.hasPrefix("GG"), value: value, practices: [])
  }

  @Test("levels 0 to 3, integers only")
  func levels() {
    let sat = Self.goal("SG 1", .satisfied)
    #expect(CapabilityLevelRule.level(specificGoals: [Self.goal("SG 1", .unsatisfied)], genericGoals: [:]).level == 0)
    #expect(CapabilityLevelRule.level(specificGoals: [sat], genericGoals: [:]).level == 1)
    #expect(
      CapabilityLevelRule.level(specificGoals: [sat], genericGoals: [2: Self.goal("GG 2", .satisfied)]).level == 2)
    #expect(
      CapabilityLevelRule.level(
        specificGoals: [sat], genericGoals: [2: Self.goal("GG 2", .satisfied), 3: Self.goal("GG 3", .satisfied)]
      ).level == 3)
    #expect(
      CapabilityLevelRule.level(
        specificGoals: [sat], genericGoals: [2: Self.goal("GG 2", .unsatisfied), 3: Self.goal("GG 3", .satisfied)]
      ) == CapabilityLevel(level: 1, nextLevelNotRated: false, limitation: "CL 2 not reached: GG 2 is Unsatisfied"))
  }

  @Test("a Not Rated goal leaves the next level undetermined, not failed")
  func notRated() {
    let result = CapabilityLevelRule.level(specificGoals: [Self.goal("SG 1", .notRated)], genericGoals: [:])
    #expect(
      result == CapabilityLevel(level: 0, nextLevelNotRated: true, limitation: "CL 1 undetermined: SG 1 is Not Rated"))
    let unrated = CapabilityLevelRule.level(specificGoals: [Self.goal("SG 1", .satisfied)], genericGoals: [:])
    #expect(unrated.nextLevelNotRated)
    #expect(unrated.limitation == "CL 2 not rated: GG 2 is not in the appraisal's target")
  }
}
