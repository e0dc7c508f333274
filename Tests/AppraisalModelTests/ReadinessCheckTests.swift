import AppraisalModel
import EvidenceParsers
import Testing

/// ``ReadinessCheck``: every rated cell's state and the goals that would be Not Rated, checked against a
/// recount from the raw records and against the rater.
@Suite("The readiness check")
struct ReadinessCheckTests {
  /// The repository root, from this file's path (Tests/AppraisalModelTests/…).
  static let root = String(#filePath).split(separator: "/", omittingEmptySubsequences: false).dropLast(3)
    .joined(separator: "/")

  static func catalog() throws -> Catalog {
    try CatalogReader.read(path: root + "/practice-catalogs/cmmi-svc-1.3.json")
  }

  /// The fixture with every evidence item kept (`streaming` false) or counted (`streaming` true).
  static func read(_ fixture: String, streaming: Bool = false, catalog: Catalog) throws -> Appraisal {
    try AppraisalReader.read(path: root + "/" + fixture, catalog: catalog, streaming: streaming).appraisal
  }

  /// The state of every rated cell counted again from the raw evidence list and team values, without the
  /// rater: the rated areas from the scope, the practices from the catalog (no generic goal at CL 1).
  static func recount(_ appraisal: Appraisal, catalog: Catalog) -> [String: Int] {
    var artifacts: [String: Int] = [:]
    var affirmations: [String: Int] = [:]
    for item in appraisal.evidence {
      let key = "\(item.practice)@\(item.instantiation)"
      if item.indicator == .affirmation { affirmations[key, default: 0] += 1 } else { artifacts[key, default: 0] += 1 }
    }
    let team = Dictionary(
      appraisal.characterizations.map { ("\($0.practice)@\($0.instantiation)", $0.value) },
      uniquingKeysWith: { first, _ in first })
    let excluded = Set(appraisal.scope.notApplicable.map(\.processArea))
    var counts: [String: Int] = [:]
    for area in catalog.processAreas where appraisal.scope.processAreas.contains(area.id) {
      if excluded.contains(area.id) || (area.isAddition && !appraisal.scope.includesAdditions) { continue }
      for practice in area.goals.flatMap(\.practices) {
        for unit in appraisal.instantiations where unit.processAreas?.contains(area.id) ?? true {
          let key = "\(area.id) \(practice.id)@\(unit.id)"
          let state: String
          if let value = team[key] {
            state = "team \(value.code)"
          } else {
            switch ((artifacts[key] ?? 0) > 0, (affirmations[key] ?? 0) > 0) {
            case (true, true): state = "both"
            case (true, false): state = "artifacts only"
            case (false, true): state = "affirmations only"
            case (false, false): state = "no evidence"
            }
          }
          counts[state, default: 0] += 1
        }
      }
    }
    return counts
  }

  static func counted(_ counts: ReadinessCounts) -> [String: Int] {
    var result: [String: Int] = [
      "both": counts.artifactsAndAffirmations, "artifacts only": counts.artifactsOnly,
      "affirmations only": counts.affirmationsOnly, "no evidence": counts.noEvidence,
    ]
    for (value, count) in counts.team { result["team \(value.code)"] = count }
    return result.filter { $0.value > 0 }
  }

  @Test(
    "Company A: the counts per state, recounted from the raw records",
    arguments: [
      ("fixtures/company-a/before.xml", 159, 126, 33, [Characterization: Int]()),
      ("fixtures/company-a/after.xml", 159, 156, 2, [.notImplemented: 1]),
    ])
  func companyA(fixture: String, total: Int, both: Int, noEvidence: Int, team: [Characterization: Int]) throws {
    let catalog = try Self.catalog()
    let appraisal = try Self.read(fixture, catalog: catalog)
    let readiness = ReadinessCheck.check(appraisal, catalog: catalog)
    #expect(Self.counted(readiness.counts) == Self.recount(appraisal, catalog: catalog))
    #expect(readiness.counts.total == total)
    #expect(readiness.cells.count == total)
    #expect(readiness.counts.artifactsAndAffirmations == both)
    #expect(readiness.counts.artifactsOnly == 0)
    #expect(readiness.counts.affirmationsOnly == 0)
    #expect(readiness.counts.noEvidence == noEvidence)
    #expect(readiness.counts.team == team)
    // Seven areas, their specific goals only at capability level 1; every cell is characterized (the
    // no-evidence cells carry weaknesses: NI), so no goal would be Not Rated — as `rate` says.
    #expect(readiness.ratedGoalCount == 18)
    #expect(readiness.notRatedGoals.isEmpty)
    #expect(readiness.cells.filter { $0.state == .noEvidence }.allSatisfy { $0.derived == .notImplemented })
    let result = AppraisalRater.rate(appraisal, catalog: catalog)
    #expect(!result.processAreas.flatMap(\.goals).contains { $0.value == .notRated })
    // Counting without listing gives the same counts and goals, and no cells.
    let counted = ReadinessCheck.check(appraisal, catalog: catalog, listingCells: false)
    #expect(counted.cells.isEmpty)
    #expect(counted.counts == readiness.counts)
    #expect(counted.notRatedGoals == readiness.notRatedGoals)
    // The streamed read (evidence counted, not kept) gives the same readiness.
    #expect(
      ReadinessCheck.check(try Self.read(fixture, streaming: true, catalog: catalog), catalog: catalog) == readiness)
  }

  @Test("Company A before, with the shop's SCON affirmations and SST records removed: coverage and gaps")
  func companyAGaps() throws {
    let catalog = try Self.catalog()
    var appraisal = try Self.read("fixtures/company-a/before.xml", catalog: catalog)
    appraisal.coverage.rule = .perArea  // the per-area policy's counts (the v1.3 rules: DataCoverageRuleTests)
    appraisal.evidence.removeAll {
      ($0.practice.processArea == "SCON" && $0.instantiation != "portal" && $0.indicator == .affirmation)
        || ($0.practice == PracticeReference("SST", "SP 1.1") && $0.instantiation == "shop")
    }
    appraisal.observations.removeAll { $0.practice == PracticeReference("SST", "SP 1.1") && $0.instantiation == "shop" }
    let readiness = ReadinessCheck.check(appraisal, catalog: catalog)
    #expect(Self.counted(readiness.counts) == Self.recount(appraisal, catalog: catalog))

    // SCON: only the portal provides both kinds, 1 of 3 where 2 are needed: every SCON goal Not Rated.
    let scon = readiness.notRatedGoals.filter { $0.processArea == "SCON" }
    #expect(scon.map(\.goal) == ["SG 1", "SG 2", "SG 3"])
    for goal in scon {
      #expect(
        goal.reasons.first
          == .coverage(.init(name: "web services", units: 3, providing: 1, required: 2, missing: ["shop", "payments"])))
    }
    // SST SP 1.1 has nothing recorded in the shop any more.
    let sst = try #require(readiness.notRatedGoals.first { $0.processArea == "SST" })
    #expect(sst.goal == "SG 1")
    #expect(sst.reasons == [.notCharacterized(practice: PracticeReference("SST", "SP 1.1"), units: ["shop"])])
    let cell = try #require(
      readiness.cells.first { $0.practice == PracticeReference("SST", "SP 1.1") && $0.instantiation == "shop" })
    #expect(cell.state == .noEvidence)
    #expect(cell.derived == nil)
    #expect(cell.goal == "SG 1")
    // Exactly the goals `rate` rates Not Rated.
    let notRated = AppraisalRater.rate(appraisal, catalog: catalog).processAreas.flatMap(\.goals)
      .filter { $0.value == .notRated }.map { "\($0.processArea) \($0.goal)" }
    #expect(readiness.notRatedGoals.map { "\($0.processArea) \($0.goal)" } == notRated)
  }

  // MARK: Each state and reason on the test model

  static let header = Appraisal.Header(
    id: "T", name: "T", organizationalUnit: "U", date: "2026-01-01", model: "TEST", modelVersion: "1.0")

  static func item(_ id: String, _ practice: String, _ unit: String, _ indicator: EvidenceItem.Indicator)
    -> EvidenceItem
  {
    EvidenceItem(
      id: id, practice: PracticeReference(parsing: practice)!, instantiation: unit, indicator: indicator,
      locator: .init(document: "doc"))
  }

  @Test("each cell state, the derived value, and every reason a goal would be Not Rated")
  func states() {
    let units = [
      Instantiation(id: "u1", name: "one", kind: .project, subgroup: "a"),
      Instantiation(id: "u2", name: "two", kind: .project, subgroup: "a"),
      Instantiation(id: "u3", name: "three", kind: .project, subgroup: "b", processAreas: ["BB"]),
    ]
    let appraisal = Appraisal(
      header: Self.header, scope: AppraisalScope(processAreas: ["AA", "BB"]), target: .capabilityLevel(1),
      coverage: CoveragePolicy(rule: .perArea), instantiations: units,
      evidence: [
        Self.item("1", "AA SP 1.1", "u1", .directArtifact), Self.item("2", "AA SP 1.1", "u1", .affirmation),
        Self.item("3", "AA SP 1.2", "u1", .artifact), Self.item("4", "AA SP 2.1", "u1", .affirmation),
        Self.item("5", "BB SP 1.1", "u3", .indirectArtifact), Self.item("6", "BB SP 1.1", "u3", .affirmation),
      ],
      observations: [.weakness(PracticeReference("AA", "SP 1.1"), in: "u2", "nothing there")],
      characterizations: [
        TeamCharacterization(practice: PracticeReference("BB", "SP 1.1"), instantiation: "u1", value: .notYet),
        TeamCharacterization(practice: PracticeReference("BB", "SP 1.1"), instantiation: "u2", value: .notYet),
      ])
    let readiness = ReadinessCheck.check(appraisal, catalog: TestModel.catalog)
    let states = readiness.cells.map { "\($0.practice)@\($0.instantiation)" }
    // Catalog order, then sample order; u3 examines BB only.
    #expect(
      states == [
        "AA SP 1.1@u1", "AA SP 1.1@u2", "AA SP 1.2@u1", "AA SP 1.2@u2", "AA SP 2.1@u1", "AA SP 2.1@u2",
        "BB SP 1.1@u1", "BB SP 1.1@u2", "BB SP 1.1@u3",
      ])
    #expect(
      readiness.cells.map(\.state) == [
        .artifactsAndAffirmations, .noEvidence, .artifactsOnly, .noEvidence, .affirmationsOnly, .noEvidence,
        .team(.notYet), .team(.notYet), .artifactsAndAffirmations,
      ])
    #expect(
      readiness.cells.map(\.derived) == [
        .fullyImplemented, .notImplemented, .partiallyImplemented, nil, .partiallyImplemented, nil, nil, nil,
        .fullyImplemented,
      ])
    #expect(readiness.cells.map(\.goal) == ["SG 1", "SG 1", "SG 1", "SG 1", "SG 2", "SG 2", "SG 1", "SG 1", "SG 1"])
    #expect(readiness.counts.total == 9)
    #expect(readiness.counts.missingEvidence == 5)
    #expect(readiness.missingEvidence.count == 5)
    #expect(readiness.counts.team == [.notYet: 2])

    // AA: u2 provides nothing, so subgroup a has 1 of 2 providing, 1 required: coverage met. SG 1 waits
    // for SP 1.2 in u2, SG 2 for SP 2.1 in u2. BB SG 1: u1 and u2 are NY, which aggregation leaves out, but
    // team values are no evidence for coverage: subgroup a provides nothing for BB.
    #expect(readiness.ratedGoalCount == 3)
    #expect(
      readiness.notRatedGoals == [
        NotRatedGoal(
          processArea: "AA", goal: "SG 1", title: "Goal SG 1",
          reasons: [.notCharacterized(practice: PracticeReference("AA", "SP 1.2"), units: ["u2"])]),
        NotRatedGoal(
          processArea: "AA", goal: "SG 2", title: "Goal SG 2",
          reasons: [.notCharacterized(practice: PracticeReference("AA", "SP 2.1"), units: ["u2"])]),
        NotRatedGoal(
          processArea: "BB", goal: "SG 1", title: "Goal SG 1",
          reasons: [.coverage(.init(name: "a", units: 2, providing: 0, required: 1, missing: ["u1", "u2"]))]),
      ])
  }

  @Test("a coverage shortfall is listed with the practices not characterized, which the rule's reasons hide")
  func coverageAndPractices() {
    let units = [
      Instantiation(id: "u1", name: "one", kind: .project),
      Instantiation(id: "u2", name: "two", kind: .project),
      Instantiation(id: "u3", name: "three", kind: .project),
    ]
    let appraisal = Appraisal(
      header: Self.header, scope: AppraisalScope(processAreas: ["BB"]), target: .capabilityLevel(1),
      coverage: CoveragePolicy(rule: .perArea), instantiations: units,
      evidence: [Self.item("1", "BB SP 1.1", "u1", .artifact), Self.item("2", "BB SP 1.1", "u1", .affirmation)],
      characterizations: [
        TeamCharacterization(practice: PracticeReference("BB", "SP 1.1"), instantiation: "u2", value: .notYet)
      ])
    let readiness = ReadinessCheck.check(appraisal, catalog: TestModel.catalog)
    #expect(
      readiness.notRatedGoals.first?.reasons == [
        .coverage(
          .init(name: DataCoverageRule.defaultSubgroup, units: 3, providing: 1, required: 2, missing: ["u2", "u3"])),
        .notCharacterized(practice: PracticeReference("BB", "SP 1.1"), units: ["u3"]),
      ])
    // The rater itself names only the shortfall.
    let goal = AppraisalRater.rate(appraisal, catalog: TestModel.catalog).processArea("BB")?.goals.first
    #expect(goal?.value == .notRated)
    #expect(goal?.reasons.count == 1)
  }

  @Test("NY for the whole unit, and a practice examined in no unit")
  func notYetAndNotExamined() {
    let units = [Instantiation(id: "u1", name: "one", kind: .project, processAreas: ["BB"])]
    let appraisal = Appraisal(
      header: Self.header, scope: AppraisalScope(processAreas: ["AA", "BB"]), target: .capabilityLevel(1),
      coverage: .disabled, instantiations: units,
      characterizations: [
        TeamCharacterization(practice: PracticeReference("BB", "SP 1.1"), instantiation: "u1", value: .notYet)
      ])
    let readiness = ReadinessCheck.check(appraisal, catalog: TestModel.catalog)
    #expect(readiness.cells.count == 1)
    #expect(
      readiness.notRatedGoals.map(\.reasons) == [
        [
          .notExamined(practice: PracticeReference("AA", "SP 1.1")),
          .notExamined(practice: PracticeReference("AA", "SP 1.2")),
        ],
        [.notExamined(practice: PracticeReference("AA", "SP 2.1"))],
        [.notYet(practice: PracticeReference("BB", "SP 1.1"))],
      ])
  }
}
