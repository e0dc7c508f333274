import AppraisalModel
import EvidenceParsers
import Testing

/// ``ActionPlanner``: the plans for the Company A fixtures and small in-code appraisals, each checked by
/// rating again with the plan carried out, and each item shown necessary (without it the target is missed).
@Suite("The action planner")
struct ActionPlannerTests {
  static let root = ReadinessCheckTests.root

  static func catalog() throws -> Catalog { try ReadinessCheckTests.catalog() }

  static func read(_ fixture: String, streaming: Bool = false, catalog: Catalog) throws -> Appraisal {
    try ReadinessCheckTests.read(fixture, streaming: streaming, catalog: catalog)
  }

  static let sevenAreas = ["CAM", "IRP", "SCON", "SD", "SSD", "SST", "STSM"]

  /// Each item is necessary: the plan without it does not reach the target.
  static func expectMinimal(
    _ plan: ActionPlan, _ appraisal: Appraisal, catalog: Catalog,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    for index in plan.items.indices {
      var fewer = plan.items
      fewer.remove(at: index)
      let check = ActionPlanner.check(fewer, target: plan.target, appraisal: appraisal, catalog: catalog).check
      #expect(
        !check.reached, "the plan without \(plan.items[index].chain) still reaches \(plan.target)",
        sourceLocation: sourceLocation)
    }
  }

  @Test("after.xml, CL 1 in all seven areas: exactly SCON SP 2.3, SSD SP 3.2 and STSM SP 1.1, and they reach it")
  func companyAAfter() throws {
    let catalog = try Self.catalog()
    let appraisal = try Self.read("fixtures/company-a/after.xml", catalog: catalog)
    let plan = ActionPlanner.plan(
      appraisal, catalog: catalog, target: .capabilityLevel(1, areas: Self.sevenAreas))
    #expect(plan.target == .capabilityLevel(1, areas: Self.sevenAreas))
    #expect(plan.items.map(\.practice.description) == ["SCON SP 2.3", "SSD SP 3.2", "STSM SP 1.1"])
    #expect(plan.items.allSatisfy { $0.kind == .practice })
    #expect(
      plan.items.map { $0.cells.map(\.instantiation) } == [
        ["shop", "payments", "portal"], ["shop", "payments", "portal"], ["shop", "payments", "portal"],
      ])
    #expect(plan.items.map(\.goals) == [["SG 2"], ["SG 3"], ["SG 1"]])
    #expect(plan.items[0].chain == "SCON SP 2.3 (shop, payments, portal) → SCON SG 2 → SCON CL 1")
    #expect(plan.blockedGoals == ["SCON SG 2", "SSD SG 3", "STSM SG 1"])
    #expect(plan.scopeChanges.isEmpty && plan.coverageShortfalls.isEmpty)
    #expect(!plan.reachedToday)
    #expect(plan.check.reached)
    #expect(plan.check.remaining.isEmpty)
    #expect(plan.check.levels == Self.sevenAreas.map { "\($0) CL 1" })
    // The default target is the file's own (continuous, CL 1, the areas it rates): the same plan.
    #expect(ActionPlanner.plan(appraisal, catalog: catalog) == plan)
    // The streamed read (evidence counted, not kept) gives the same plan.
    let streamed = try Self.read("fixtures/company-a/after.xml", streaming: true, catalog: catalog)
    #expect(ActionPlanner.plan(streamed, catalog: catalog, target: plan.target) == plan)
    Self.expectMinimal(plan, appraisal, catalog: catalog)
  }

  @Test("before.xml, CL 1: the plan reaches it and every item is needed")
  func companyABefore() throws {
    let catalog = try Self.catalog()
    let appraisal = try Self.read("fixtures/company-a/before.xml", catalog: catalog)
    let plan = ActionPlanner.plan(appraisal, catalog: catalog)
    print(plan.items.map(\.chain).joined(separator: "\n"))
    #expect(!plan.items.isEmpty)
    #expect(!plan.reachedToday)
    #expect(plan.check.reached, "still: \(plan.check.remaining)")
    Self.expectMinimal(plan, appraisal, catalog: catalog)
    // Rated again with the plan carried out, every area is at CL 1.
    let after = ActionPlanner.check(plan.items, target: plan.target, appraisal: appraisal, catalog: catalog).result
    #expect(after.ratedProcessAreas.allSatisfy { ($0.capability?.level ?? 0) >= 1 })
  }

  @Test("a staged ML 2 target: the ML 2 areas' failing practices and GG 2, and an area out of scope brought in")
  func stagedMaturityLevel2() throws {
    let catalog = TestModel.catalog
    let appraisal = TestModel.appraisal(
      areas: ["AA", "BB", "CC"], target: .maturityLevel(2),
      overrides: [
        "AA SP 1.2@u1": .partiallyImplemented, "BB GP 2.1@u2": .notImplemented, "CC SP 1.1@u1": .notImplemented,
      ])
    let plan = ActionPlanner.plan(appraisal, catalog: catalog)
    #expect(plan.target == .maturityLevel(2))
    #expect(plan.areas == ["AA", "BB"])
    // CC is ML 3: not needed for ML 2.
    #expect(plan.items.map(\.chain) == ["AA SP 1.2 (u1) → AA SG 1 → ML 2", "BB GP 2.1 (u2) → BB GG 2 → ML 2"])
    #expect(
      plan.judgments.map(\.kind) == [
        .aggregation(practice: .init("AA", "SP 1.2"), allowed: [.largelyImplemented, .partiallyImplemented]),
        .aggregation(
          practice: .init("BB", "GP 2.1"), allowed: [.notImplemented, .partiallyImplemented, .largelyImplemented]),
      ])
    #expect(plan.check.reached)
    #expect(plan.check.levels == ["ML 2"])
    Self.expectMinimal(plan, appraisal, catalog: catalog)

    // BB out of scope: a scope change, and every cell of BB (nothing recorded there) in the plan.
    let narrow = TestModel.appraisal(areas: ["AA"], target: .maturityLevel(2))
    let widened = ActionPlanner.plan(narrow, catalog: catalog)
    #expect(widened.scopeChanges.map(\.processArea) == ["BB"])
    #expect(widened.scopeChanges.first?.reason == .notInScope)
    #expect(widened.items.map(\.practice.description) == ["BB SP 1.1", "BB GP 2.1", "BB GP 2.2"])
    #expect(widened.items.allSatisfy { $0.cells.map(\.instantiation) == ["u1", "u2"] && $0.value == nil })
    #expect(!widened.reachedToday)
    #expect(widened.check.reached)
    // A CL 2 target on the same file rates GG 2 the file does not rate at CL 1.
    let continuous = TestModel.appraisal(areas: ["AA"], target: .capabilityLevel(1))
    let cl2 = ActionPlanner.plan(continuous, catalog: catalog, target: .capabilityLevel(2, areas: nil))
    #expect(cl2.items.map(\.practice.description) == ["AA GP 2.1", "AA GP 2.2"])
    #expect(cl2.check.reached && cl2.check.levels == ["AA CL 2"])
  }

  @Test("a target reached today gives an empty plan; provisional goals are judgments outstanding")
  func reachedToday() throws {
    let catalog = TestModel.catalog
    let appraisal = TestModel.appraisal(
      areas: ["AA", "BB"], target: .maturityLevel(2), overrides: ["AA SP 2.1@u1": .largelyImplemented])
    let plan = ActionPlanner.plan(appraisal, catalog: catalog)
    #expect(plan.reachedToday && plan.items.isEmpty && plan.check.reached)
    #expect(plan.check.pendingSignificance)
    #expect(
      plan.judgments == [OutstandingJudgment(processArea: "AA", goal: "SG 2", kind: .significance(weaknesses: 1))])
  }

  @Test("weaknesses judged significant: the cells carrying them are the plan")
  func significantWeaknesses() throws {
    let catalog = TestModel.catalog
    var appraisal = TestModel.appraisal(
      areas: ["AA"], target: .capabilityLevel(1), overrides: ["AA SP 2.1@u2": .largelyImplemented])
    appraisal.significanceDecisions = [
      SignificanceDecision(processArea: "AA", goal: "SG 2", significant: true, justification: "the gap matters")
    ]
    let plan = ActionPlanner.plan(appraisal, catalog: catalog)
    #expect(plan.items.map(\.chain) == ["AA SP 2.1 (u2) → AA SG 2 → AA CL 1"])
    #expect(plan.items.first?.kind == .significantWeaknesses)
    #expect(plan.check.reached && !plan.check.pendingSignificance)
    Self.expectMinimal(plan, appraisal, catalog: catalog)
  }

  @Test("data coverage short: as many units as the rule needs provide evidence, beyond the planned cells")
  func coverage() throws {
    let catalog = TestModel.catalog
    var appraisal = TestModel.appraisal(
      areas: ["AA", "BB"], target: .capabilityLevel(1), overrides: ["BB SP 1.1@u3": .partiallyImplemented],
      units: [
        Instantiation(id: "u1", name: "One", kind: .project, subgroup: "g"),
        Instantiation(id: "u2", name: "Two", kind: .project, subgroup: "g"),
        Instantiation(id: "u3", name: "Three", kind: .project, subgroup: "g"),
      ])
    appraisal.coverage = CoveragePolicy(rule: .perArea)
    let plan = ActionPlanner.plan(appraisal, catalog: catalog)
    // AA: 2 of 3 units must provide evidence and none do; BB: u3's planned cell covers one unit, u1 the other.
    #expect(
      plan.coverageShortfalls.map { "\($0.processArea) \($0.missing) \($0.coveredByPlan)" } == [
        "AA [\"u1\", \"u2\", \"u3\"] []", "BB [\"u1\", \"u2\", \"u3\"] [\"u3\"]",
      ])
    #expect(
      plan.items.map(\.chain) == [
        "AA SP 1.1 (u1) → AA SG 1, SG 2 → AA CL 1", "AA SP 1.1 (u2) → AA SG 1, SG 2 → AA CL 1",
        "BB SP 1.1 (u3) → BB SG 1 → BB CL 1", "BB SP 1.1 (u1) → BB SG 1 → BB CL 1",
      ])
    #expect(plan.check.reached)
    Self.expectMinimal(plan, appraisal, catalog: catalog)
  }

  @Test("v1.3 coverage short: a subgroup-wide count is planned once, counting units the other areas' cells cover")
  func coverageV13() throws {
    let catalog = TestModel.catalog
    var appraisal = TestModel.appraisal(
      areas: ["AA", "BB"], target: .capabilityLevel(1), overrides: ["BB SP 1.1@u3": .partiallyImplemented],
      units: [
        Instantiation(id: "u1", name: "One", kind: .project, subgroup: "g"),
        Instantiation(id: "u2", name: "Two", kind: .project, subgroup: "g"),
        Instantiation(id: "u3", name: "Three", kind: .project, subgroup: "g"),
      ])
    appraisal.coverage = .standard
    let plan = ActionPlanner.plan(appraisal, catalog: catalog)
    // Team values only: no unit gives evidence. AA: rule (i) needs one unit (u1), (ii) two, (iii) all three:
    // u1's item and BB's planned cell in u3 count, so u2 is added; BB: its own cell covers rule (i); (ii) and
    // (iii) were planned once, in AA.
    #expect(
      plan.coverageShortfalls.map { "\($0.processArea) \($0.rule.rawValue) \($0.coveredByPlan)" } == [
        "AA v1.3-i []", "AA v1.3-ii [\"u1\", \"u3\"]", "AA v1.3-iii [\"u1\", \"u3\"]", "BB v1.3-i [\"u3\"]",
      ])
    #expect(
      plan.items.map(\.chain) == [
        "AA SP 1.1 (u1) → AA SG 1, SG 2 → AA CL 1", "AA SP 1.1 (u2) → AA SG 1, SG 2 → AA CL 1",
        "BB SP 1.1 (u3) → BB SG 1 → BB CL 1",
      ])
    #expect(plan.check.reached)
    Self.expectMinimal(plan, appraisal, catalog: catalog)
  }

  @Test("above ten cells the chain counts the units and names the first three; the route names none")
  func longChain() {
    let cells = (1...12).map {
      PlanCell(
        instantiation: "u\($0)", value: .partiallyImplemented, team: nil, derivation: "", evidence: EvidenceCounts(),
        weaknesses: [])
    }
    let item = ActionItem(
      kind: .practice, practice: .init("AA", "SP 1.1"), title: "", goals: ["SG 1"], level: "ML 2",
      value: .partiallyImplemented, judgmentNeeded: false, cells: cells)
    #expect(item.chain == "AA SP 1.1 (12 units: u1, u2, u3, …) → AA SG 1 → ML 2")
    #expect(item.route == "AA SP 1.1 → AA SG 1 → ML 2")
    var ten = item
    ten.cells.removeLast(2)
    #expect(ten.chain == "AA SP 1.1 (" + (1...10).map { "u\($0)" }.joined(separator: ", ") + ") → AA SG 1 → ML 2")
  }

  @Test(
    "targets parse in the spellings --target accepts",
    arguments: [
      ("ML 2", PlanTarget.maturityLevel(2)), ("ML2", .maturityLevel(2)), ("ml2", .maturityLevel(2)),
      ("CL 1", .capabilityLevel(1, areas: nil)), ("cl1", .capabilityLevel(1, areas: nil)),
      (" cl 3 ", .capabilityLevel(3, areas: nil)),
    ])
  func parsing(text: String, target: PlanTarget) {
    #expect(PlanTarget(parsing: text) == target)
  }

  @Test(
    "anything else does not",
    arguments: ["ML 1", "ML 6", "CL 0", "CL 4", "L2", "ML", "ML two", "ML 2.5", "", "SL 2", "ML -2"])
  func badTargets(text: String) {
    #expect(PlanTarget(parsing: text) == nil)
  }
}
