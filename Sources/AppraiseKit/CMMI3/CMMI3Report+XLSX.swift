import AppraisalModel

extension XLSXRenderer {
  /// The CMMI V3.0 report as an `.xlsx` workbook: the sheets Summary, Project values (the practice × project
  /// heat map with the OU value), Practice groups and Flags. A `Default` column marks every value the tool
  /// proposed where the team decides.
  public func workbook(_ report: CMMI3Report) throws(XLSXFailure) -> [UInt8] {
    let header = report.appraisal.header
    return try XLSXWorkbook.bytes(
      sheets(report),
      properties: .init(
        title: "CMMI V3.0 appraisal: \(header.name)".terminalSafe,
        subject: "\(header.organizationalUnit) — \(report.catalog.model.id) \(report.catalog.model.version)"
          .terminalSafe, comments: CMMI3Report.methodStatement, date: header.date))
  }

  /// The workbook's sheets, in tab order.
  func sheets(_ report: CMMI3Report) -> [XLSXSheet] {
    [summary(report), projectValues(report), practiceGroups(report), flags(report)]
  }

  /// The heat-map style of a V3 code: FM/LM/PM/DM and the risks L/M/H take the SCAMPI codes' fills.
  static func style(cmmi3 code: String?) -> XLSXSheet.Style {
    guard let code else { return .notCharacterized }
    let aliases = ["FM": "FI", "LM": "LI", "PM": "PI", "DM": "NI", "L": "FI", "M": "PI", "H": "NI", "OOS": ""]
    return .init(code: aliases[code] ?? code)
  }

  /// What every report states, one per row: method, executive summary, appraisal, scope, levels, rules and
  /// the inputs with their SHA-256.
  func summary(_ report: CMMI3Report) -> XLSXSheet {
    var sheet = XLSXSheet("Summary", header: ["Section", "Item", "Value", "Detail"], wrapped: [2, 3])
    func add(
      _ section: String, _ item: String, _ value: String, _ detail: String = "", _ style: XLSXSheet.Style = .plain
    ) {
      sheet.row([.init(section), .init(item), .init(value, style), .init(detail)])
    }
    let result = report.result
    add("Method", "Statement", CMMI3Report.methodStatement, "", .warning)
    add("Executive summary", "Appraisal type", result.type.title, result.type.summary)
    if result.producesRatings {
      add("Executive summary", "Result", report.levelSummary, "", report.levelReached ? .good : .bad)
      add("Executive summary", "Defaults proposed", "\(result.flags.count)", "listed on the Flags sheet", .warning)
      for value in report.judgmentsNeeded {
        add(
          "Executive summary", "Judgment needed", value.practice,
          "allowed " + value.allowed.map(\.code).joined(separator: ", "), .warning)
      }
    } else {
      add("Executive summary", "Ratings", "none", CMMI3Report.evaluationStatement, .warning)
    }
    let header = report.appraisal.header
    add("Appraisal", "Appraisal", header.name, header.id)
    add("Appraisal", "Organizational unit", header.organizationalUnit)
    add("Appraisal", "Date", header.date)
    add(
      "Appraisal", "Model", "\(report.catalog.model.id) \(report.catalog.model.version)",
      report.catalog.model.title ?? "")
    add("Appraisal", "Representation", report.appraisal.representation.rawValue)
    add("Appraisal", "View", report.viewDescription)
    add("Appraisal", "Selected areas", report.selectionDescription)
    add("Appraisal", "Target", result.producesRatings ? report.targetDescription : "none")
    for area in report.areas {
      add(
        "Scope", "Practice area", report.name(ofArea: area.id),
        "\(area.domain); rated up to level "
          + "\(report.appraisal.ratedLevel(for: area.id))")
    }
    for project in report.appraisal.projects {
      add(
        "Scope", "Project \(project.id)", project.name,
        "out of scope: " + (project.outOfScope.isEmpty ? "none" : project.outOfScope.joined(separator: ", "))
          + "; organizational processes: "
          + (project.organizationalProcesses.isEmpty ? "none" : project.organizationalProcesses.joined(separator: ", "))
      )
    }
    for process in report.appraisal.organizationalProcesses {
      add("Scope", "Organizational process", process.id, process.name)
    }
    for level in result.capabilityLevels {
      add(
        "Capability level", level.practiceArea, "CL \(level.level)",
        "target CL \(level.target)"
          + (level.limitation.map { "; \($0)" } ?? ""), level.level >= level.target ? .good : .bad)
    }
    if let maturity = result.maturityLevel {
      add(
        "Maturity level", "Target \(maturity.target)", "ML \(maturity.level)",
        maturity.blockers.map { "\($0.practiceArea): \($0.reason)" }.joined(separator: "; "),
        maturity.level >= maturity.target ? .good : .bad)
    }
    for weakness in report.weaknesses {
      add("Weakness", weakness.practice, weakness.text, weakness.projects.joined(separator: ", "), .bad)
    }
    for rule in report.rules {
      add("Rule", rule.rule, rule.status.title, rule.statement, rule.status == .flaggedDefault ? .warning : .plain)
    }
    for warning in report.warnings { add("Note", "Warning", warning, "", .warning) }
    for input in report.inputs { add("Input", input.role, input.path, input.sha256) }
    add("Tool", ToolIdentity.name, ToolIdentity.version)
    return sheet
  }

  /// The practice × project heat map: characterizations (an Evaluation's risk values), then the OU value,
  /// its source and whether it needs judgment, and the projects whose value is a flagged default.
  func projectValues(_ report: CMMI3Report) -> XLSXSheet {
    let projects = report.appraisal.projects.map(\.id)
    let ratings = report.result.producesRatings
    let trail = ratings ? ["OU value", "OU default", "Judgment needed", "Project defaults"] : ["Project defaults"]
    var sheet = XLSXSheet("Project values", header: ["Practice area", "Practice"] + projects + trail)
    sheet.frozenColumns = 2
    for practice in report.practices {
      let values = projects.map { report.result.projectValue(practice, $0) }
      var row: [XLSXSheet.Cell] = [.init(report.area(ofPractice: practice)), .init(practice)]
      row += values.map { value in
        guard let value else { return .init("", .notApplicable) }
        let code = report.heatCode(value)
        return .init(report.cellText(value), code == "" ? .notApplicable : Self.style(cmmi3: code))
      }
      if ratings {
        let ou = report.result.ouValue(practice)
        row += [
          .init(ou?.value?.code ?? "—", Self.style(cmmi3: ou?.value?.code)),
          .init(ou.map(CMMI3Report.label) ?? "", ou?.isProposedDefault == true ? .warning : .plain),
          .init(ou?.judgmentNeeded == true ? "yes" : "no", ou?.judgmentNeeded == true ? .warning : .plain),
        ]
      }
      let defaults = values.compactMap { $0?.isFlaggedDefault == true ? $0?.project : nil }
      row.append(.init(defaults.joined(separator: ", "), defaults.isEmpty ? .plain : .warning))
      sheet.row(row)
    }
    return sheet
  }

  /// The practice-group ratings with the default, the allowed decisions and the source.
  func practiceGroups(_ report: CMMI3Report) -> XLSXSheet {
    var sheet = XLSXSheet(
      "Practice groups",
      header: ["Practice area", "Level", "Rating", "Default value", "Allowed", "Default", "Source", "Why"],
      wrapped: [7])
    for group in report.result.practiceGroups {
      sheet.row([
        .init(group.practiceArea), .init(group.level), .init(group.value.rawValue, .init(.init(group.value.rawValue))),
        .init(group.defaultValue.rawValue), .init(group.allowed.map(\.rawValue).joined(separator: ", ")),
        .init(group.isDefault ? "yes" : "no", group.isDefault ? .warning : .plain),
        .init(CMMI3Report.label(isDefault: group.isDefault)),
        .init(
          (group.teamJustification.map { "team: \($0); " } ?? "") + group.reasons.joined(separator: "; ")
            + (group.rejectedDecision.map { "; decision not applied: \($0)" } ?? "")),
      ])
    }
    return sheet
  }

  /// Every default the tool proposed, with its kind and reason.
  func flags(_ report: CMMI3Report) -> XLSXSheet {
    var sheet = XLSXSheet("Flags", header: ["Kind", "Subject", "Reason", "Default"], wrapped: [2])
    for flag in report.result.flags {
      sheet.row([.init(flag.kind.rawValue, .warning), .init(flag.subject), .init(flag.reason), .init("yes")])
    }
    return sheet
  }
}
