import AppraisalModel
import Testing

/// SCAMPI v1.3's data-coverage rules (the default policy), each with 2, 3 and 4 units in one subgroup, beside
/// the per-area policy they replace.
@Suite("Rule 3: data coverage by the SCAMPI v1.3 rules")
struct DataCoverageV13Tests {
  static func item(_ id: String, _ practice: String, _ unit: String, _ indicator: EvidenceItem.Indicator)
    -> EvidenceItem
  {
    EvidenceItem(
      id: id, practice: PracticeReference(parsing: practice)!, instantiation: unit, indicator: indicator,
      locator: .init(document: "doc-\(id)"))
  }

  static func units(_ count: Int) -> [Instantiation] {
    (1...count).map { Instantiation(id: "u\($0)", name: "Unit \($0)", kind: .project, subgroup: "g") }
  }

  /// Artifacts and affirmations (`both`), artifacts only (`artifact`), or nothing, per unit and area.
  enum Gives { case both, artifact, nothing }

  static func appraisal(
    _ units: [Instantiation], _ gives: [String: [Gives]], rule: CoveragePolicy.Rule = .scampi13
  ) -> Appraisal {
    var evidence: [EvidenceItem] = []
    for (area, perUnit) in gives.sorted(by: { $0.key < $1.key }) {
      for (unit, what) in zip(units, perUnit) {
        if what != .nothing { evidence.append(item("\(area)-art-\(unit.id)", "\(area) SP 1.1", unit.id, .artifact)) }
        if what == .both { evidence.append(item("\(area)-aff-\(unit.id)", "\(area) SP 1.1", unit.id, .affirmation)) }
      }
    }
    return Appraisal(
      header: TestModel.header, scope: .init(processAreas: ["AA", "BB"]), target: .capabilityLevel(1),
      coverage: CoveragePolicy(rule: rule), instantiations: units, evidence: evidence)
  }

  static func failing(_ result: CoverageResult) -> [String] {
    result.subgroups.filter { !$0.isMet }.map { "\($0.rule.rawValue) \($0.name) \($0.missing)" }
  }

  @Test("rule (i): one unit giving both for the area is enough; none fails, naming every unit", arguments: [2, 3, 4])
  func anyUnit(count: Int) {
    let units = Self.units(count)
    let one = Self.appraisal(
      units,
      ["AA": Array(repeating: .both, count: count), "BB": [.both] + Array(repeating: .artifact, count: count - 1)])
    #expect(DataCoverageRule.check(processArea: "BB", appraisal: one, policy: one.coverage).isMet)
    // The per-area policy asks half the units: stricter from 3 units on.
    let perArea = DataCoverageRule.check(processArea: "BB", appraisal: one, policy: .init(rule: .perArea))
    #expect(perArea.isMet == (count <= 2))

    let none = Self.appraisal(
      units, ["AA": Array(repeating: .both, count: count), "BB": Array(repeating: .artifact, count: count)])
    let result = DataCoverageRule.check(processArea: "BB", appraisal: none, policy: none.coverage)
    #expect(Self.failing(result) == ["v1.3-i g \(units.map(\.id))"])
    #expect(DataCoverageRule.check(processArea: "AA", appraisal: none, policy: none.coverage).isMet)
  }

  @Test("rule (ii): half the units (rounded up) give both for some area in scope", arguments: [2, 3, 4])
  func halfOfUnits(count: Int) {
    let units = Self.units(count)
    let required = (count + 1) / 2
    func gives(_ providing: Int) -> [String: [Gives]] {
      [
        "AA": Array(repeating: .both, count: providing) + Array(repeating: .artifact, count: count - providing),
        "BB": Array(repeating: .artifact, count: count),
      ]
    }
    let short = Self.appraisal(units, gives(required - 1))
    let result = DataCoverageRule.check(processArea: "BB", appraisal: short, policy: short.coverage)
    let lacking = units.dropFirst(required - 1).map(\.id)
    // BB also fails rule (i) whenever nobody gives both for it; rule (ii) is the subgroup's, so AA fails too.
    #expect(Self.failing(result) == ["v1.3-i g \(units.map(\.id))", "v1.3-ii g \(lacking)"])
    let area = DataCoverageRule.check(processArea: "AA", appraisal: short, policy: short.coverage)
    #expect(Self.failing(area).contains("v1.3-ii g \(lacking)"))
    #expect(area.subgroups.first { $0.rule == .halfOfUnits }?.required == required)

    let enough = Self.appraisal(units, gives(required))
    #expect(DataCoverageRule.check(processArea: "AA", appraisal: enough, policy: enough.coverage).isMet)
  }

  @Test(
    "rule (iii): every unit gives something for some area; the per-area policy let one silent unit pass with 2",
    arguments: [2, 3, 4])
  func everyUnit(count: Int) {
    let units = Self.units(count)
    let silentLast: [Gives] = Array(repeating: .both, count: count - 1) + [.nothing]
    let appraisal = Self.appraisal(units, ["AA": silentLast, "BB": silentLast])
    let result = DataCoverageRule.check(processArea: "AA", appraisal: appraisal, policy: appraisal.coverage)
    #expect(Self.failing(result) == ["v1.3-iii g [\"u\(count)\"]"])
    #expect(
      result.subgroups.first { !$0.isMet }?.shortfall
        == "data coverage not met (SCAMPI v1.3 rule (iii)) in subgroup g: \(count - 1) of \(count) units provide "
        + "artifacts or affirmations for some area in scope; every unit required; providing none: u\(count)")
    let perArea = DataCoverageRule.check(processArea: "AA", appraisal: appraisal, policy: .init(rule: .perArea))
    #expect(perArea.isMet)
  }

  @Test("a support function gives both for each area it owns, and is not counted among the basic units")
  func supportFunction() {
    var units = Self.units(2)
    units.append(Instantiation(id: "epg", name: "Process group", kind: .supportFunction, processAreas: ["BB"]))
    var appraisal = Self.appraisal(units, ["AA": [.both, .both, .nothing], "BB": [.both, .both, .artifact]])
    let result = DataCoverageRule.check(processArea: "BB", appraisal: appraisal, policy: appraisal.coverage)
    #expect(Self.failing(result) == ["v1.3-support epg [\"epg\"]"])
    // The subgroup counts leave it out: AA is met although the support function gives nothing there.
    #expect(DataCoverageRule.check(processArea: "AA", appraisal: appraisal, policy: appraisal.coverage).isMet)
    appraisal.evidence.append(Self.item("epg-aff", "BB SP 1.1", "epg", .affirmation))
    #expect(DataCoverageRule.check(processArea: "BB", appraisal: appraisal, policy: appraisal.coverage).isMet)
  }

  @Test("the rater makes the area's goals Not Rated, naming the rule and the units; a disabled check passes")
  func rated() {
    let units = Self.units(3)
    let appraisal = Self.appraisal(units, ["AA": [.both, .both, .both], "BB": [.artifact, .artifact, .artifact]])
    let result = AppraisalRater.rate(appraisal, catalog: TestModel.catalog)
    #expect(result.goal("BB", "SG 1")?.value == .notRated)
    #expect(
      result.goal("BB", "SG 1")?.reasons == [
        "data coverage not met (SCAMPI v1.3 rule (i)) in subgroup g: 0 of 3 units provide both artifacts and "
          + "affirmations for the area; at least 1 required; not providing both: u1, u2, u3"
      ])
    var disabled = appraisal
    disabled.coverage.isEnabled = false
    #expect(AppraisalRater.rate(disabled, catalog: TestModel.catalog).goal("BB", "SG 1")?.value == .unsatisfied)
  }
}
