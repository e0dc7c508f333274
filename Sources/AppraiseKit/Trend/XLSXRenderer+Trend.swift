import AppraisalModel

extension XLSXRenderer {
  /// The trend report as an `.xlsx` workbook: Summary, Series (with a line chart of satisfied goals and
  /// levels over time), Goals, Practices and Findings.
  public func workbook(_ report: TrendReport) throws(XLSXFailure) -> [UInt8] {
    let latest = report.points[report.points.count - 1]
    let header = latest.appraisal.header
    return try XLSXWorkbook.bytes(
      trendSheets(report),
      properties: .init(
        title: "Trend: \(header.organizationalUnit)".terminalSafe,
        subject: "\(header.organizationalUnit) — \(latest.catalog.model.title)".terminalSafe,
        comments: RatingRules.methodStatement, date: header.date))
  }

  func trendSheets(_ report: TrendReport) -> [XLSXSheet] {
    [trendSummary(report), trendSeries(report), trendGoals(report), trendPractices(report), trendFindings(report)]
  }

  /// The method, the appraisals in date order, the warnings between neighbours, the inputs.
  func trendSummary(_ report: TrendReport) -> XLSXSheet {
    var sheet = XLSXSheet("Summary", header: ["Section", "Item", "Value", "Detail"], wrapped: [2, 3])
    sheet.row([.init("Method"), .init("Statement"), .init(RatingRules.methodStatement, .warning), .init("")])
    if report.trend.reordered {
      sheet.row([
        .init("Order"), .init("Reordered"), .init("the appraisals were put in date order", .warning),
        .init(report.trend.inputOrder.map { "\($0 + 1)" }.joined(separator: ", ")),
      ])
    }
    for (index, point) in report.points.enumerated() {
      let header = point.appraisal.header
      sheet.row([
        .init("Appraisal"), .init("\(index + 1). \(header.date)"), .init("\(header.name) (\(header.id))"),
        .init("\(header.organizationalUnit); \(point.targetDescription)"),
      ])
    }
    for warning in report.trend.warnings {
      sheet.row([
        .init("Warning"), .init(report.step(warning.from, warning.to)), .init(warning.text, .warning), .init(""),
      ])
    }
    for input in report.inputs {
      sheet.row([.init("Input"), .init(input.role), .init(input.path), .init(input.sha256)])
    }
    return sheet
  }

  /// One row per appraisal: satisfied goals, levels; the chart draws them.
  func trendSeries(_ report: TrendReport) -> XLSXSheet {
    let trend = report.trend
    var sheet = XLSXSheet(
      "Series",
      header: ["Appraisal", "Date", "Goals satisfied", "Goals", "Equivalent staging", "Areas at target CL"])
    for index in report.points.indices {
      let reaching = report.areasAtTarget[index]
      sheet.row([
        .init(report.points[index].appraisal.header.id), .init(report.label(index)), .init(trend.satisfiedGoals[index]),
        .init(trend.goals.count), .init(trend.equivalentStaging[index]), reaching.map { .init($0) } ?? .init(""),
      ])
    }
    sheet.lineChart = .init(title: "Satisfied goals and levels over time", categoryColumn: 1, valueColumns: [2, 4, 5])
    return sheet
  }

  /// Areas and goals, one column per appraisal.
  func trendGoals(_ report: TrendReport) -> XLSXSheet {
    var sheet = XLSXSheet(
      "Goals", header: ["Process area", "Goal", "Title"] + report.points.indices.map(report.label) + ["Changed"],
      wrapped: [2])
    for area in report.trend.areas {
      sheet.row(
        [.init(area.processArea), .init(""), .init(area.name, .heading)]
          + area.ratings.map { .init($0.rawValue, .init(ReportDocument.Tone($0.rawValue))) }
          + [.init(Set(area.ratings).count > 1 ? "yes" : "")])
      for goal in area.goals {
        sheet.row(
          [.init(area.processArea), .init(goal.goal), .init(goal.title)]
            + goal.ratings.indices.map { .init(goal.label($0), .init(ReportDocument.Tone(goal.ratings[$0].rawValue))) }
            + [.init(goal.changed ? "yes" : "")])
      }
    }
    return sheet
  }

  /// Practices whose characterization changed at least once, with the heat-map fills.
  func trendPractices(_ report: TrendReport) -> XLSXSheet {
    var sheet = XLSXSheet(
      "Practices", header: ["Process area", "Practice", "Title"] + report.points.indices.map(report.label), wrapped: [2]
    )
    let latest = report.points[report.points.count - 1]
    for series in report.trend.changedPractices {
      sheet.row(
        [.init(series.practice.processArea), .init(series.practice.practice), .init(latest.title(of: series.practice))]
          + series.values.map { .init($0?.code ?? "—", .init(code: $0?.code)) })
    }
    return sheet
  }

  /// Weaknesses followed by identity: status, where they appear, the wordings.
  func trendFindings(_ report: TrendReport) -> XLSXSheet {
    var sheet = XLSXSheet(
      "Findings",
      header: [
        "Process area", "Practice", "Status", "Reworded", "Impact", "Appraisals", "Weakness", "Earlier wording", "Ids",
      ],
      wrapped: [5, 6, 7])
    for finding in report.trend.findings {
      sheet.row([
        .init(finding.practice.processArea), .init(finding.practice.practice),
        .init(finding.status.rawValue, finding.status == .closed ? .good : .bad), .init(finding.reworded ? "yes" : ""),
        .init(finding.impact.rawValue), .init(report.appraisals(finding.appearances)), .init(finding.text),
        .init(finding.texts.dropLast().joined(separator: "\n")), .init(finding.ids.joined(separator: ", ")),
      ])
    }
    return sheet
  }
}
