import AppraisalModel
import Testing

@Suite("Rule 2: aggregation to the organizational unit")
struct OUAggregationRuleTests {
  static let practice = PracticeReference("AA", "SP 1.1")

  static func aggregate(_ values: [Characterization?], decision: AggregationDecision? = nil) -> OUCharacterization {
    let units = values.enumerated().map { TestModel.unit("u\($0.offset + 1)", $0.element) }
    return OUAggregationRule.aggregate(practice, units, decision: decision)
  }

  @Test(
    "rows of the aggregation table without a team decision",
    arguments: [
      ([.fullyImplemented, .fullyImplemented, .fullyImplemented], .fullyImplemented, false),
      ([.largelyImplemented, .largelyImplemented], .largelyImplemented, false),
      ([.partiallyImplemented, .partiallyImplemented], .partiallyImplemented, false),
      ([.notImplemented, .notImplemented], .notImplemented, false),
      ([.fullyImplemented, .largelyImplemented, .fullyImplemented], .largelyImplemented, false),
      ([.fullyImplemented, .partiallyImplemented], .partiallyImplemented, true),
      ([.largelyImplemented, .partiallyImplemented, .fullyImplemented], .partiallyImplemented, true),
      ([.fullyImplemented, .notImplemented], .partiallyImplemented, true),
      ([.partiallyImplemented, .notImplemented], .partiallyImplemented, true),
      ([.notYet, .notYet], .notYet, false),
      ([.notYet, .fullyImplemented, .fullyImplemented], .fullyImplemented, false),
      ([.notYet, .notImplemented], .notImplemented, false),
      ([.notYet, .largelyImplemented, .fullyImplemented], .largelyImplemented, false),
    ] as [([Characterization], Characterization, Bool)])
  func row(values: [Characterization], expected: Characterization, judgment: Bool) {
    let result = Self.aggregate(values)
    #expect(result.value == expected)
    #expect(result.judgmentNeeded == judgment)
  }

  @Test("the allowed judgment sets are those of the table")
  func allowedSets() {
    #expect(
      Self.aggregate([.fullyImplemented, .partiallyImplemented]).basis
        == .judgmentNeeded(allowed: [.largelyImplemented, .partiallyImplemented]))
    #expect(
      Self.aggregate([.fullyImplemented, .notImplemented]).basis
        == .judgmentNeeded(allowed: [.notImplemented, .partiallyImplemented, .largelyImplemented]))
  }

  @Test("a team decision inside the allowed set is taken with its justification")
  func decisionTaken() {
    let decision = AggregationDecision(
      practice: Self.practice, value: .largelyImplemented, justification: "u2 is a pilot")
    let result = Self.aggregate([.fullyImplemented, .notImplemented], decision: decision)
    #expect(result.value == .largelyImplemented)
    #expect(
      result.basis
        == .teamDecision(
          allowed: [.notImplemented, .partiallyImplemented, .largelyImplemented], justification: "u2 is a pilot"))
    #expect(!result.judgmentNeeded)
    #expect(result.rejectedDecision == nil)
  }

  @Test("a team decision outside the allowed set is rejected and the default stands")
  func decisionOutsideSet() {
    let decision = AggregationDecision(practice: Self.practice, value: .notImplemented, justification: "strict")
    let result = Self.aggregate([.fullyImplemented, .partiallyImplemented], decision: decision)
    #expect(result.value == .partiallyImplemented)
    #expect(result.judgmentNeeded)
    #expect(
      result.rejectedDecision?.reason
        == "team decision NI is not allowed for these instantiation values; expected one of LI, PI")
  }

  @Test("a team decision on a determined row is rejected")
  func decisionOnDeterminedRow() {
    let decision = AggregationDecision(practice: Self.practice, value: .partiallyImplemented, justification: "x")
    let result = Self.aggregate([.fullyImplemented, .largelyImplemented], decision: decision)
    #expect(result.value == .largelyImplemented)
    #expect(
      result.rejectedDecision?.reason == "the instantiation values determine the OU value; no team judgment applies")
  }

  @Test("an instantiation not characterized leaves the OU value undetermined")
  func incomplete() {
    let result = Self.aggregate([.fullyImplemented, nil, .notImplemented])
    #expect(result.value == nil)
    #expect(result.basis == .incomplete(missing: ["u2"]))
  }

  @Test("no sampled unit gives no value")
  func noUnits() {
    let result = Self.aggregate([])
    #expect(result.value == nil)
    #expect(result.basis == .noInstantiations)
  }
}
