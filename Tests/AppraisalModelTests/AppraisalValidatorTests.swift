import AppraisalModel
import Testing

/// ``AppraisalValidator``: one test per rule of its documentation, each a table of changes to a valid
/// appraisal and the exact problems they cause (severity, path in the evidence format, message).
@Suite("Appraisal validation")
struct AppraisalValidatorTests {
  /// A valid appraisal: AA–DD in scope (DD an addition), two units, every specific practice FI, target CL 1
  /// (no generic practice rated). Its characterizations run AA SP 1.1 u1, AA SP 1.1 u2, AA SP 1.2 u1, …
  static let valid = TestModel.appraisal(areas: ["AA", "BB", "CC", "DD"], target: .capabilityLevel(1))

  static func problems(_ appraisal: Appraisal, judgingApplicability: Bool = true) -> [String] {
    AppraisalValidator.problems(in: appraisal, catalog: TestModel.catalog, judgingApplicability: judgingApplicability)
      .map { "\($0.severity.rawValue) \($0.path): \($0.message)" }
  }

  /// A change to ``valid`` and the problems it must cause, in order.
  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var expected: [String]
    var change: @Sendable (inout Appraisal) -> Void

    init(_ name: String, _ expected: [String], _ change: @escaping @Sendable (inout Appraisal) -> Void) {
      self.name = name
      self.expected = expected
      self.change = change
    }

    var testDescription: String { name }

    func run() -> [String] {
      var appraisal = AppraisalValidatorTests.valid
      change(&appraisal)
      return AppraisalValidatorTests.problems(appraisal)
    }
  }

  static let areas = "TEST 1.0 has AA, BB, CC, DD, EE"
  static let aa11 = PracticeReference("AA", "SP 1.1")

  static func characterization(
    _ practice: PracticeReference, _ unit: String, _ value: Characterization = .fullyImplemented
  )
    -> TeamCharacterization
  {
    TeamCharacterization(practice: practice, instantiation: unit, value: value)
  }

  static func evidence(_ id: String, _ practice: PracticeReference = aa11, date: String? = nil) -> EvidenceItem {
    EvidenceItem(
      id: id, practice: practice, instantiation: "u1", indicator: .artifact,
      locator: .init(document: "plan.docx", date: date))
  }

  @Test("the valid appraisal has no problem")
  func validAppraisal() {
    #expect(Self.problems(Self.valid).isEmpty)
    #expect(Self.valid.characterizations.count == 14)
  }

  // MARK: Header

  static let header: [Case] = [
    Case(
      "another model",
      [
        "error header.model: the appraisal is for CMMI-SVC 1.0, but the catalog is TEST 1.0; "
          + "use --catalog to load the matching catalog"
      ]
    ) { $0.header.model = "CMMI-SVC" },
    Case(
      "another version of the model",
      [
        "error header.modelVersion: the appraisal is for TEST 1.3, but the catalog is TEST 1.0; "
          + "use --catalog to load the matching catalog"
      ]
    ) { $0.header.modelVersion = "1.3" },
    Case(
      "both wrong: one problem, at the model",
      [
        "error header.model: the appraisal is for CMMI-SVC 1.3, but the catalog is TEST 1.0; "
          + "use --catalog to load the matching catalog"
      ]
    ) {
      $0.header.model = "CMMI-SVC"
      $0.header.modelVersion = "1.3"
    },
  ]

  @Test("the header names the catalog's model and version", arguments: header)
  func headerRule(_ example: Case) { #expect(example.run() == example.expected) }

  // MARK: Dates

  static let dates: [(String, Bool)] = [
    ("2026-11-23", true), ("2024-02-29", true), ("2000-02-29", true), ("2026-12-31", true), ("0001-01-01", true),
    ("2026-02-29", false), ("2023-02-29", false), ("1900-02-29", false), ("2026-04-31", false), ("2026-13-01", false),
    ("2026-00-10", false), ("2026-01-00", false), ("2026-1-05", false), ("26-01-05", false), ("2026/01/05", false),
    ("2026-01-05T10:00", false), ("", false), ("２０２６-01-05", false), ("२०२६-०१-०१", false), ("2026-01-0a", false),
  ]

  @Test("a date is a real calendar date written YYYY-MM-DD", arguments: dates)
  func calendarDate(text: String, valid: Bool) {
    #expect(AppraisalValidator.isCalendarDate(text) == valid)
    let problems = Self.problems(
      {
        var appraisal = Self.valid
        appraisal.header.date = text
        appraisal.evidence = [Self.evidence("E1", date: text)]
        return appraisal
      }())
    #expect(
      problems
        == (valid
          ? []
          : [
            "error header.date: \"\(text)\" is not a calendar date; expected YYYY-MM-DD",
            "error evidence[0].locator.date: \"\(text)\" is not a calendar date; expected YYYY-MM-DD",
          ]))
  }

  // MARK: Scope

  static let scope: [Case] = [
    Case("an unknown area", ["error scope.processAreas[4]: unknown process area \"ZZ\"; \(areas)"]) {
      $0.scope.processAreas.append("ZZ")
    },
    Case("an area listed twice", ["error scope.processAreas[4]: process area AA is listed twice in the scope"]) {
      $0.scope.processAreas.append("AA")
    },
    Case(
      "an area in scope and not applicable",
      [
        "error scope.processAreas[1]: process area BB is both in scope and declared not applicable",
        "warning scope.notApplicable[0].processArea: process area BB is declared not applicable; the method expects only SAM to be (no supplier "
          + "agreements): check that the reason holds, or rate BB",
      ]
    ) { $0.scope.notApplicable = [.init(processArea: "BB", reason: "no suppliers")] },
    Case(
      "an addition in scope while additions are left out",
      [
        "error scope.processAreas[3]: process area DD is an addition, but includeAdditions is false; "
          + "remove it or include additions"
      ]
    ) { $0.scope.includesAdditions = false },
    Case(
      "an unknown area declared not applicable",
      ["error scope.notApplicable[0].processArea: unknown process area \"ZZ\"; \(areas)"]
    ) { $0.scope.notApplicable = [.init(processArea: "ZZ", reason: "no suppliers")] },
    Case(
      "a not-applicable declaration without a reason",
      [
        "warning scope.notApplicable[0].processArea: process area EE is declared not applicable; the method expects only SAM to be (no supplier "
          + "agreements): check that the reason holds, or rate EE",
        "error scope.notApplicable[0].reason: not-applicable declaration for EE has no reason",
      ]
    ) { $0.scope.notApplicable = [.init(processArea: "EE", reason: " \n\t")] },
    Case(
      "an area out of scope declared not applicable: a warning unless it is SAM",
      [
        "warning scope.notApplicable[0].processArea: process area EE is declared not applicable; the method expects only SAM to be (no supplier "
          + "agreements): check that the reason holds, or rate EE"
      ]
    ) {
      $0.scope.notApplicable = [.init(processArea: "EE", reason: "no suppliers")]
    },
    Case(
      "maturity level 1 is no target",
      ["error scope.targetLevel: target level 1; expected 2 to 5 for the staged representation"]
    ) { $0.target = .maturityLevel(1) },
    Case(
      "maturity level 6 is no target",
      ["error scope.targetLevel: target level 6; expected 2 to 5 for the staged representation"]
    ) { $0.target = .maturityLevel(6) },
    Case("maturity level 2 is a target", []) { $0.target = .maturityLevel(2) },
    Case("maturity level 5 is a target", []) { $0.target = .maturityLevel(5) },
    Case(
      "capability level 0 is no target",
      ["error scope.targetLevel: target level 0; expected 1 to 3 for the continuous representation"]
    ) { $0.target = .capabilityLevel(0) },
    Case(
      "a capability level above the catalog's generic goals is no target",
      ["error scope.targetLevel: target level 4; expected 1 to 3 for the continuous representation"]
    ) { $0.target = .capabilityLevel(4) },
    Case("capability level 3 is a target", []) { $0.target = .capabilityLevel(3) },
    Case(
      "a coverage share above one",
      [
        "error scope.coverage.minimumShare: minimum share 3/2 is out of range; expected whole numbers n/d "
          + "with 0 ≤ n ≤ d and 1 ≤ d ≤ 1000, e.g. 1/2"
      ]
    ) { $0.coverage = CoveragePolicy(minimumShare: .init(3, 2)) },
  ]

  @Test(
    "scope areas exist, appear once, are not also not applicable; the target fits the representation",
    arguments: scope)
  func scopeRule(_ example: Case) { #expect(example.run() == example.expected) }

  // MARK: Instantiations

  static let instantiations: [Case] = [
    Case("two units with one id", ["error instantiations[2].id: duplicate instantiation id \"u1\""]) {
      $0.instantiations.append(Instantiation(id: "u1", name: "Again", kind: .team))
    },
    Case(
      "a unit examines an unknown area",
      ["error instantiations[0].processAreas[4]: unknown process area \"ZZ\"; \(areas)"]
    ) { $0.instantiations[0].processAreas = ["AA", "BB", "CC", "DD", "ZZ"] },
    Case(
      "a unit examines an area out of scope",
      ["error instantiations[1].processAreas[0]: process area EE is not in the appraisal's scope"]
    ) { $0.instantiations[1].processAreas = ["EE", "AA", "BB", "CC", "DD"] },
    Case(
      "no unit at all",
      ["error instantiations: the appraisal declares no instantiations; expected at least one sampled unit"]
    ) {
      $0.instantiations = []
      $0.characterizations = []
    },
  ]

  @Test("instantiation ids are unique, examine areas in scope, and there is at least one", arguments: instantiations)
  func instantiationRule(_ example: Case) { #expect(example.run() == example.expected) }

  // MARK: References

  static let references: [Case] = [
    Case(
      "a practice the area does not have",
      ["error characterizations[0].practice: unknown practice \"AA SP 9.9\": AA has no practice SP 9.9"]
    ) { $0.characterizations.insert(characterization(.init("AA", "SP 9.9"), "u1"), at: 0) },
    Case(
      "an area the catalog does not have",
      ["error characterizations[0].practice: unknown practice \"ZZ SP 1.1\": no process area ZZ in TEST"]
    ) { $0.characterizations.insert(characterization(.init("ZZ", "SP 1.1"), "u1"), at: 0) },
    Case(
      "a practice of an area out of scope",
      ["error characterizations[0].practice: EE SP 1.1 is for EE, which is not in the appraisal's scope"]
    ) { $0.characterizations.insert(characterization(.init("EE", "SP 1.1"), "u1"), at: 0) },
    Case(
      "an undeclared unit",
      ["error characterizations[0].instantiation: instantiation \"u9\" is not declared under instantiations"]
    ) { $0.characterizations.insert(characterization(aa11, "u9"), at: 0) },
    Case(
      "a unit that does not examine the area",
      [
        "error observations[0].instantiation: instantiation \"u2\" does not examine BB; "
          + "add it to the instantiation's processAreas"
      ]
    ) {
      $0.instantiations[1].processAreas = ["AA"]
      $0.characterizations.removeAll { $0.instantiation == "u2" && $0.practice.processArea != "AA" }
      $0.observations = [.strength(.init("BB", "SP 1.1"), in: "u2", "well done")]
    },
    Case(
      "evidence is checked the same way",
      ["error evidence[0].practice: unknown practice \"AA SP 9.9\": AA has no practice SP 9.9"]
    ) { $0.evidence = [evidence("E1", .init("AA", "SP 9.9"))] },
    Case(
      "an aggregation decision for an unknown practice",
      ["error aggregationDecisions[0].practice: unknown practice \"AA SP 9.9\": AA has no practice SP 9.9"]
    ) {
      $0.aggregationDecisions = [.init(practice: .init("AA", "SP 9.9"), value: .largelyImplemented, justification: "x")]
    },
    Case(
      "a significance decision for an unknown area",
      ["error significanceDecisions[0].processArea: unknown process area \"ZZ\"; \(areas)"]
    ) { $0.significanceDecisions = [.init(processArea: "ZZ", goal: "SG 1", significant: true, justification: "x")] },
    Case(
      "a significance decision for an area out of scope",
      ["error significanceDecisions[0].processArea: process area EE is not in the appraisal's scope"]
    ) { $0.significanceDecisions = [.init(processArea: "EE", goal: "SG 1", significant: true, justification: "x")] },
    Case(
      "a significance decision for a goal the area does not have",
      ["error significanceDecisions[0].goal: process area AA has no goal \"SG 9\""]
    ) { $0.significanceDecisions = [.init(processArea: "AA", goal: "SG 9", significant: true, justification: "x")] },
  ]

  @Test(
    "every reference names a catalog practice of an area in scope, in a declared unit that examines it",
    arguments: references)
  func referenceRule(_ example: Case) { #expect(example.run() == example.expected) }

  // MARK: Duplicates

  static let duplicates: [Case] = [
    Case("two evidence items with one id", ["error evidence[1].id: duplicate evidence item id \"E1\""]) {
      $0.evidence = [evidence("E1"), evidence("E1")]
    },
    Case(
      "two team characterizations of one practice in one unit",
      [
        "error characterizations[1]: second characterization of AA SP 1.1 in u1; the first is characterizations[0]"
      ]
    ) { $0.characterizations.insert(characterization(aa11, "u1"), at: 1) },
    Case(
      "two aggregation decisions for one practice",
      ["error aggregationDecisions[1]: second team decision for AA SP 1.1"]
    ) {
      let decision = AggregationDecision(practice: aa11, value: .largelyImplemented, justification: "x")
      $0.aggregationDecisions = [decision, decision]
    },
    Case(
      "two significance decisions for one goal", ["error significanceDecisions[1]: second team decision for AA SG 1"]
    ) {
      let decision = SignificanceDecision(processArea: "AA", goal: "SG 1", significant: false, justification: "x")
      $0.significanceDecisions = [decision, decision]
    },
    Case("the same practice in two units is no duplicate", []) {
      $0.characterizations = [characterization(aa11, "u1"), characterization(aa11, "u2")]
    },
  ]

  @Test(
    "one id per evidence item, one characterization per practice and unit, one decision per practice or goal",
    arguments: duplicates)
  func duplicateRule(_ example: Case) { #expect(example.run() == example.expected) }

  // MARK: Justifications

  static let justifications: [Case] = [
    Case(
      "an aggregation decision without justification",
      ["error aggregationDecisions[0].justification: the justification is empty; every team judgment needs one"]
    ) { $0.aggregationDecisions = [.init(practice: aa11, value: .largelyImplemented, justification: "")] },
    Case(
      "a significance decision with a blank justification",
      ["error significanceDecisions[0].justification: the justification is empty; every team judgment needs one"]
    ) {
      $0.significanceDecisions = [.init(processArea: "AA", goal: "SG 1", significant: true, justification: " \n ")]
    },
  ]

  @Test("every team judgment has a justification", arguments: justifications)
  func justificationRule(_ example: Case) { #expect(example.run() == example.expected) }

  // MARK: Warnings

  static let warnings: [Case] =
    [Characterization.largelyImplemented, .partiallyImplemented, .notImplemented].map { value in
      Case(
        "\(value.code) without a weakness",
        [
          "warning characterizations[0].value: AA SP 1.1 in u1 is \(value.code) but no weakness is recorded; "
            + "SCAMPI expects one"
        ]
      ) {
        $0.characterizations[0].value = value
        // A strength, or a weakness in the other unit, is not a weakness of this pair.
        $0.observations = [.strength(aa11, in: "u1", "good"), .weakness(aa11, in: "u2", "gap elsewhere")]
      }
    } + [
      Case("LI with a weakness", []) {
        $0.characterizations[0].value = .largelyImplemented
        $0.observations = [.weakness(aa11, in: "u1", "gap")]
      },
      Case("NY without a weakness", []) { $0.characterizations[0].value = .notYet },
      Case(
        "a record for a generic goal the target does not rate",
        [
          "warning characterizations[0].practice: AA GP 2.1 belongs to a generic goal the target does not rate; "
            + "the record is ignored"
        ]
      ) { $0.characterizations.insert(characterization(.init("AA", "GP 2.1"), "u1"), at: 0) },
      Case("a record for a generic goal the target rates", []) {
        $0.target = .capabilityLevel(2)
        $0.characterizations.insert(characterization(.init("AA", "GP 2.1"), "u1"), at: 0)
      },
    ]

  @Test(
    "warnings: LI/PI/NI without a weakness, records for generic goals the target does not rate", arguments: warnings)
  func warningRule(_ example: Case) { #expect(example.run() == example.expected) }

  // MARK: Collecting and judging

  @Test("every problem is collected, in order, before failing")
  func collectsEverything() {
    var appraisal = Self.valid
    appraisal.header.date = "2026-02-30"
    appraisal.scope.processAreas.append("AA")
    appraisal.instantiations.append(Instantiation(id: "u2", name: "Again", kind: .team))
    appraisal.characterizations.insert(Self.characterization(Self.aa11, "u9"), at: 0)
    appraisal.aggregationDecisions = [.init(practice: Self.aa11, value: .largelyImplemented, justification: "")]
    #expect(
      Self.problems(appraisal) == [
        "error header.date: \"2026-02-30\" is not a calendar date; expected YYYY-MM-DD",
        "error scope.processAreas[4]: process area AA is listed twice in the scope",
        "error instantiations[2].id: duplicate instantiation id \"u2\"",
        "error characterizations[0].instantiation: instantiation \"u9\" is not declared under instantiations",
        "error aggregationDecisions[0].justification: the justification is empty; every team judgment needs one",
      ])
  }

  @Test("references, scope, levels and judgments together")
  func mixed() {
    var appraisal = TestModel.appraisal(areas: ["AA"], target: .capabilityLevel(1))
    appraisal.target = .capabilityLevel(0)
    appraisal.instantiations[1].processAreas = ["BB"]
    appraisal.evidence = [
      EvidenceItem(
        id: "e1", practice: .init("AA", "GP 2.1"), instantiation: "u1", indicator: .artifact,
        locator: .init(document: "Policy"))
    ]
    appraisal.significanceDecisions = [
      .init(processArea: "AA", goal: "SG 9", significant: true, justification: "x"),
      .init(processArea: "AA", goal: "SG 1", significant: true, justification: "  "),
    ]
    let notExamined = "instantiation \"u2\" does not examine AA; add it to the instantiation's processAreas"
    #expect(
      Self.problems(appraisal) == [
        "error scope.targetLevel: target level 0; expected 1 to 3 for the continuous representation",
        "error instantiations[1].processAreas[0]: process area BB is not in the appraisal's scope",
        "warning evidence[0].practice: AA GP 2.1 belongs to a generic goal the target does not rate; the record is ignored",
        "error characterizations[1].instantiation: \(notExamined)",
        "error characterizations[3].instantiation: \(notExamined)",
        "error characterizations[5].instantiation: \(notExamined)",
        "error significanceDecisions[0].goal: process area AA has no goal \"SG 9\"",
        "error significanceDecisions[1].justification: the justification is empty; every team judgment needs one",
      ])
  }

  @Test(
    "whether a team judgment applies is judged only once nothing else is an error",
    arguments: [(false, true), (true, true), (false, false)])
  func judgmentsLast(otherError: Bool, judging: Bool) {
    var appraisal = Self.valid
    // AA SP 1.1 is FI in both units: the OU value is decided by rule, so the decision cannot apply.
    appraisal.aggregationDecisions = [.init(practice: Self.aa11, value: .largelyImplemented, justification: "x")]
    if otherError { appraisal.header.date = "tomorrow" }
    let problems = Self.problems(appraisal, judgingApplicability: judging)
    let judged = problems.filter { $0.hasPrefix("error aggregationDecisions[0].") }
    #expect(judged.count == (!otherError && judging ? 1 : 0), "\(problems)")
    #expect(problems.count == (otherError ? 1 : 0) + judged.count)
  }
}
