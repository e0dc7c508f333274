import AppraisalModel
import Testing

@Suite("Rule 1: practice characterization per instantiation")
struct PracticeCharacterizationRuleTests {
  static let practice = PracticeReference("AA", "SP 1.1")
  static let minor = Observation.weakness(practice, in: "u1", "minor gap")
  static let major = Observation.weakness(practice, in: "u1", "aspect missing", impact: .major)

  @Test(
    "derivation table",
    arguments: [
      (EvidenceCounts(), [], nil),
      (EvidenceCounts(), [minor], .notImplemented),
      (EvidenceCounts(directArtifacts: 1, affirmations: 1), [], .fullyImplemented),
      (EvidenceCounts(indirectArtifacts: 1, affirmations: 2), [], .fullyImplemented),
      (EvidenceCounts(untypedArtifacts: 1, affirmations: 1), [minor], .largelyImplemented),
      (EvidenceCounts(directArtifacts: 2, affirmations: 1), [minor, major], .partiallyImplemented),
      (EvidenceCounts(directArtifacts: 1), [], .partiallyImplemented),
      (EvidenceCounts(affirmations: 3), [], .partiallyImplemented),
      (EvidenceCounts(affirmations: 1), [major], .partiallyImplemented),
    ] as [(EvidenceCounts, [Observation], Characterization?)])
  func derivation(evidence: EvidenceCounts, weaknesses: [Observation], expected: Characterization?) {
    #expect(PracticeCharacterizationRule.derive(evidence: evidence, weaknesses: weaknesses).value == expected)
  }

  @Test("team value wins over the derived one and both are kept")
  func teamWins() {
    let item = EvidenceItem(
      id: "e1", practice: Self.practice, instantiation: "u1", indicator: .directArtifact,
      locator: .init(document: "Plan.docx"))
    let affirmation = EvidenceItem(
      id: "e2", practice: Self.practice, instantiation: "u1", indicator: .affirmation,
      locator: .init(document: "Interview notes"))
    let appraisal = Appraisal(
      header: TestModel.header, scope: .init(processAreas: ["AA"]), target: .capabilityLevel(1),
      instantiations: TestModel.units, evidence: [item, affirmation], observations: [Self.minor],
      characterizations: [.init(practice: Self.practice, instantiation: "u1", value: .partiallyImplemented)])
    let result = PracticeCharacterizationRule.characterize(appraisal, required: [(Self.practice, "u2")])
    let u1 = result[Self.practice, "u1"]!
    #expect(u1.derived == .largelyImplemented)
    #expect(u1.team == .partiallyImplemented)
    #expect(u1.value == .partiallyImplemented)
    #expect(u1.isOverride)
    #expect(u1.evidence == EvidenceCounts(directArtifacts: 1, affirmations: 1))
    let u2 = result[Self.practice, "u2"]!
    #expect(u2.value == nil)
    #expect(u2.derivation == "no evidence, observation or team value recorded")
  }

  @Test("NY is never derived, only given")
  func notYetOnlyFromTeam() {
    let all: [EvidenceCounts] = [
      EvidenceCounts(), EvidenceCounts(directArtifacts: 1), EvidenceCounts(affirmations: 1),
      EvidenceCounts(directArtifacts: 1, affirmations: 1),
    ]
    for counts in all {
      for weaknesses in [[], [Self.minor], [Self.major]] {
        #expect(PracticeCharacterizationRule.derive(evidence: counts, weaknesses: weaknesses).value != .notYet)
      }
    }
  }
}
