import AppraisalModel

extension TrendReport {
  /// The trend report: warnings first (loud), the series at a glance with its charts, the appraisals, goal
  /// ratings and levels at every point, the practices whose characterization moved, the findings followed
  /// from appraisal to appraisal, and the inputs.
  func document() -> ReportDocument {
    let latest = points[points.count - 1].appraisal.header
    var doc = ReportDocument(title: "Trend: \(latest.organizationalUnit)")
    doc.paragraph(RatingRules.methodStatement, tone: .warning)
    if trend.reordered {
      doc.paragraph(
        "The appraisals were put in date order; they were given as: "
          + trend.inputOrder.indices.map { given in
            points[trend.inputOrder.firstIndex(of: given)!].appraisal.header.id
          }.joined(separator: ", ") + ".", tone: .warning)
    }
    if !trend.warnings.isEmpty {
      doc.heading("⚠ Warning: the series may not be like-for-like")
      doc.list(trend.warnings.map { .init("⚠ \(step($0.from, $0.to)): \($0.text)", .warning) })
    }

    doc.heading("Summary")
    let total = trend.goals.count
    doc.paragraph(
      "\(points.count) appraisals from \(points[0].appraisal.header.date) to \(latest.date); "
        + "\(trend.areas.count) process area\(trend.areas.count == 1 ? "" : "s"), \(total) goals.")
    doc.paragraph(
      "Goals satisfied: " + trend.satisfiedGoals.map { "\($0) of \(total)" }.joined(separator: " → ") + ".")
    for line in levelLines { doc.paragraph(line) }
    let counts = AppraisalTrend.FindingSeries.Status.allCases.map { status in
      "\(trend.findings.filter { $0.status == status }.count) \(status.rawValue)"
    }
    doc.paragraph(
      "Weaknesses: " + counts.joined(separator: ", ") + "; \(trend.findings.filter(\.reworded).count) reworded.")
    doc.chart(goalsChart)
    doc.chart(levelChart)

    doc.heading("Appraisals")
    doc.table(
      ["#", "Appraisal", "Date", "Organizational unit", "Target", "Instantiations"],
      points.indices.map { index in
        let report = points[index]
        let header = report.appraisal.header
        return [
          .init("\(index + 1)"), .init("\(header.name) (\(header.id))"), .init(header.date),
          .init(header.organizationalUnit), .init(report.targetDescription),
          .init(report.appraisal.instantiations.map(\.id).joined(separator: ", ")),
        ]
      })

    let labels = points.indices.map(label)
    doc.heading("Goal ratings over time")
    doc.paragraph(
      "✔ Satisfied  ✘ Unsatisfied  ? Not Rated  – Not Applicable  · Out of Scope;  (provisional) weaknesses not "
        + "yet judged for significance;  * changed")
    var rows: [[ReportDocument.Cell]] = []
    for area in trend.areas {
      rows.append(
        [.init("\(area.processArea) \(area.name)")] + area.ratings.map { cell($0) }
          + [.init(Set(area.ratings).count > 1 ? "*" : "")])
      for goal in area.goals {
        rows.append(
          [.init("  \(goal.goal) \(goal.title)")]
            + goal.ratings.indices.map { cell(goal.ratings[$0], provisional: goal.provisional[$0]) }
            + [.init(goal.changed ? "*" : "")])
      }
    }
    doc.table(["Process area / goal"] + labels + ["Δ"], rows)

    doc.heading("Levels over time")
    doc.table(
      ["Process area"] + labels,
      trend.areas.map { area in
        [.init(area.processArea)]
          + area.capability.indices.map { .init(points[$0].capabilityText(area.capability[$0])) }
      })
    var levels: [(String, String)] = []
    if trend.maturityLevels.allSatisfy({ $0 != nil }) {
      levels.append(("Maturity level", trend.maturityLevels.map { "ML \($0!)" }.joined(separator: " → ")))
    }
    levels.append(("Equivalent staging", trend.equivalentStaging.map { "ML \($0)" }.joined(separator: " → ")))
    doc.keyValues(levels)

    doc.heading("Practice characterization history")
    doc.paragraph(
      "\(trend.changedPractices.count) practice\(trend.changedPractices.count == 1 ? "" : "s") changed at least "
        + "once; \(trend.unchangedPractices) never changed. — = not characterized or not rated.")
    if !trend.changedPractices.isEmpty {
      doc.table(
        ["Practice", "Title"] + labels,
        trend.changedPractices.map { series in
          [.init(series.practice.description), .init(points[points.count - 1].title(of: series.practice))]
            + series.values.map { .init($0?.code ?? "—", RateReport.tone($0)) }
        })
    }

    doc.heading("Weaknesses over time")
    doc.paragraph(
      "Followed by identity: the same observation id, else the same practice and text but for case, spacing "
        + "and punctuation. Opened: first recorded after the first appraisal and still recorded; recurring: "
        + "recorded in every appraisal; closed: no longer recorded; regressed: closed once, then back.")
    for status in [
      AppraisalTrend.FindingSeries.Status.regressed, .opened, .recurring, .closed,
    ] {
      let list = trend.findings.filter { $0.status == status }
      doc.paragraph("\(status.rawValue.prefix(1).uppercased() + status.rawValue.dropFirst()): \(list.count)")
      doc.list(
        list.map { finding in
          .init(findingLine(finding), status == .closed ? .good : .bad)
        })
    }
    let reworded = trend.findings.filter(\.reworded)
    doc.paragraph("Reworded (the same finding with new wording): \(reworded.count)")
    doc.list(reworded.map { .init(rewordingLine($0)) })

    doc.heading("Input files and tool")
    doc.table(["Role", "File", "SHA-256"], inputs.map { [.init($0.role), .init($0.path), .init($0.sha256)] })
    doc.paragraph("Written by \(ToolIdentity.description).")
    return doc
  }

  /// Names the step between two points: `2011-09-30 (company-a-after) → 2012-09-28 (company-a-later)`.
  public func step(_ from: Int, _ to: Int) -> String { appraisals([from]) + " → " + appraisals([to]) }

  /// `IRP SP 3.3: text (major) — in 2010-11-19 (…), 2011-09-30 (…)`.
  func findingLine(_ finding: AppraisalTrend.FindingSeries) -> String {
    "\(finding.practice): \(finding.text)" + (finding.impact == .major ? " (major)" : "") + " — in "
      + appraisals(finding.appearances)
  }

  /// Each wording with the appraisal that first used it, and how the identity held.
  func rewordingLine(_ finding: AppraisalTrend.FindingSeries) -> String {
    var parts: [String] = []
    var previous: String?
    for index in finding.appearances {
      let occurrence = finding.occurrences[index]!
      guard occurrence.text != previous else { continue }
      var part = "\(points[index].appraisal.header.date): \"\(occurrence.text)\""
      if previous != nil, let match = finding.matches[index] {
        part +=
          match == .id
          ? " (same id \(occurrence.ids.joined(separator: ", ")))"
          : " (same text but for case, spacing and punctuation)"
      }
      parts.append(part)
      previous = occurrence.text
    }
    return "\(finding.practice): " + parts.joined(separator: " → ")
  }

  /// Satisfied goals at each point, out of all goals rated at any point.
  var goalsChart: ReportDocument.Chart {
    .init(
      title: "Satisfied goals over time", labels: points.indices.map(label), maximum: trend.goals.count,
      series: [(name: "Satisfied goals (of \(trend.goals.count))", values: trend.satisfiedGoals.map { $0 })])
  }

  /// The maturity level (staged) or the equivalent staging, and the areas reaching a continuous target.
  var levelChart: ReportDocument.Chart {
    var series: [(name: String, values: [Int?])] = []
    if trend.maturityLevels.allSatisfy({ $0 != nil }) {
      series.append((name: "Maturity level", values: trend.maturityLevels))
    } else {
      series.append((name: "Equivalent staging (ML)", values: trend.equivalentStaging.map { $0 }))
    }
    let reaching = areasAtTarget
    if reaching.contains(where: { $0 != nil }) {
      series.append((name: "Process areas at the target capability level", values: reaching))
    }
    return .init(
      title: "Level over time", labels: points.indices.map(label), maximum: max(5, trend.areas.count), series: series)
  }

  /// At each point, how many rated areas reach its continuous target capability level (`nil` for a staged
  /// appraisal).
  var areasAtTarget: [Int?] {
    points.map { report in
      guard case .capabilityLevel(let target) = report.appraisal.target else { return nil }
      return report.capabilityTarget(target).reached
    }
  }

  private func cell(_ value: AppraisalComparison.Cell, provisional: Bool = false) -> ReportDocument.Cell {
    .init(RatingSymbol.goal(value) + (provisional ? " (provisional)" : ""), .init(value.rawValue))
  }
}
