import AppraisalModel
import Testing

@Suite("CMMI V3: GOV and II per organizational process")
struct CMMI3OrganizationalProcessRuleTests {
  typealias V = ProjectCharacterization

  @Test(
    "a project's default is the lowest value over the processes it uses",
    arguments: [
      (["A"], ["A": .largelyMeets], .largelyMeets),
      (["A", "B"], ["A": .fullyMeets, "B": .partiallyMeets], .partiallyMeets),
      (["A", "B"], ["A": .doesNotMeet, "B": .largelyMeets], .doesNotMeet),
      (["A"], ["A": .fullyMeets, "B": .doesNotMeet], .fullyMeets),
      ([], ["A": .fullyMeets], nil),
      (["A", "C"], ["A": .fullyMeets], nil),
      (["A"], ["A": .notYet], nil),
    ] as [([String], [String: V], V?)])
  func lowest(uses: [String], values: [String: V], expected: V?) {
    #expect(CMMI3OrganizationalProcessRule.projectValue(uses: uses, values: values).value == expected)
  }

  @Test("NY and out of scope are refused; FM–DM accepted", arguments: V.allCases)
  func refusal(value: V) {
    let refused = CMMI3OrganizationalProcessRule.refusal(value) != nil
    #expect(refused == (value == .notYet || value == .outOfScope))
  }

  @Test("the validator refuses NY for GOV with its path and message")
  func validatorRefusesNotYet() {
    var appraisal = CMMI3TestModel.appraisal(target: 2)
    appraisal.organizationalProcessValues[1].value = .notYet
    let problems = CMMI3Validator.problems(in: appraisal, catalog: CMMI3TestModel.catalog)
    #expect(problems.count == 1)
    #expect(problems.first?.path.description == "organizationalProcessValues[1].value")
    #expect(problems.first?.message == "NY is not allowed for GOV or II; expected FM, LM, PM or DM")
  }

  @Test("per-project inputs for GOV are refused: it is characterized per organizational process")
  func noProjectInputs() {
    var appraisal = CMMI3TestModel.appraisal(target: 1)
    appraisal.practiceInputs.append(.init(practice: "GOV 1.1", project: "P1", artifact: .yes, affirmation: .yes))
    let problems = CMMI3Validator.problems(in: appraisal, catalog: CMMI3TestModel.catalog)
    #expect(problems.map(\.path.description) == ["practiceInputs[\(appraisal.practiceInputs.count - 1)].practice"])
  }

  @Test("the rater defaults each project to its processes' lowest value (flagged) and applies the team's adjustment")
  func rater() {
    var appraisal = CMMI3TestModel.appraisal(target: 1)
    // OP2 (used by P2 only) is PM for GOV 1.1.
    appraisal.organizationalProcessValues = [
      .init(practice: "GOV 1.1", process: "OP1", value: .fullyMeets),
      .init(practice: "GOV 1.1", process: "OP2", value: .partiallyMeets, weaknesses: [.init("tailoring unrecorded")]),
    ]
    var result = CMMI3Rater.rate(appraisal, catalog: CMMI3TestModel.catalog)
    #expect(result.projectValue("GOV 1.1", "P1")?.value == .fullyMeets)
    #expect(result.projectValue("GOV 1.1", "P2")?.value == .partiallyMeets)
    #expect(result.projectValue("GOV 1.1", "P2")?.weaknesses.count == 1)
    #expect(result.projectValue("GOV 1.1", "P2")?.basis == .organizationalProcesses(["OP1", "OP2"]))
    #expect(
      Set(result.flags.filter { $0.kind == .organizationalProcess }.map(\.subject))
        == ["GOV 1.1 in P1", "GOV 1.1 in P2"])

    appraisal.teamProjectValues = [
      .init(practice: "GOV 1.1", project: "P2", value: .largelyMeets, justification: "OP2 used for one release only")
    ]
    #expect(CMMI3Validator.problems(in: appraisal, catalog: CMMI3TestModel.catalog).isEmpty)
    result = CMMI3Rater.rate(appraisal, catalog: CMMI3TestModel.catalog)
    #expect(result.projectValue("GOV 1.1", "P2")?.value == .largelyMeets)
    #expect(result.flags.filter { $0.kind == .organizationalProcess }.map(\.subject) == ["GOV 1.1 in P1"])
    #expect(result.ouValue("GOV 1.1")?.proposed == .largelyMeets)
  }
}
