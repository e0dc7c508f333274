import AppraisalModel
import Testing

/// ``DisclosureRules`` through ``AppraisalValidator``: each rule as a change to a valid appraisal with full
/// disclosure facts, and the exact problems it causes.
@Suite("Disclosure facts validation")
struct DisclosureRulesTests {
  /// ``AppraisalValidatorTests/valid`` with every disclosure fact given, the units in subgroup `g`.
  static let valid: Appraisal = {
    var appraisal = AppraisalValidatorTests.valid
    appraisal.instantiations = appraisal.instantiations.map { unit in
      var unit = unit
      unit.subgroup = "g"
      return unit
    }
    appraisal.disclosure = Disclosure(
      teamLeader: .init(name: "Lee", organization: "Consulting", role: "lead appraiser"),
      teamMembers: [.init(name: "Max")], sponsor: .init(name: "Sam", role: "head of operations"),
      startDate: "2026-11-16", endDate: "2026-11-23", reportStatus: .final,
      organizationalUnitDescription: "the unit", locations: ["Hamburg"], population: .init(people: 40, basicUnits: 5),
      samplingFactors: [.init(name: "service type", rationale: "one process set")],
      subgroups: [.init(id: "g", description: "all units")],
      findings: [.init(processArea: "AA", goal: "SG 2", text: "a finding"), .init(processArea: "BB", text: "area")],
      globalFindings: ["tools are old"])
    return appraisal
  }()

  static func problems(_ change: (inout Appraisal) -> Void) -> [String] {
    var appraisal = valid
    change(&appraisal)
    return AppraisalValidatorTests.problems(appraisal)
  }

  @Test("full disclosure facts and none at all are both valid")
  func valid() {
    #expect(Self.problems { _ in }.isEmpty)
    #expect(Self.problems { $0.disclosure = Disclosure() }.isEmpty)
  }

  @Test("dates are calendar dates and the end is not before the start")
  func dates() {
    #expect(
      Self.problems {
        $0.disclosure.startDate = "2026-02-30"
        $0.disclosure.endDate = "23.11.2026"
      } == [
        "error disclosure.startDate: \"2026-02-30\" is not a calendar date; expected YYYY-MM-DD",
        "error disclosure.endDate: \"23.11.2026\" is not a calendar date; expected YYYY-MM-DD",
      ])
    #expect(
      Self.problems { $0.disclosure.endDate = "2026-11-15" }
        == ["error disclosure.endDate: the appraisal ends (2026-11-15) before it starts (2026-11-16)"])
    #expect(Self.problems { $0.disclosure.endDate = "2026-11-16" }.isEmpty, "a one-day appraisal")
  }

  @Test("names, locations, rationales and findings are not empty")
  func empty() {
    #expect(
      Self.problems {
        $0.disclosure.teamLeader = .init(name: " ")
        $0.disclosure.teamMembers[0].name = ""
        $0.disclosure.sponsor = .init(name: "")
        $0.disclosure.locations = [""]
        $0.disclosure.samplingFactors[0] = .init(name: "", rationale: "")
        $0.disclosure.findings[0].text = ""
        $0.disclosure.globalFindings = [""]
      } == [
        "error disclosure.teamLeader.name: the team leader's name is empty",
        "error disclosure.teamMembers[0].name: a team member's name is empty",
        "error disclosure.sponsor.name: the sponsor's name is empty",
        "error disclosure.locations[0]: a location is empty",
        "error disclosure.samplingFactors[0].name: a sampling factor's name is empty",
        "error disclosure.samplingFactors[0].rationale: the rationale of a sampling factor is empty",
        "error disclosure.findings[0].text: a team finding is empty",
        "error disclosure.globalFindings[0]: a global finding is empty",
      ])
  }

  @Test("declared subgroups against the instantiations' subgroups, both ways")
  func subgroups() {
    #expect(
      Self.problems {
        $0.instantiations[0].subgroup = "other"
        $0.instantiations[1].subgroup = nil
        $0.disclosure.subgroups.append(.init(id: "g"))
      } == [
        "error disclosure.subgroups[1].id: subgroup \"g\" is declared twice; the first is disclosure.subgroups[0]",
        "warning instantiations[0].subgroup: instantiation \"u1\" is in subgroup \"other\", which the disclosure "
          + "does not declare (it declares \"g\")",
        "warning instantiations[1]: instantiation \"u2\" names no subgroup, but the disclosure declares subgroups "
          + "(\"g\")",
        "warning disclosure.subgroups[0].id: no instantiation is in the declared subgroup \"g\"; the sample leaves "
          + "it out",
      ])
    // Without declared subgroups, nothing is compared.
    #expect(
      Self.problems {
        $0.instantiations[0].subgroup = "other"
        $0.disclosure.subgroups = []
      }.isEmpty)
  }

  @Test("population counts are not negative; fewer basic units than sampled is a warning")
  func population() {
    #expect(
      Self.problems { $0.disclosure.population = .init(people: -1, basicUnits: -2) } == [
        "error disclosure.population.people: people is -1; expected 0 or more",
        "error disclosure.population.basicUnits: basicUnits is -2; expected 0 or more",
      ])
    #expect(
      Self.problems { $0.disclosure.population = .init(people: 40, basicUnits: 1) }
        == ["warning disclosure.population.basicUnits: the population has 1 basic unit, fewer than the 2 sampled"])
    #expect(
      Self.problems {
        $0.disclosure.population = .init(people: 40, basicUnits: 1)
        $0.instantiations[1].kind = .supportFunction
      }.isEmpty, "a support function is not a basic unit")
  }

  @Test("a team finding names an area in scope and one of its goals")
  func findings() {
    #expect(
      Self.problems {
        $0.disclosure.findings = [
          .init(processArea: "ZZ", text: "unknown"), .init(processArea: "EE", text: "out of scope"),
          .init(processArea: "AA", goal: "SG 7", text: "no such goal"),
          .init(processArea: "AA", goal: "GG 2", text: "not rated at CL 1"),
        ]
      } == [
        "error disclosure.findings[0].processArea: unknown process area \"ZZ\"; TEST 1.0 has AA, BB, CC, DD, EE",
        "error disclosure.findings[1].processArea: process area EE is not in the appraisal's scope",
        "error disclosure.findings[2].goal: process area AA has no goal \"SG 7\"",
        "warning disclosure.findings[3].goal: GG 2 is not rated for the target; the finding for AA GG 2 is about a "
          + "goal the appraisal leaves out",
      ])
    #expect(
      Self.problems {
        $0.target = .capabilityLevel(2)
        $0.disclosure.findings = [.init(processArea: "AA", goal: "GG 2", text: "rated at CL 2")]
      }.isEmpty)
  }

  @Test("disclosure problems do not hold back the judgment checks")
  func judgmentsStillChecked() {
    var appraisal = Self.valid
    appraisal.disclosure.startDate = "never"
    appraisal.significanceDecisions = [
      SignificanceDecision(processArea: "AA", goal: "SG 1", significant: true, justification: "no weakness")
    ]
    let problems = AppraisalValidatorTests.problems(appraisal)
    #expect(problems.contains { $0.hasPrefix("error significanceDecisions[0].goal") })
    #expect(problems.contains { $0.hasPrefix("error disclosure.startDate") })
  }
}
