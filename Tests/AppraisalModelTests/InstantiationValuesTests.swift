import AppraisalModel
import Testing

/// The rated result's per-practice instantiations are a view over the rating table: every question it
/// answers from the table's codes must match the same question asked of the built elements.
@Suite("Instantiation values read from the rating table")
struct InstantiationValuesTests {
  static let practice = PracticeReference("AA", "SP 1.1")
  static let units = [
    Instantiation(id: "u1", name: "Unit one", kind: .project),
    Instantiation(id: "u2", name: "Unit two", kind: .project),
    Instantiation(id: "u3", name: "Unit three", kind: .project),
  ]

  /// Evidence, observations (a text repeated across units and within one, a major weakness, strengths) and
  /// team values (one overriding the derived value) on one practice in three units.
  static func appraisal(evidence: [EvidenceItem] = items, tally: EvidenceTally? = nil) -> Appraisal {
    var appraisal = Appraisal(
      header: TestModel.header, scope: .init(processAreas: ["AA"]), target: .capabilityLevel(1),
      coverage: .disabled, instantiations: units, evidence: evidence,
      observations: [
        .weakness(practice, in: "u2", "records incomplete"),
        .strength(practice, in: "u1", "applied"),
        .weakness(practice, in: "u1", "records incomplete"),
        .weakness(practice, in: "u1", "records incomplete"),
        .weakness(practice, in: "u3", "no review", impact: .major),
        .strength(practice, in: "u3", "applied"),
      ],
      characterizations: [
        .init(practice: practice, instantiation: "u1", value: .fullyImplemented),
        .init(practice: practice, instantiation: "u2", value: .largelyImplemented),
      ])
    appraisal.evidenceTally = tally
    return appraisal
  }

  static let items = [
    EvidenceItem(
      id: "e1", practice: practice, instantiation: "u1", indicator: .directArtifact, locator: .init(document: "Plan")),
    EvidenceItem(
      id: "e2", practice: practice, instantiation: "u1", indicator: .affirmation, locator: .init(document: "Notes")),
    EvidenceItem(
      id: "e3", practice: practice, instantiation: "u3", indicator: .artifact, locator: .init(document: "Log")),
  ]

  static func values(_ appraisal: Appraisal) throws -> InstantiationValues {
    let result = AppraisalRater.rate(appraisal, catalog: TestModel.catalog)
    return try #require(result.practice(practice)).instantiations
  }

  @Test("counts, overrides, weaknesses and groups agree with the built elements")
  func agreesWithElements() throws {
    let table = try Self.values(Self.appraisal())
    let built = InstantiationValues(Array(table))
    #expect(table.count == 3)
    #expect(table == built)
    #expect(table.values == built.values)
    #expect(table.values == [.fullyImplemented, .largelyImplemented, .partiallyImplemented])
    #expect(table.valueCounts == built.valueCounts)
    #expect(table.valueCounts == [1, 1, 1, 0, 0, 0])
    #expect(table.overrideCount == built.overrideCount)
    #expect(table.overrideCount == 2)
    #expect(table.weaknesses == built.weaknesses)
    #expect(table.weaknesses.map(\.instantiation) == ["u1", "u1", "u2", "u3"])
    #expect(table.strengths == built.strengths)
    #expect(table.weaknessCount == 4)
    #expect(table.weaknessCount == built.weaknessCount)
    for position in table.indices {
      #expect(table.value(at: position) == built.value(at: position))
      #expect(table.team(at: position) == built.team(at: position))
      #expect(table.hasWeakness(at: position) == built.hasWeakness(at: position))
      #expect(table.instantiation(at: position) == built.instantiation(at: position))
    }
    let withoutWeakness = { (team: Characterization?, hasWeakness: Bool) in team != nil && !hasWeakness }
    #expect(table.positions(where: withoutWeakness) == built.positions(where: withoutWeakness))
  }

  @Test("observation groups merge by text, list each unit once in sample order, and flag a major weakness")
  func observationGroups() throws {
    let table = try Self.values(Self.appraisal())
    let built = InstantiationValues(Array(table))
    for kind in [Observation.Kind.weakness, .strength] {
      let fromTable = table.observationGroups(kind).map { "\($0.practice) \($0.text) \($0.units) \($0.major)" }
      let fromElements = built.observationGroups(kind).map { "\($0.practice) \($0.text) \($0.units) \($0.major)" }
      #expect(fromTable == fromElements)
    }
    #expect(
      table.observationGroups(.weakness).map { "\($0.text) \($0.units) \($0.major)" } == [
        "records incomplete [\"u1\", \"u2\"] false", "no review [\"u3\"] true",
      ])
  }

  /// The values of the appraisal with its evidence counted in a tally of `practices` × `units` instead of
  /// kept as items, each count a (practice number, unit number, indicator).
  static func tallied(
    _ practices: [PracticeReference], _ units: [String], _ counts: [(Int, Int, EvidenceItem.Indicator)]
  ) throws -> (tally: EvidenceTally, values: InstantiationValues) {
    var tally = EvidenceTally(practices: practices, units: units)
    for (practice, unit, indicator) in counts { tally.add(practice: practice, unit: unit, indicator: indicator) }
    return (tally, try values(appraisal(evidence: [], tally: tally)))
  }

  @Test("a tally's counts rate like the same evidence kept as items")
  func tallyMatchesItems() throws {
    let (tally, tallied) = try Self.tallied(
      [Self.practice, PracticeReference("AA", "SP 1.2")], ["u3", "u1"],
      [(0, 1, .directArtifact), (0, 1, .affirmation), (0, 0, .artifact)])
    #expect(Array(tallied) == Array(try Self.values(Self.appraisal())))
    // A tally and kept items add up.
    let both = try Self.values(Self.appraisal(evidence: Self.items, tally: tally))
    #expect(both[0].evidence == EvidenceCounts(directArtifacts: 2, affirmations: 2))
  }

  @Test("a tally that lists a practice or a unit twice adds up both entries")
  func tallyWithRepeatedNames() throws {
    let (_, tallied) = try Self.tallied(
      [Self.practice, Self.practice], ["u1", "u3", "u1"],
      [(0, 0, .directArtifact), (1, 2, .affirmation), (1, 1, .artifact)])
    #expect(Array(tallied) == Array(try Self.values(Self.appraisal())))
    #expect(tallied[0].evidence == EvidenceCounts(directArtifacts: 1, affirmations: 1))
  }
}
