import AppraisalModel
import Testing

@Suite("Rule 3: data coverage and rating from evidence")
struct DataCoverageRuleTests {
  static func item(_ id: String, _ practice: String, _ unit: String, _ indicator: EvidenceItem.Indicator)
    -> EvidenceItem
  {
    EvidenceItem(
      id: id, practice: PracticeReference(parsing: practice)!, instantiation: unit, indicator: indicator,
      locator: .init(document: "doc-\(id)"))
  }

  static let units = [
    Instantiation(id: "a", name: "A", kind: .service, subgroup: "web"),
    Instantiation(id: "b", name: "B", kind: .service, subgroup: "web"),
    Instantiation(id: "c", name: "C", kind: .service, subgroup: "web"),
    Instantiation(id: "d", name: "D", kind: .team, subgroup: "ops"),
  ]

  static let perArea = CoveragePolicy(rule: .perArea)

  static func appraisal(
    _ evidence: [EvidenceItem], observations: [Observation] = [], coverage: CoveragePolicy = perArea
  ) -> Appraisal {
    Appraisal(
      header: TestModel.header, scope: .init(processAreas: ["BB"]), target: .capabilityLevel(1), coverage: coverage,
      instantiations: units, evidence: evidence, observations: observations)
  }

  @Test("per-area policy: each subgroup needs half its units (rounded up) with artifacts and affirmations")
  func perSubgroup() {
    let evidence = [
      Self.item("1", "BB SP 1.1", "a", .directArtifact), Self.item("2", "BB SP 1.1", "a", .affirmation),
      Self.item("3", "BB SP 1.1", "b", .directArtifact),
      Self.item("4", "BB SP 1.1", "d", .indirectArtifact), Self.item("5", "BB SP 1.1", "d", .affirmation),
    ]
    let result = DataCoverageRule.check(processArea: "BB", appraisal: Self.appraisal(evidence), policy: Self.perArea)
    #expect(
      result.subgroups == [
        .init(name: "web", units: 3, providing: 1, required: 2, missing: ["b", "c"]),
        .init(name: "ops", units: 1, providing: 1, required: 1),
      ])
    #expect(!result.isMet)
    #expect(DataCoverageRule.check(processArea: "BB", appraisal: Self.appraisal(evidence), policy: .disabled).isMet)
  }

  @Test("ratings derived from evidence; coverage shortfall makes the goal Not Rated")
  func ratedFromEvidence() {
    var evidence: [EvidenceItem] = []
    for unit in ["a", "b", "c", "d"] {
      evidence.append(Self.item("art-\(unit)", "BB SP 1.1", unit, .directArtifact))
      evidence.append(Self.item("aff-\(unit)", "BB SP 1.1", unit, .affirmation))
    }
    let full = AppraisalRater.rate(Self.appraisal(evidence), catalog: TestModel.catalog)
    #expect(full.goal("BB", "SG 1")?.value == .satisfied)
    #expect(full.practice(.init("BB", "SP 1.1"))?.value == .fullyImplemented)

    let thin = AppraisalRater.rate(
      Self.appraisal(evidence.filter { !["aff-b", "aff-c"].contains($0.id) }), catalog: TestModel.catalog)
    #expect(thin.goal("BB", "SG 1")?.value == .notRated)
    #expect(thin.goal("BB", "SG 1")?.reasons.first?.hasPrefix("data coverage not met in subgroup web: 1 of 3") == true)
  }

  @Test("a major weakness in one unit makes a PI that needs judgment, and the goal Unsatisfied")
  func majorWeakness() {
    var evidence: [EvidenceItem] = []
    for unit in ["a", "b", "c", "d"] {
      evidence.append(Self.item("art-\(unit)", "BB SP 1.1", unit, .directArtifact))
      evidence.append(Self.item("aff-\(unit)", "BB SP 1.1", unit, .affirmation))
    }
    let weakness = Observation.weakness(
      PracticeReference("BB", "SP 1.1"), in: "c", "training is given but never evaluated", impact: .major)
    let result = AppraisalRater.rate(Self.appraisal(evidence, observations: [weakness]), catalog: TestModel.catalog)
    let practice = result.practice(.init("BB", "SP 1.1"))
    #expect(
      practice?.instantiations.map(\.value) == [
        .fullyImplemented, .fullyImplemented, .partiallyImplemented, .fullyImplemented,
      ])
    #expect(practice?.judgmentNeeded == true)
    #expect(result.goal("BB", "SG 1")?.value == .unsatisfied)
    #expect(
      result.goal("BB", "SG 1")?.reasons == ["BB SP 1.1 is PI (judgment needed): training is given but never evaluated"]
    )
  }

  @Test("records outside the rated practices and unusable decisions become notes")
  func notes() {
    var appraisal = Self.appraisal([Self.item("x", "AA SP 1.1", "a", .directArtifact)])
    appraisal.coverage = .disabled
    appraisal.significanceDecisions = [.init(processArea: "CC", goal: "SG 1", significant: true, justification: "j")]
    let result = AppraisalRater.rate(appraisal, catalog: TestModel.catalog)
    #expect(
      result.notes == [
        "records for practices that are not rated were ignored: AA SP 1.1",
        "team decision for CC SG 1 ignored: it was not rated",
      ])
  }
}
