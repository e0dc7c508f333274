import AppraisalModel

extension XLSXRenderer {
  /// The compare workbook's sheets, in tab order.
  func sheets(_ report: CompareReport) -> [XLSXSheet] {
    [compareSummary(report), compareGoals(report), transitions(report), weaknesses(report), levels(report)]
  }

  /// Method, like-for-like warnings, both appraisals side by side, rules and inputs.
  func compareSummary(_ report: CompareReport) -> XLSXSheet {
    var sheet = XLSXSheet("Summary", header: ["Section", "Item", "Before", "After"], wrapped: [2, 3])
    func add(_ section: String, _ item: String, _ before: String, _ after: String, _ style: XLSXSheet.Style = .plain) {
      sheet.row([.init(section), .init(item), .init(before, style), .init(after, style)])
    }
    sheet.row([.init("Method"), .init("Statement"), .init(RatingRules.methodStatement, .warning), .init("")])
    for warning in report.comparison.warnings {
      sheet.row([.init("Warning"), .init("Not like-for-like"), .init(warning, .warning), .init("")])
    }
    let old = report.before.appraisal.header
    let new = report.after.appraisal.header
    add("Appraisal", "Appraisal", "\(old.name) (\(old.id))", "\(new.name) (\(new.id))")
    add("Appraisal", "Organizational unit", old.organizationalUnit, new.organizationalUnit)
    add("Appraisal", "Date", old.date, new.date)
    add(
      "Appraisal", "Model", "\(report.before.catalog.model.id) \(report.before.catalog.model.version)",
      "\(report.after.catalog.model.id) \(report.after.catalog.model.version)")
    add("Appraisal", "Method class", old.methodClass, new.methodClass)
    add("Appraisal", "Target", report.before.targetDescription, report.after.targetDescription)
    add(
      "Appraisal", "Instantiations", report.before.appraisal.instantiations.map(\.id).joined(separator: ", "),
      report.after.appraisal.instantiations.map(\.id).joined(separator: ", "))
    if let old = report.before.result.maturityLevel, let new = report.after.result.maturityLevel {
      add("Levels", "Maturity level", "ML \(old.level)", "ML \(new.level)")
    }
    add(
      "Levels", "Equivalent staging", "ML \(report.before.result.equivalentStaging.level)",
      "ML \(report.after.result.equivalentStaging.level)")
    for rule in RatingRules.summary(coverage: report.after.appraisal.coverage) {
      sheet.row([.init("Rule"), .init(rule.rule), .init(rule.statement), .init("")])
    }
    for input in report.inputs {
      sheet.row([.init("Input (path, SHA-256)"), .init(input.role), .init(input.path), .init(input.sha256)])
    }
    return sheet
  }

  /// Process areas and their goals, before and after, with what changed and why.
  func compareGoals(_ report: CompareReport) -> XLSXSheet {
    var sheet = XLSXSheet(
      "Goals", header: ["Process area", "Goal", "Title", "Before", "After", "Changed", "Why after"], wrapped: [2, 6])
    func rating(_ cell: AppraisalComparison.Cell, provisional: Bool) -> XLSXSheet.Cell {
      .init(cell.rawValue + (provisional ? " (provisional)" : ""), .init(ReportDocument.Tone(cell.rawValue)))
    }
    for area in report.comparison.areas {
      sheet.row([
        .init(area.processArea), .init(""), .init(area.name), rating(area.before, provisional: false),
        rating(area.after, provisional: false), .init(area.before != area.after ? "changed" : ""), .init(""),
      ])
      for goal in area.goals {
        sheet.row([
          .init(area.processArea), .init(goal.goal), .init(goal.title),
          rating(goal.before, provisional: goal.beforeIsProvisional),
          rating(goal.after, provisional: goal.afterIsProvisional), .init(goal.changed ? "changed" : ""),
          .init(goal.afterRating?.reasons.joined(separator: "; ") ?? ""),
        ])
      }
    }
    return sheet
  }

  /// Practices whose OU characterization changed, with the heat map's fills.
  func transitions(_ report: CompareReport) -> XLSXSheet {
    var sheet = XLSXSheet("Practices", header: ["Process area", "Practice", "Title", "Before", "After"], wrapped: [2])
    for transition in report.comparison.transitions {
      sheet.row([
        .init(transition.practice.processArea), .init(transition.practice.practice),
        .init(report.after.title(of: transition.practice)),
        .init(transition.before?.code ?? "—", .init(code: transition.before?.code)),
        .init(transition.after?.code ?? "—", .init(code: transition.after?.code)),
      ])
    }
    return sheet
  }

  /// Weaknesses recorded before and not after (closed), after and not before (new), and on both sides with
  /// other wording (reworded, with the text before and how the identity held).
  func weaknesses(_ report: CompareReport) -> XLSXSheet {
    var sheet = XLSXSheet(
      "Weaknesses",
      header: [
        "Change", "Process area", "Practice", "Instantiations", "Impact", "Weakness", "Text before", "Matched by",
      ],
      wrapped: [3, 5, 6])
    for (change, list, style) in [
      ("closed", report.comparison.closedWeaknesses, XLSXSheet.Style.good),
      ("new", report.comparison.newWeaknesses, .bad),
    ] {
      for weakness in list {
        sheet.row([
          .init(change, style), .init(weakness.practice.processArea), .init(weakness.practice.practice),
          .init(weakness.instantiations.joined(separator: ", ")), .init(weakness.impact.rawValue),
          .init(weakness.text), .init(""), .init(""),
        ])
      }
    }
    for rewording in report.comparison.rewordedWeaknesses {
      let weakness = rewording.after
      sheet.row([
        .init("reworded", .warning), .init(weakness.practice.processArea), .init(weakness.practice.practice),
        .init(weakness.instantiations.joined(separator: ", ")), .init(weakness.impact.rawValue), .init(weakness.text),
        .init(rewording.before.text), .init(CompareReport.matchNote(rewording)),
      ])
    }
    return sheet
  }

  /// Capability levels per process area before and after; numbers, so they sort and sum.
  func levels(_ report: CompareReport) -> XLSXSheet {
    var sheet = XLSXSheet(
      "Levels", header: ["Process area", "Name", "CL before", "CL after", "Change", "Limitation after"], wrapped: [5])
    for area in report.comparison.areas {
      let old = area.beforeCapability?.level
      let new = area.afterCapability?.level
      let change: XLSXSheet.Cell =
        if let old, let new { .init(new - old, new > old ? .good : new < old ? .bad : .plain) } else { .init("") }
      sheet.row([
        .init(area.processArea), .init(area.name), old.map { .init($0) } ?? .init("—", .muted),
        new.map { .init($0) } ?? .init("—", .muted), change, .init(area.afterCapability?.limitation ?? ""),
      ])
    }
    return sheet
  }
}
