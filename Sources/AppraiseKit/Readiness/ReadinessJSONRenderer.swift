import AppraisalModel

/// The readiness to-do list as JSON (schema: docs/schemas/readiness.schema.json), keys sorted and
/// pretty-printed like the reports (``ReportJSONEncoder``).
struct ReadinessJSONRenderer {
  func render(_ report: ReadinessReport) -> String {
    // Encoding these plain structs cannot fail; a failure would be a programming error.
    try! ReportJSONEncoder().encode(Document(report))
  }

  struct Document: Encodable {
    var reportFormat = JSONRenderer.reportFormat
    var kind = "readiness"
    var file: String
    var appraisal: Appraisal
    var cells: Counts
    var goals: Goals
    var notRatedGoals: [Goal]
    var missingEvidence: [Cell]

    init(_ report: ReadinessReport) {
      let readiness = report.readiness
      file = report.file
      appraisal = Appraisal(id: report.header.id, name: report.header.name)
      let counts = readiness.counts
      cells = Counts(
        total: counts.total, artifactsAndAffirmations: counts.artifactsAndAffirmations,
        artifactsOnly: counts.artifactsOnly, affirmationsOnly: counts.affirmationsOnly, noEvidence: counts.noEvidence,
        team: Dictionary(uniqueKeysWithValues: counts.team.map { ($0.key.code, $0.value) }))
      goals = Goals(rated: readiness.ratedGoalCount, notRated: readiness.notRatedGoals.count)
      notRatedGoals = readiness.notRatedGoals.map { goal in
        Goal(
          processArea: goal.processArea, goal: goal.goal, title: goal.title, reasons: goal.reasons.map(Reason.init))
      }
      missingEvidence = readiness.missingEvidence.map { cell in
        Cell(
          practice: cell.practice.description, goal: cell.goal, instantiation: cell.instantiation,
          state: ReadinessReport.stateName(cell.state), derived: cell.derived?.code,
          needs: ReadinessReport.needs(cell.state))
      }
    }
  }

  struct Appraisal: Encodable {
    var id: String
    var name: String
  }

  struct Counts: Encodable {
    var total: Int
    var artifactsAndAffirmations: Int
    var artifactsOnly: Int
    var affirmationsOnly: Int
    var noEvidence: Int
    /// Cells characterized by the team, per value (`FI`…`NY`); values with no cell are left out.
    var team: [String: Int]
  }

  struct Goals: Encodable {
    var rated: Int
    var notRated: Int
  }

  struct Goal: Encodable {
    var processArea: String
    var goal: String
    var title: String
    var reasons: [Reason]
  }

  struct Reason: Encodable {
    var kind: String
    var text: String
    var practice: String?
    var units: [String]?
    var rule: String?
    var subgroup: String?
    var subgroupUnits: Int?
    var providing: Int?
    var required: Int?

    init(_ reason: NotRatedGoal.Reason) {
      kind = ReadinessReport.kind(reason)
      text = ReadinessReport.describe(reason)
      switch reason {
      case .coverage(let count):
        rule = count.rule.rawValue
        subgroup = count.name
        subgroupUnits = count.units
        providing = count.providing
        required = count.required
        units = count.missing
      case .notCharacterized(let practice, let units):
        self.practice = practice.description
        self.units = units
      case .notExamined(let practice), .notYet(let practice):
        self.practice = practice.description
      case .other:
        break
      }
    }
  }

  struct Cell: Encodable {
    var practice: String
    var goal: String
    var instantiation: String
    var state: String
    var derived: String?
    var needs: [String]
  }
}
