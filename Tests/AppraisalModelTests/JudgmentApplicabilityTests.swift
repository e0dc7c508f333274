import AppraisalModel
import Testing

/// SCAMPI rules §2 and §3: a team judgment that cannot apply is an input error, located at the decision.
@Suite("Team judgments that cannot apply")
struct JudgmentApplicabilityTests {
  static func problems(_ appraisal: Appraisal) -> [String] {
    AppraisalValidator.problems(in: appraisal, catalog: TestModel.catalog).map {
      "\($0.severity.rawValue) \($0.path): \($0.message)"
    }
  }

  static func appraisal(_ overrides: [String: Characterization] = [:]) -> Appraisal {
    TestModel.appraisal(areas: ["AA"], target: .capabilityLevel(1), overrides: overrides)
  }

  static func significance(_ goal: String = "SG 1", _ significant: Bool = true) -> SignificanceDecision {
    SignificanceDecision(processArea: "AA", goal: goal, significant: significant, justification: "the team's reason")
  }

  static func aggregation(_ practice: String, _ value: Characterization) -> AggregationDecision {
    AggregationDecision(practice: .init("AA", practice), value: value, justification: "the team's reason")
  }

  static let rule =
    "a significance decision applies only to a goal whose practices are all FI or LI and carry weaknesses"

  @Test("a significance decision on a goal with no weakness is an error, whatever it says", arguments: [true, false])
  func noWeakness(significant: Bool) {
    var appraisal = Self.appraisal()
    appraisal.significanceDecisions = [Self.significance("SG 1", significant)]
    #expect(
      Self.problems(appraisal) == [
        "error significanceDecisions[0].goal: significance decision for AA SG 1 does not apply: no weakness is "
          + "recorded against its practices, so there is nothing to judge; \(Self.rule)"
      ])
    // Today a `true` makes the goal Unsatisfied: the rater now ignores it, as validation refuses it.
    let goal = AppraisalRater.rate(appraisal, catalog: TestModel.catalog).processArea("AA")?.goal("SG 1")
    #expect(goal?.value == .satisfied)
  }

  @Test("the same decision applies once a practice of the goal carries a weakness")
  func applies() {
    var appraisal = Self.appraisal(["AA SP 1.1@u1": .largelyImplemented])
    appraisal.significanceDecisions = [Self.significance()]
    #expect(Self.problems(appraisal).isEmpty)
    let goal = AppraisalRater.rate(appraisal, catalog: TestModel.catalog).processArea("AA")?.goal("SG 1")
    #expect(goal?.value == .unsatisfied)
    // A goal with no weakness next to it is still refused.
    appraisal.significanceDecisions.append(Self.significance("SG 2"))
    #expect(Self.problems(appraisal).count == 1)
  }

  @Test("a significance decision on a goal with a PI or NI practice is an error naming the practice")
  func failingPractice() {
    var appraisal = Self.appraisal(["AA SP 1.2@u1": .notImplemented, "AA SP 1.2@u2": .notImplemented])
    appraisal.significanceDecisions = [Self.significance("SG 1", false)]
    #expect(
      Self.problems(appraisal) == [
        "error significanceDecisions[0].goal: significance decision for AA SG 1 does not apply: AA SP 1.2 is NI; "
          + Self.rule
      ])
  }

  @Test("a PI that stands in for an undecided aggregation blocks a significance decision until it is decided")
  func undecidedAggregation() {
    var appraisal = Self.appraisal(["AA SP 1.1@u1": .partiallyImplemented])
    appraisal.significanceDecisions = [Self.significance()]
    #expect(
      Self.problems(appraisal) == [
        "error significanceDecisions[0].goal: significance decision for AA SG 1 does not apply: AA SP 1.1 is PI "
          + "until the team records an aggregation decision (one of LI, PI); \(Self.rule)"
      ])
    appraisal.aggregationDecisions = [Self.aggregation("SP 1.1", .largelyImplemented)]
    #expect(Self.problems(appraisal).isEmpty)
    appraisal.aggregationDecisions = [Self.aggregation("SP 1.1", .partiallyImplemented)]
    #expect(
      Self.problems(appraisal) == [
        "error significanceDecisions[0].goal: significance decision for AA SG 1 does not apply: AA SP 1.1 is PI; "
          + Self.rule
      ])
  }

  @Test("a goal waiting for evidence (NY or not characterized) keeps its decision for later")
  func notRatedYet() {
    var appraisal = Self.appraisal([
      "AA SP 1.1@u1": .largelyImplemented, "AA SP 1.2@u1": .notYet, "AA SP 1.2@u2": .notYet,
    ])
    appraisal.significanceDecisions = [Self.significance()]
    #expect(Self.problems(appraisal).isEmpty)
    let goal = AppraisalRater.rate(appraisal, catalog: TestModel.catalog).processArea("AA")?.goal("SG 1")
    #expect(goal?.value == .notRated)
    #expect(goal?.reasons.last == "the team's significance decision applies once the goal can be rated")

    appraisal = Self.appraisal(["AA SP 1.1@u1": .largelyImplemented])
    appraisal.characterizations.removeAll { $0.practice == .init("AA", "SP 1.2") }
    appraisal.significanceDecisions = [Self.significance()]
    #expect(Self.problems(appraisal).isEmpty)
  }

  @Test("a significance decision for a generic goal the target does not rate is a warning")
  func genericGoalNotRated() {
    var appraisal = Self.appraisal()
    appraisal.significanceDecisions = [Self.significance("GG 2")]
    #expect(
      Self.problems(appraisal) == [
        "warning significanceDecisions[0].goal: AA GG 2 is a generic goal the target does not rate; the "
          + "significance decision is ignored"
      ])
  }

  @Test("an aggregation decision for a practice whose values decide by rule is an error at the practice")
  func aggregationNotNeeded() {
    var appraisal = Self.appraisal(["AA SP 1.1@u1": .largelyImplemented])
    appraisal.aggregationDecisions = [
      Self.aggregation("SP 1.1", .largelyImplemented), Self.aggregation("SP 1.2", .fullyImplemented),
    ]
    let remove = "a decision applies only to a mix with PI or NI — remove it"
    #expect(
      Self.problems(appraisal) == [
        "error aggregationDecisions[0].practice: AA SP 1.1 needs no aggregation decision: its instantiation values "
          + "(1 FI, 1 LI) are all FI or LI, so the OU value is LI; \(remove)",
        "error aggregationDecisions[1].practice: AA SP 1.2 needs no aggregation decision: its instantiation values "
          + "(2 FI) are all FI, so the OU value is FI; \(remove)",
      ])
  }

  @Test("an aggregation decision for a practice not characterized in every unit is an error at the practice")
  func aggregationIncomplete() {
    var appraisal = Self.appraisal(["AA SP 1.1@u1": .partiallyImplemented])
    appraisal.characterizations.removeAll { $0.practice == .init("AA", "SP 1.1") && $0.instantiation == "u2" }
    appraisal.aggregationDecisions = [Self.aggregation("SP 1.1", .partiallyImplemented)]
    #expect(
      Self.problems(appraisal) == [
        "error aggregationDecisions[0].practice: AA SP 1.1 needs no aggregation decision: its instantiation values "
          + "(1 PI, 1 not characterized) are not all recorded (not characterized in u2), so the OU value is not "
          + "determined yet; a decision applies only to a mix with PI or NI — remove it"
      ])
  }

  @Test(
    "an aggregation decision outside the allowed set is an error at the value, listing the allowed values",
    arguments: [
      (Characterization.partiallyImplemented, Characterization.notImplemented, "1 FI, 1 PI", "LI, PI"),
      (.partiallyImplemented, .fullyImplemented, "1 FI, 1 PI", "LI, PI"),
      (.notImplemented, .fullyImplemented, "1 FI, 1 NI", "NI, PI, LI"),
      (.notImplemented, .notYet, "1 FI, 1 NI", "NI, PI, LI"),
    ])
  func aggregationNotAllowed(
    unitValue: Characterization, decided: Characterization, values: String, allowed: String
  ) {
    var appraisal = Self.appraisal(["AA SP 2.1@u2": unitValue])
    appraisal.aggregationDecisions = [Self.aggregation("SP 2.1", decided)]
    #expect(
      Self.problems(appraisal) == [
        "error aggregationDecisions[0].value: aggregation decision \(decided.code) for AA SP 2.1 is not allowed for "
          + "its instantiation values (\(values)); expected one of \(allowed)"
      ])
  }

  @Test("judgments are checked only once nothing else is an error (their values depend on the references)")
  func otherErrorsFirst() {
    var appraisal = Self.appraisal()
    appraisal.significanceDecisions = [Self.significance()]
    #expect(Self.problems(appraisal).count == 1)
    appraisal.header.date = "2026-02-30"
    #expect(
      Self.problems(appraisal) == [
        "error header.date: \"2026-02-30\" is not a calendar date; expected YYYY-MM-DD"
      ])
  }
}
