import AppraisalModel

/// The action plan as a tidy CSV table in the rate report's dialect (``CSVRenderer/csv(_:)``: UTF-8 with a
/// BOM, CRLF, formula-like cells defused): one row per planned practice × instantiation cell (`item`
/// `practice`, `significant-weaknesses` or `coverage`, numbered by `step`), then one per scope change
/// (`scope-change`), coverage shortfall (`coverage-shortfall`) and outstanding judgment (`judgment`), each
/// with empty `owner` and `dueDate` cells; after an empty row, `key,value` rows: method, tool, appraisal,
/// target, today, plan, check and the inputs.
struct ActionPlanCSVRenderer {
  static let columns = [
    "step", "item", "processArea", "practice", "practiceTitle", "instantiation", "today", "goals", "level",
    "unblocks", "weaknesses", "evidenceMissing", "actions", "owner", "dueDate",
  ]

  func render(_ report: ActionPlanReport) -> String {
    var rows = [Self.columns]
    rows += Self.rows(report)
    rows.append([])
    rows += Self.footer(report)
    return CSVRenderer.csv(rows)
  }

  /// The table's rows (shared with the workbook's "Action plan" sheet).
  static func rows(_ report: ActionPlanReport) -> [[String]] {
    let plan = report.plan
    var rows: [[String]] = []
    for (index, item) in plan.items.enumerated() {
      for cell in item.cells {
        rows.append([
          "\(index + 1)", ActionPlanReport.kind(item.kind), item.practice.processArea, item.practice.description,
          item.title, cell.instantiation, ActionPlanReport.today(cell), item.goals.joined(separator: " "),
          item.level, item.route, cell.weaknesses.map(\.text).joined(separator: " | "),
          ActionPlanReport.evidenceMissing(cell).joined(separator: " "),
          ActionPlanReport.actions(cell, of: item).joined(separator: "; "), "", "",
        ])
      }
    }
    for change in plan.scopeChanges {
      rows.append([
        "", "scope-change", change.processArea, "", change.name, "", ActionPlanReport.kind(change.reason), "",
        change.level, "", "", "", ActionPlanReport.describe(change), "", "",
      ])
    }
    for shortfall in plan.coverageShortfalls {
      rows.append([
        "", "coverage-shortfall", shortfall.processArea, "", "", shortfall.missing.joined(separator: " "),
        (shortfall.rule == .share ? "" : "\(shortfall.rule.label): ")
          + "\(shortfall.providing) of \(shortfall.units) provide\(shortfall.rule == .everyUnit ? " any" : " both"), "
          + "\(shortfall.required) required", "", "", "", "",
        "", ActionPlanReport.describe(shortfall), "", "",
      ])
    }
    for judgment in plan.judgments {
      var practice = ""
      if case .aggregation(let reference, _) = judgment.kind { practice = reference.description }
      rows.append([
        "", "judgment", judgment.processArea, practice, "", "", ActionPlanReport.kind(judgment.kind), judgment.goal, "",
        "", "", "", ActionPlanReport.describe(judgment), "", "",
      ])
    }
    return rows
  }

  /// The statements every report makes, as `key,value…` rows.
  static func footer(_ report: ActionPlanReport) -> [[String]] {
    [
      ["method", RatingRules.methodStatement],
      ["tool", ToolIdentity.name, ToolIdentity.version],
      ["appraisal", report.header.id, report.header.name, report.header.organizationalUnit, report.header.date],
      ["target", report.plan.target.description, report.targetDescription],
      ["today", report.plan.reachedToday ? "reached" : "not reached", report.todayStatement],
      ["plan", report.planStatement],
      ["check", report.plan.check.reached ? "reached" : "not reached", report.checkStatement],
    ] + report.inputs.map { ["input", $0.role, $0.path, $0.sha256] }
  }
}
