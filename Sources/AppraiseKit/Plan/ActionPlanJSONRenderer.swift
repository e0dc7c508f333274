import AppraisalModel

/// The action plan as JSON (schema: docs/schemas/plan.schema.json), keys sorted and pretty-printed like the
/// reports (``ReportJSONEncoder``). Every item, scope change and judgment has `owner` and `dueDate`, empty.
struct ActionPlanJSONRenderer {
  func render(_ report: ActionPlanReport) -> String {
    // Encoding these plain structs cannot fail; a failure would be a programming error.
    try! ReportJSONEncoder().encode(Document(report))
  }

  struct Document: Encodable {
    var reportFormat = JSONRenderer.reportFormat
    var kind = "plan"
    var tool = JSONRenderer.Tool()
    var method = RatingRules.methodStatement
    var file: String
    var appraisal: AppraisalInfo
    var target: Target
    var today: Today
    var scopeChanges: [Change]
    var items: [Item]
    var coverageShortfalls: [Shortfall]
    var judgments: [Judgment]
    var check: Check
    var inputs: [Input]

    init(_ report: ActionPlanReport) {
      let plan = report.plan
      file = report.file
      appraisal = AppraisalInfo(id: report.header.id, name: report.header.name, date: report.header.date)
      target = Target(
        text: plan.target.description,
        representation: plan.target.description.hasPrefix("ML") ? "staged" : "continuous", level: plan.target.level,
        areas: plan.areas)
      today = Today(reached: plan.reachedToday, blockedGoals: plan.blockedGoals, text: report.todayStatement)
      scopeChanges = plan.scopeChanges.map { change in
        var reason: String? = nil
        if case .notApplicable(let text) = change.reason { reason = text }
        return Change(
          processArea: change.processArea, name: change.name, kind: ActionPlanReport.kind(change.reason),
          notApplicableReason: reason, level: change.level, text: ActionPlanReport.describe(change))
      }
      items = plan.items.enumerated().map { index, item in
        var subgroup: String? = nil
        if case .coverage(let count) = item.kind { subgroup = count.name }
        return Item(
          step: index + 1, kind: ActionPlanReport.kind(item.kind), practice: item.practice.description,
          title: item.title, processArea: item.practice.processArea, goals: item.goals, level: item.level,
          unblocks: item.chain, value: item.value?.code, judgmentNeeded: item.judgmentNeeded, subgroup: subgroup,
          cells: item.cells.count,
          groups: ActionPlanReport.groups(item).map { group in
            let cell = group.cell
            return Group(
              instantiations: group.instantiations, value: cell.value?.code, team: cell.team?.code,
              derivation: cell.derivation,
              weaknesses: cell.weaknesses.map { Weakness(id: $0.id, text: $0.text, impact: $0.impact.rawValue) },
              evidenceMissing: ActionPlanReport.evidenceMissing(cell),
              actions: ActionPlanReport.actions(cell, units: group.instantiations, of: item))
          })
      }
      coverageShortfalls = plan.coverageShortfalls.map {
        Shortfall(
          rule: $0.rule.rawValue, processArea: $0.processArea, subgroup: $0.subgroup, units: $0.units,
          providing: $0.providing,
          required: $0.required, missing: $0.missing, coveredByPlan: $0.coveredByPlan,
          text: ActionPlanReport.describe($0))
      }
      judgments = plan.judgments.map { judgment in
        var practice: String? = nil
        var allowed: [String]? = nil
        var weaknesses: Int? = nil
        switch judgment.kind {
        case .aggregation(let reference, let values):
          practice = reference.description
          allowed = values.map(\.code)
        case .significance(let count): weaknesses = count
        }
        return Judgment(
          processArea: judgment.processArea, goal: judgment.goal, kind: ActionPlanReport.kind(judgment.kind),
          practice: practice, allowed: allowed, weaknesses: weaknesses, text: ActionPlanReport.describe(judgment))
      }
      check = Check(
        reached: plan.check.reached, pendingSignificance: plan.check.pendingSignificance,
        remaining: plan.check.remaining, levels: plan.check.levels, text: report.checkStatement)
      inputs = report.inputs.map { Input(role: $0.role, path: $0.path, sha256: $0.sha256) }
    }
  }

  struct AppraisalInfo: Encodable {
    var id, name, date: String
  }

  struct Target: Encodable {
    var text: String
    var representation: String
    var level: Int
    var areas: [String]
  }

  struct Today: Encodable {
    var reached: Bool
    var blockedGoals: [String]
    var text: String
  }

  struct Change: Encodable {
    var processArea, name, kind: String
    var notApplicableReason: String?
    var level, text: String
    var owner = ""
    var dueDate = ""
  }

  struct Item: Encodable {
    var step: Int
    var kind, practice, title, processArea: String
    var goals: [String]
    var level, unblocks: String
    var value: String?
    var judgmentNeeded: Bool
    var subgroup: String?
    /// How many practice × instantiation cells the item lifts.
    var cells: Int
    /// The cells in the same state with the same things to do, together.
    var groups: [Group]
    var owner = ""
    var dueDate = ""
  }

  struct Group: Encodable {
    var instantiations: [String]
    var value: String?
    var team: String?
    var derivation: String
    var weaknesses: [Weakness]
    var evidenceMissing: [String]
    var actions: [String]
  }

  struct Weakness: Encodable {
    var id: String?
    var text, impact: String
  }

  struct Shortfall: Encodable {
    var rule, processArea, subgroup: String
    var units, providing, required: Int
    var missing, coveredByPlan: [String]
    var text: String
  }

  struct Judgment: Encodable {
    var processArea, goal, kind: String
    var practice: String?
    var allowed: [String]?
    var weaknesses: Int?
    var text: String
    var owner = ""
    var dueDate = ""
  }

  struct Check: Encodable {
    var reached, pendingSignificance: Bool
    var remaining, levels: [String]
    var text: String
  }

  struct Input: Encodable {
    var role, path, sha256: String
  }
}
