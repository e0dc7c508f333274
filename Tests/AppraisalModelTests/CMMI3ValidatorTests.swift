import AppraisalModel
import Testing

@Suite("CMMI V3: appraisal validation")
struct CMMI3ValidatorTests {
  static let catalog = CMMI3TestModel.catalog

  static func problems(_ change: (inout CMMI3Appraisal) -> Void) -> [String] {
    var appraisal = CMMI3TestModel.appraisal(target: 2)
    change(&appraisal)
    return CMMI3Validator.problems(in: appraisal, catalog: catalog).map {
      "\($0.severity.rawValue) \($0.path): \($0.message)"
    }
  }

  @Test("the test appraisal is valid")
  func valid() {
    #expect(Self.problems { _ in }.isEmpty)
  }

  @Test("every problem is collected, not just the first")
  func collectsAll() {
    let problems = Self.problems {
      $0.header.modelVersion = "2.0"
      $0.practiceInputs[0].practice = "AA 9.1"
      $0.practiceInputs[1].project = "P9"
      $0.organizationalProcesses.append(.init(id: "OP1", name: "again"))
    }
    #expect(
      problems == [
        "error header.modelVersion: the appraisal is for CMMI 2.0; expected the catalog's CMMI 3.0",
        "error organizationalProcesses[2].id: duplicate organizational process id \"OP1\"",
        "error practiceInputs[0].practice: unknown practice \"AA 9.1\"; expected a practice id of CMMI 3.0, e.g. IRP 2.3",
        "error practiceInputs[1].project: unknown project \"P9\"",
      ])
  }

  @Test("scope: optional areas, areas outside the view, out-of-scope inputs, duplicates")
  func scope() {
    #expect(
      Self.problems { $0.optionalAreas = ["SAM"] } == [
        "error optionalAreas[0]: SAM is not an optional practice area of view Core; expected none"
      ])
    #expect(
      Self.problems { $0.view = "Development" }.first
        == "error view: unknown view \"Development\"; expected one of Core, Services")
    // SAM switched on in the Services view: its inputs are accepted (areas without inputs are no input error).
    #expect(
      Self.problems {
        $0.view = "Services"
        $0.optionalAreas = ["SAM"]
        $0.practiceInputs.append(.init(practice: "SAM 1.1", project: "P1", artifact: .yes, affirmation: .yes))
      }.isEmpty)
    #expect(
      Self.problems {
        $0.practiceInputs.append(.init(practice: "SV 1.1", project: "P1", artifact: .yes, affirmation: .no))
      }
        == [
          "error practiceInputs[10].practice: practice SV 1.1: SV is not rated in this appraisal (view Core without it)"
        ])
    #expect(
      Self.problems { $0.projects[0].outOfScope = ["AA"] } == [
        "error practiceInputs[0].project: AA is out of scope for project P1; expected no record for it",
        "error practiceInputs[2].project: AA is out of scope for project P1; expected no record for it",
        "error practiceInputs[4].project: AA is out of scope for project P1; expected no record for it",
      ])
    #expect(
      Self.problems { $0.practiceInputs.append($0.practiceInputs[0]) } == [
        "error practiceInputs[10]: duplicate practice inputs for AA 1.1 and P1"
      ])
  }

  @Test("a team OU value outside the allowed set is an input error")
  func teamOUValue() {
    let problems = Self.problems {
      $0.practiceInputs[0].affirmation = .no
      $0.practiceInputs[0].weaknesses = [.init("no affirmation")]  // AA 1.1: P1 PM, P2 FM → LM or PM
      $0.teamOUValues = [
        .init(practice: "AA 1.1", value: .fullyMeets, justification: "we trust P1"),
        .init(practice: "AA 1.2", value: .fullyMeets, justification: "uniform"),
      ]
    }
    #expect(
      problems == [
        "error teamOUValues[0].value: team OU value FM is not allowed for these project values; expected one of LM, PM"
      ])
  }

  @Test("team records: empty justification, out of scope as OU value, decisions the rule refuses")
  func teamRecords() {
    #expect(
      Self.problems { $0.teamOUValues = [.init(practice: "AA 1.1", value: .outOfScope, justification: " ")] } == [
        "error teamOUValues[0].value: out of scope is not an OU value; expected FM, LM, PM, DM or NY",
        "error teamOUValues[0].justification: empty justification; expected a non-empty string",
      ])
    #expect(
      Self.problems {
        $0.practiceGroupDecisions = [.init(practiceArea: "AA", level: 2, value: .unsatisfied, justification: "strict")]
      } == [
        "error practiceGroupDecisions[0].value: team decision Unsatisfied is not allowed for a group whose default is "
          + "Satisfied; expected Satisfied"
      ])
    #expect(
      Self.problems {
        $0.practiceGroupDecisions = [.init(practiceArea: "BB", level: 3, value: .satisfied, justification: "x")]
      } == ["error practiceGroupDecisions[0].level: BB has no practice group at level 3"])
    #expect(
      Self.problems {
        $0.teamProjectValues = [.init(practice: "AA 1.1", project: "P1", value: .fullyMeets, justification: "x")]
      } == [
        "error teamProjectValues[0].practice: AA 1.1: team project values adjust GOV and II only; other practices "
          + "follow the workbook formula"
      ])
  }

  @Test("warnings: per-area targets in a maturity appraisal, inputs above the target, team values in an Evaluation")
  func warnings() {
    #expect(
      Self.problems { $0.target.practiceAreas = [.init(practiceArea: "AA", level: 1)] }.first?.hasPrefix(
        "warning target.practiceAreas[0]:") == true)
    #expect(
      Self.problems {
        $0.practiceInputs.append(.init(practice: "AA 3.1", project: "P1", artifact: .yes, affirmation: .yes))
      } == [
        "warning practiceInputs[10].practice: practice AA 3.1 is above the rated level 2 of its area; it is not rated"
      ])
    #expect(
      Self.problems {
        $0.type = .evaluation
        $0.teamOUValues = [.init(practice: "AA 1.1", value: .fullyMeets, justification: "x")]
      } == ["warning teamOUValues[0]: an Evaluation produces no ratings; the team OU value is not used"])
  }
}
