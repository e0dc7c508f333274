import AppraisalModel
import Testing

/// The two sides' levels per V3.0 area, on the in-code models: V1.3 `TestModel` (AA, BB, CC; GG 1–3) and
/// V3.0 `CMMI3TestModel` (AA levels 1–3, BB 1–2, GOV 1–2) through a small crosswalk: AA → AA, BB → BB,
/// CC → AA at level 3 only, GG 2 and GG 3 → GOV.
@Suite("Cross-version comparison: each side's level per V3.0 area, and the rows")
struct CrossVersionComparisonTests {
  static let crosswalk = ModelCrosswalk(
    from: .init(model: "TEST", version: "1.0"), to: .init(model: "CMMI", version: "3.0"), title: "test",
    links: [
      .init(from: "AA", to: "AA", basis: .derived), .init(from: "BB", to: "BB", basis: .derived),
      .init(from: "CC", to: "AA", level: 3, basis: .derived), .init(from: "GG 2", to: "GOV", basis: .derived),
      .init(from: "GG 3", to: "GOV", basis: .derived),
    ])

  static func compare(overrides: [String: Characterization] = [:], areas: [String] = ["AA", "BB", "CC"])
    -> CrossVersionComparison
  {
    let v13 = AppraisalRater.rate(
      TestModel.appraisal(areas: areas, target: .capabilityLevel(3), overrides: overrides), catalog: TestModel.catalog)
    let appraisal = CMMI3TestModel.appraisal(representation: .capability, target: 3)
    let v3 = CMMI3Rater.rate(appraisal, catalog: CMMI3TestModel.catalog)
    return CrossVersionComparison(
      v13: v13, v3Appraisal: appraisal, v3: v3, crosswalk: crosswalk, catalog: CMMI3TestModel.catalog)
  }

  static func verdicts(_ comparison: CrossVersionComparison) -> [String: String] {
    Dictionary(uniqueKeysWithValues: comparison.v3Rows.map { ($0.practiceArea, $0.verdict.text) })
  }

  @Test("everything satisfied: AA and BB agree; GOV has no level-3 practices, so V3 stops at 2")
  func allSatisfied() {
    let comparison = Self.compare()
    let verdicts = Self.verdicts(comparison)
    #expect(verdicts["AA"] == "both satisfied at level 3 (compared up to level 3)")
    #expect(verdicts["BB"] == "V1.3 satisfied at level 3, V3 not (V3 at level 2) (compared up to level 3)")
    #expect(verdicts["GOV"] == "V1.3 satisfied at level 3, V3 not (V3 at level 2) (compared up to level 3)")
    #expect(
      comparison.v3Rows.first { $0.practiceArea == "GOV" }?.sources.map(\.rating) == [
        "Satisfied in 3 of 3 areas", "Satisfied in 3 of 3 areas",
      ])
    #expect(comparison.v13Rows.map(\.id) == ["AA", "BB", "CC", "GG 2", "GG 3"])
    #expect(comparison.label == CrossVersionComparison.approximateLabel)
  }

  @Test("an area linked at level 3 only caps the V1.3 side at 2 when its specific goals are not satisfied")
  func levelledLinkCaps() {
    let comparison = Self.compare(overrides: ["CC SP 1.1@u1": .notImplemented, "CC SP 1.1@u2": .notImplemented])
    let row = comparison.v3Rows.first { $0.practiceArea == "AA" }!
    #expect(row.v13Level == CrossVersionLevel(level: 2, ratedUpTo: 3))
    #expect(row.verdict.text == "V3 satisfied at level 3, V1.3 not (V1.3 at level 2) (compared up to level 3)")
    #expect(row.sources.map(\.id) == ["AA", "CC"])
  }

  @Test("GG 2 unsatisfied in one area: the generic goals count as level 0 for GOV")
  func genericGoalUnsatisfied() {
    let comparison = Self.compare(overrides: ["BB GP 2.1@u1": .notImplemented, "BB GP 2.1@u2": .notImplemented])
    let row = comparison.v3Rows.first { $0.practiceArea == "GOV" }!
    #expect(row.v13Level?.level == 0)
    #expect(row.sources.first?.rating == "Satisfied in 2 of 3 areas")
    #expect(row.verdict.text == "V3 satisfied at level 2, V1.3 not (compared up to level 3)")
  }

  @Test("a rated V3.0 area with no V1.3 counterpart rated is not comparable; unmapped areas are listed")
  func unmapped() {
    let comparison = Self.compare(areas: ["AA", "DD"])
    #expect(Self.verdicts(comparison)["BB"] == "not comparable: no V1.3 counterpart rated")
    #expect(comparison.unmappedV13 == ["DD"])
    #expect(comparison.unmappedV3 == [])
  }
}
