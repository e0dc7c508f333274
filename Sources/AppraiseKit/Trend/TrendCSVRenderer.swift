import AppraisalModel

/// The trend report as a tidy CSV table: one row per item × appraisal, the same columns for every kind of
/// item, so a spreadsheet's pivot table or a data frame takes it as it is. UTF-8 with BOM and CRLF, cells
/// guarded against formula injection like every CSV report (``CSVRenderer``).
///
/// Columns: `kind` (`area`, `goal`, `capabilityLevel`, `maturityLevel`, `equivalentStaging`,
/// `satisfiedGoals`, `practice`, `weakness`, `warning`, `input`), `processArea`, `item` (goal, practice, or a
/// weakness's practice), `title` (goal or practice title, a weakness's latest text), `appraisal` (id),
/// `date`, `value` (the rating, level, count, characterization; for a weakness `recorded` or `not recorded`),
/// `detail` (provisional; for a weakness its status, `reworded` when it was, and the text recorded then).
struct TrendCSVRenderer {
  static let header = ["kind", "processArea", "item", "title", "appraisal", "date", "value", "detail"]

  func render(_ report: TrendReport) -> String {
    let trend = report.trend
    var rows = [Self.header]
    func add(
      _ kind: String, _ area: String, _ item: String, _ title: String, _ index: Int, _ value: String,
      _ detail: String = ""
    ) {
      let header = report.points[index].appraisal.header
      rows.append([kind, area, item, title, header.id, header.date, value, detail])
    }
    let points = report.points.indices
    for area in trend.areas {
      for index in points { add("area", area.processArea, "", area.name, index, area.ratings[index].rawValue) }
      for goal in area.goals {
        for index in points {
          add(
            "goal", area.processArea, goal.goal, goal.title, index, goal.ratings[index].rawValue,
            goal.provisional[index] ? "provisional" : "")
        }
      }
      for index in points {
        add(
          "capabilityLevel", area.processArea, "", area.name, index, area.capability[index].map { "\($0.level)" } ?? "")
      }
    }
    for index in points {
      if let level = trend.maturityLevels[index] { add("maturityLevel", "", "", "", index, "\(level)") }
      add("equivalentStaging", "", "", "", index, "\(trend.equivalentStaging[index])")
      add("satisfiedGoals", "", "", "of \(trend.goals.count) goals", index, "\(trend.satisfiedGoals[index])")
    }
    let latest = report.points[report.points.count - 1]
    for series in trend.changedPractices {
      for index in points {
        add(
          "practice", series.practice.processArea, series.practice.description, latest.title(of: series.practice),
          index, series.values[index]?.code ?? "")
      }
    }
    for finding in trend.findings {
      let status = finding.status.rawValue + (finding.reworded ? " reworded" : "")
      for index in points {
        let occurrence = finding.occurrences[index]
        add(
          "weakness", finding.practice.processArea, finding.practice.description, finding.text, index,
          occurrence == nil ? "not recorded" : "recorded",
          status + (occurrence.map { ": " + $0.text } ?? ""))
      }
    }
    for warning in trend.warnings {
      add("warning", "", "", report.step(warning.from, warning.to), warning.to, warning.text)
    }
    rows += report.inputs.map { ["input", "", $0.role, $0.path, "", "", $0.sha256, ""] }
    return CSVRenderer.csv(rows)
  }
}
