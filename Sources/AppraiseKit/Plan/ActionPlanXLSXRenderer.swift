import AppraisalModel

/// The action plan as an `.xlsx` workbook (``XLSXWorkbook``): the sheet "Action plan" with the CSV's rows
/// (one per planned cell, scope change, coverage shortfall and judgment) and empty Owner and Due date
/// columns to fill in, and a "Summary" sheet: the target, whether it is reached today and after the plan,
/// the method statement, the tool and the inputs.
struct ActionPlanXLSXRenderer {
  static let header = [
    "Step", "Item", "Process area", "Practice", "Practice title", "Instantiation", "Today", "Goals", "Level",
    "Unblocks", "Weaknesses to close", "Evidence missing", "Actions", "Owner", "Due date",
  ]

  func workbook(_ report: ActionPlanReport) throws(XLSXFailure) -> [UInt8] {
    try XLSXWorkbook.bytes(
      [summary(report), actions(report)],
      properties: .init(
        title: "Action plan: \(report.header.name)".terminalSafe,
        subject: "\(report.header.organizationalUnit) — \(report.plan.target)".terminalSafe,
        comments: RatingRules.methodStatement, date: report.header.date))
  }

  func actions(_ report: ActionPlanReport) -> XLSXSheet {
    var sheet = XLSXSheet("Action plan", header: Self.header, wrapped: [6, 9, 10, 12])
    for row in ActionPlanCSVRenderer.rows(report) {
      sheet.row(
        row.enumerated().map { index, text in
          index == 0 && !text.isEmpty ? XLSXSheet.Cell(Int(text) ?? 0) : XLSXSheet.Cell(text)
        })
    }
    return sheet
  }

  func summary(_ report: ActionPlanReport) -> XLSXSheet {
    var sheet = XLSXSheet("Summary", header: ["Item", "Value"], wrapped: [1])
    let plan = report.plan
    let rows: [(String, String, XLSXSheet.Style)] = [
      ("Appraisal", "\(report.header.name) (\(report.header.id)), \(report.header.date)", .plain),
      ("File", report.file, .plain),
      ("Target", report.targetDescription, .plain),
      ("Reached today", plan.reachedToday ? "yes" : "no", plan.reachedToday ? .good : .bad),
      ("Today", report.todayStatement, .wrapped),
      ("Plan", report.planStatement, .plain),
      ("Reached after the plan", plan.check.reached ? "yes" : "no", plan.check.reached ? .good : .bad),
      ("Check", report.checkStatement, .wrapped),
      ("Method", RatingRules.methodStatement, .wrapped),
      ("Tool", ToolIdentity.description, .plain),
    ]
    for (item, value, style) in rows { sheet.row([XLSXSheet.Cell(item), XLSXSheet.Cell(value, style)]) }
    for input in report.inputs {
      sheet.row([XLSXSheet.Cell("Input: \(input.role)"), XLSXSheet.Cell("\(input.path) — SHA-256 \(input.sha256)")])
    }
    return sheet
  }
}
