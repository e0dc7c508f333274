import AppraisalModel
import Testing

@Suite("CMMI V3: OU characterization (flagged default by analogy with SCAMPI)")
struct CMMI3OUAggregationRuleTests {
  typealias V = ProjectCharacterization

  static func values(_ list: [V?]) -> [(project: String, value: V?)] {
    list.enumerated().map { ("P\($0.offset + 1)", $0.element) }
  }

  /// Project values → proposed value, allowed set, judgment needed.
  static let cases: [([V?], V?, [V], Bool)] = [
    ([], nil, [], false),
    ([nil, .fullyMeets], nil, [], false),
    ([.notYet, .notYet], .notYet, [.notYet], false),
    ([.fullyMeets, .fullyMeets], .fullyMeets, [.fullyMeets], false),
    ([.fullyMeets, .notYet], .fullyMeets, [.fullyMeets], false),
    ([.partiallyMeets, .partiallyMeets], .partiallyMeets, [.partiallyMeets], false),
    ([.doesNotMeet, .doesNotMeet, .notYet], .doesNotMeet, [.doesNotMeet], false),
    ([.fullyMeets, .largelyMeets, .fullyMeets], .largelyMeets, [.largelyMeets], false),
    ([.fullyMeets, .partiallyMeets], .partiallyMeets, [.largelyMeets, .partiallyMeets], true),
    ([.largelyMeets, .partiallyMeets, .notYet], .partiallyMeets, [.largelyMeets, .partiallyMeets], true),
    ([.fullyMeets, .doesNotMeet], .doesNotMeet, [.doesNotMeet, .partiallyMeets, .largelyMeets], true),
    (
      [.partiallyMeets, .doesNotMeet, .largelyMeets], .doesNotMeet, [.doesNotMeet, .partiallyMeets, .largelyMeets], true
    ),
    ([.outOfScope, .fullyMeets], .fullyMeets, [.fullyMeets], false),
    ([.outOfScope], nil, [], false),
  ]

  @Test("proposal, allowed set and judgment flag", arguments: cases)
  func proposal(projects: [V?], proposed: V?, allowed: [V], judgment: Bool) {
    let result = CMMI3OUAggregationRule.propose(Self.values(projects))
    #expect(result.value == proposed)
    #expect(result.allowed == allowed)
    #expect(result.judgmentNeeded == judgment)
  }

  @Test("a team value applies exactly when it is in the allowed set", arguments: cases)
  func teamValues(projects: [V?], proposed: V?, allowed: [V], judgment: Bool) {
    let projectValues = Self.values(projects).map {
      CMMI3ProjectValue(practice: "AA 1.1", project: $0.project, value: $0.value, basis: .formula, reason: "")
    }
    for candidate in V.allCases where candidate != .outOfScope {
      let team = CMMI3TeamOUValue(practice: "AA 1.1", value: candidate, justification: "consensus")
      let result = CMMI3OUAggregationRule.aggregate(practice: "AA 1.1", projects: projectValues, team: team)
      if allowed.contains(candidate) {
        #expect(result.value == candidate)
        #expect(!result.isDefault)
        #expect(result.rejectedTeamValue == nil)
      } else {
        #expect(result.value == proposed)
        #expect(result.isDefault)
        #expect(result.rejectedTeamValue != nil)
      }
    }
  }

  @Test("the refusal names the value and the allowed set")
  func refusalMessage() {
    let proposal = CMMI3OUAggregationRule.propose(Self.values([.fullyMeets, .partiallyMeets]))
    #expect(
      CMMI3OUAggregationRule.refusal(.fullyMeets, proposal)
        == "team OU value FM is not allowed for these project values; expected one of LM, PM")
    let incomplete = CMMI3OUAggregationRule.propose(Self.values([.fullyMeets, nil]))
    #expect(
      CMMI3OUAggregationRule.refusal(.fullyMeets, incomplete)
        == "team OU value FM cannot apply yet: not characterized in 1 project (P2)")
  }

  @Test("the rater flags every proposed OU value, and judgment-needed ones as such")
  func flags() {
    var appraisal = CMMI3TestModel.appraisal(target: 1)
    // AA 1.1: P1 PM (artifact only, weakness), P2 FM → judgment needed.
    appraisal.practiceInputs[0] = .init(
      practice: "AA 1.1", project: "P1", artifact: .yes, affirmation: .no, weaknesses: [.init("no affirmation")])
    appraisal.teamOUValues = [.init(practice: "AA 1.2", value: .fullyMeets, justification: "confirmed")]
    let result = CMMI3Rater.rate(appraisal, catalog: CMMI3TestModel.catalog)
    let judged = result.flags.filter { $0.kind == .judgmentNeeded }
    #expect(judged.map(\.subject) == ["AA 1.1"])
    #expect(judged.first?.reason.contains("LM, PM") == true)
    #expect(result.ouValue("AA 1.1")?.value == .partiallyMeets)
    let proposed = Set(result.flags.filter { $0.kind == .ouCharacterization }.map(\.subject))
    #expect(proposed == ["BB 1.1", "GOV 1.1"])  // AA 1.2 is the team's: not flagged
    #expect(result.ouValue("AA 1.2")?.isDefault == false)
  }
}
