import AppraisalModel

/// XLSX reports (`--format xlsx`): one workbook per report, one table per sheet (docs/xlsx.md). A rate
/// report has the sheets Summary, Goals, Characterizations, Findings, Evidence and Judgments (and with
/// `--view itil` one for the view); a compare
/// report Summary, Goals, Practices, Weaknesses and Levels. Cells are typed (counts and levels are numbers,
/// codes and text are strings, never formulas), characterization cells carry the HTML heat map's fills.
///
/// Pure like the text renderers: the same report gives the same bytes (the workbook's creation time is the
/// appraisal's date).
public struct XLSXRenderer: Sendable {
  public init() {}

  /// The rate report as an `.xlsx` workbook.
  public func workbook(_ report: RateReport) throws(XLSXFailure) -> [UInt8] {
    try XLSXWorkbook.bytes(sheets(report), properties: properties(report, title: "Appraisal rating"))
  }

  /// The compare report as an `.xlsx` workbook.
  public func workbook(_ report: CompareReport) throws(XLSXFailure) -> [UInt8] {
    try XLSXWorkbook.bytes(sheets(report), properties: properties(report.after, title: "Before/after comparison"))
  }

  private func properties(_ report: RateReport, title: String) -> XLSXWorkbook.Properties {
    let header = report.appraisal.header
    // libxlsxwriter writes document properties without escaping control characters (the XML would be
    // invalid), so they are shown as escapes like on a terminal.
    return .init(
      title: "\(title): \(header.name)".terminalSafe,
      subject: "\(header.organizationalUnit) — \(report.catalog.model.title)".terminalSafe,
      comments: RatingRules.methodStatement, date: header.date)
  }

  /// The workbook's sheets, in tab order.
  func sheets(_ report: RateReport) -> [XLSXSheet] {
    [summary(report), goals(report), characterizations(report), findings(report), evidence(report), judgments(report)]
      + (report.view.map { [crossModelView($0)] } ?? [])
  }
}

extension XLSXRenderer {
  /// The statements every report makes, one per row: method, appraisal, scope, sample, process area
  /// ratings, levels, rules, notes and the inputs with their SHA-256.
  func summary(_ report: RateReport) -> XLSXSheet {
    var sheet = XLSXSheet("Summary", header: ["Section", "Item", "Value", "Detail"], wrapped: [2, 3])
    func add(
      _ section: String, _ item: String, _ value: String, _ detail: String = "", _ style: XLSXSheet.Style = .plain
    ) {
      sheet.row([.init(section), .init(item), .init(value, style), .init(detail)])
    }
    add("Method", "Statement", RatingRules.methodStatement, "", .warning)
    // The executive summary: the gaps that remain per area and the judgments the team still owes.
    for area in report.ratedAreas {
      add(
        "Executive summary", "\(area.processArea) \(area.name)", area.value.rawValue, report.gaps(area),
        .init(ReportDocument.Tone(area.value.rawValue)))
    }
    for judgment in report.outstandingJudgments() {
      add("Executive summary", "Judgment outstanding", judgment, "", .warning)
    }
    let header = report.appraisal.header
    let model = report.catalog.model
    add("Appraisal", "Appraisal", header.name, header.id)
    add("Appraisal", "Organizational unit", header.organizationalUnit)
    add("Appraisal", "Date", header.date)
    add("Appraisal", "Model", model.title, "\(model.id) \(model.version)")
    add("Appraisal", "Method class", header.methodClass, "SCAMPI-style gap analysis, not a benchmark rating")
    add("Appraisal", "Target", report.targetDescription)
    for row in CSVRenderer.disclosureRows(report.appraisal.disclosure) {
      add(
        "Disclosure", row[0], row.count > 1 ? row[1] : "",
        row.dropFirst(2).filter { !$0.isEmpty }.joined(separator: "; "))
    }
    for area in report.ratedAreas {
      add("Scope", "In scope", area.processArea, area.name)
    }
    for exclusion in report.appraisal.scope.notApplicable {
      add("Scope", "Not applicable", exclusion.processArea, exclusion.reason)
    }
    for area in report.result.processAreas where area.value == .outOfScope {
      let reason = report.appraisal.scope.outOfScope.first { $0.processArea == area.processArea }?.reason
      add("Scope", "Out of scope", area.processArea, area.name + (reason.map { " — \($0)" } ?? ""))
    }
    for target in report.appraisal.scope.areaTargets {
      add("Scope", "Target capability level", target.processArea, "CL \(target.level)")
    }
    add("Scope", "Additions (SSD)", report.appraisal.scope.includesAdditions ? "included" : "left out")
    add("Scope", "Data coverage", report.coveragePolicyDescription)
    for unit in report.appraisal.instantiations {
      let areas = unit.processAreas?.joined(separator: " ") ?? "all in scope"
      add("Sample", unit.id, unit.name, "\(unit.kind.rawValue); \(unit.subgroup ?? "no subgroup"); \(areas)")
    }
    for area in report.ratedAreas {
      add(
        "Process area rating", "\(area.processArea) \(area.name)", area.value.rawValue,
        area.reasons.joined(separator: "; "), .init(ReportDocument.Tone(area.value.rawValue)))
    }
    for area in report.ratedAreas {
      add(
        "Capability level", area.processArea, report.capabilityText(area.capability),
        area.capability?.limitation ?? "")
    }
    if let maturity = report.result.maturityLevel {
      add(
        "Maturity level", "Target \(maturity.target)", "ML \(maturity.level)",
        maturity.blockers.map { "\($0.processArea): \($0.reason)" }.joined(separator: "; "),
        maturity.blockers.isEmpty ? .good : .bad)
    }
    let staging = report.result.equivalentStaging
    if case .capabilityLevel(let target) = report.appraisal.target {
      // A continuous target is a profile; equivalent staging is information beside it, without its blockers.
      let (reached, below) = report.capabilityTarget(target)
      add(
        "Capability target", "Target CL \(target)", "\(reached) of \(report.ratedAreas.count) areas",
        below.isEmpty ? "" : "not reached: " + below.joined(separator: ", "), below.isEmpty ? .good : .bad)
      add("Equivalent staging", "Maturity level", "ML \(staging.level)", "")
    } else {
      add(
        "Equivalent staging", "Maturity level", "ML \(staging.level)",
        staging.blockers.map { "\($0.processArea): \($0.reason)" }.joined(separator: "; "))
    }
    if report.detail == .summary {
      add("Detail", "Characterizations", "summary", "per practice, the number of instantiations with each value")
    }
    for rule in RatingRules.summary(coverage: report.appraisal.coverage) {
      add("Rule", rule.rule, rule.statement)
    }
    for note in report.result.notes + report.warnings {
      add("Note", "", note, "", .warning)
    }
    for input in report.inputs {
      add("Input (path, SHA-256)", input.role, input.path, input.sha256)
    }
    add("Tool", ToolIdentity.name, ToolIdentity.version)
    return sheet
  }

  /// One row per goal of the rated process areas, with the area's rating and capability level.
  func goals(_ report: RateReport) -> XLSXSheet {
    var sheet = XLSXSheet(
      "Goals",
      header: ["Process area", "Area name", "Goal", "Title", "Rating", "Provisional", "Why", "Area rating", "CL"],
      wrapped: [3, 6])
    for area in report.ratedAreas {
      for goal in area.goals {
        sheet.row([
          .init(area.processArea), .init(area.name), .init(goal.goal), .init(goal.title),
          .init(goal.value.rawValue, .init(ReportDocument.Tone(goal.value.rawValue))),
          .init(goal.isProvisional ? "provisional" : ""), .init(goal.reasons.joined(separator: "; ")),
          .init(area.value.rawValue, .init(ReportDocument.Tone(area.value.rawValue))),
          area.capability.map { .init($0.level) } ?? .init(""),
        ])
      }
    }
    return sheet
  }

  /// Practices × instantiations with the heat map's fills and the OU column; in a summary
  /// (``ReportDetail/summary``) per practice the number of instantiations with each value.
  func characterizations(_ report: RateReport) -> XLSXSheet {
    let practices = report.result.practiceCharacterizations
    let lead = ["Process area", "Practice", "Title"]
    let trail = ["OU", "OU basis"]
    func start(_ practice: OUCharacterization) -> [XLSXSheet.Cell] {
      [
        .init(practice.practice.processArea), .init(practice.practice.practice),
        .init(report.title(of: practice.practice)),
      ]
    }
    func end(_ practice: OUCharacterization) -> [XLSXSheet.Cell] {
      [.init(practice.value?.code ?? "—", .init(code: practice.value?.code)), .init(Self.basis(practice.basis))]
    }
    if report.detail == .summary {
      let columns = ["FI", "LI", "PI", "NI", "NY", "Not characterized"]
      var sheet = XLSXSheet("Characterizations", header: lead + ["Instantiations"] + columns + trail, wrapped: [2])
      for practice in practices {
        let counts = ReportDetail.distribution(practice)
        sheet.row(
          start(practice) + [.init(practice.instantiations.count)]
            + counts.enumerated().map { index, count in
              count == 0 ? .init(0, .muted) : .init(count, .init(code: index < 5 ? columns[index] : nil))
            } + end(practice))
      }
      return sheet
    }
    let units = report.appraisal.instantiations.map(\.id)
    var sheet = XLSXSheet("Characterizations", header: lead + units + trail, wrapped: [2])
    for practice in practices {
      let byUnit = Dictionary(
        practice.instantiations.map { ($0.instantiation, $0) }, uniquingKeysWith: { first, _ in first })
      let cells = units.map { unit -> XLSXSheet.Cell in
        // Not applicable to the unit: empty and grey; not characterized: "—" on the hatched colour.
        guard let value = byUnit[unit] else { return .init("", .notApplicable) }
        return .init(value.value?.code ?? "—", .init(code: value.value?.code))
      }
      sheet.row(start(practice) + cells + end(practice))
    }
    return sheet
  }

  /// How the OU value came about, in words.
  static func basis(_ basis: OUCharacterization.Basis) -> String {
    switch basis {
    case .noInstantiations: "no instantiation"
    case .incomplete(let missing): "incomplete: not characterized in " + missing.joined(separator: ", ")
    case .allNotYet: "all not yet"
    case .uniform: "all alike"
    case .fullyOrLargely: "all FI or LI"
    case .teamDecision(_, let justification): "team decision: " + justification
    case .judgmentNeeded(let allowed): "judgment needed: allowed " + RateReport.choices(allowed)
    }
  }

  /// Every strength and weakness, one row per practice and instantiation; in a summary one row per practice
  /// and text, naming the first instantiations and how many there are (as the other formats do).
  func findings(_ report: RateReport) -> XLSXSheet {
    let summary = report.detail == .summary
    var sheet = XLSXSheet(
      "Findings",
      header: [
        "Process area", "Goal", "Practice", summary ? "Instantiations" : "Instantiation", "Kind", "Impact", "Finding",
      ],
      wrapped: [6])
    // The team's own summary findings first, per area or goal, then those outside the model.
    for finding in report.appraisal.disclosure.findings {
      sheet.row([
        .init(finding.processArea), .init(finding.goal ?? ""), .init(""), .init(""), .init("team finding"), .init(""),
        .init(finding.text),
      ])
    }
    for finding in report.appraisal.disclosure.globalFindings {
      sheet.row([.init("—"), .init(""), .init(""), .init(""), .init("global finding"), .init(""), .init(finding)])
    }
    for area in report.ratedAreas {
      for goal in area.goals {
        for practice in goal.practices {
          if summary {
            let observations = practice.instantiations.flatMap { $0.weaknesses + $0.strengths }
            for group in RateReport.grouped(observations) {
              let weakness = observations.contains { $0.kind == .weakness && $0.text == group.text }
              sheet.row([
                .init(area.processArea), .init(goal.goal), .init(practice.practice.practice),
                .init(report.unitList(group.units)), .init(weakness ? "weakness" : "strength", weakness ? .bad : .good),
                .init(weakness ? (group.major ? "major" : "minor") : ""), .init(group.text),
              ])
            }
            continue
          }
          for unit in practice.instantiations {
            for observation in unit.weaknesses + unit.strengths {
              let weakness = observation.kind == .weakness
              sheet.row([
                .init(area.processArea), .init(goal.goal), .init(practice.practice.practice),
                .init(unit.instantiation), .init(observation.kind.rawValue, weakness ? .bad : .good),
                .init(weakness ? observation.impact.rawValue : ""), .init(observation.text),
              ])
            }
          }
        }
      }
    }
    return sheet
  }

  /// One row per practice and instantiation: the indicator counts the characterization rests on and the
  /// locators of the items. An XML file's evidence is validated and counted as it streams past, not kept
  /// (EvidenceTally), so its locators column is empty; JSON and CSV keep every item.
  func evidence(_ report: RateReport) -> XLSXSheet {
    var sheet = XLSXSheet(
      "Evidence",
      header: [
        "Process area", "Practice", "Instantiation", "Direct artifacts", "Indirect artifacts", "Untyped artifacts",
        "Affirmations", "Value", "Derivation", "Locators",
      ], wrapped: [8, 9])
    if report.detail == .summary { return evidenceSummary(report) }
    // The evidence trail: artifacts with their locators, affirmations by their record only (never a note).
    var locators: [String: String] = [:]
    for cell in report.evidenceTrail?.cells ?? [] {
      locators["\(cell.practice)\u{0}\(cell.instantiation)"] = cell.entries.map { entry in
        "\(entry.id) \(entry.indicator.rawValue): \(entry.document)" + (entry.place.isEmpty ? "" : " (\(entry.place))")
      }.joined(separator: "\n")
    }
    for practice in report.result.practiceCharacterizations {
      for unit in practice.instantiations {
        let counts = unit.evidence
        sheet.row([
          .init(practice.practice.processArea), .init(practice.practice.practice), .init(unit.instantiation),
          .init(counts.directArtifacts), .init(counts.indirectArtifacts), .init(counts.untypedArtifacts),
          .init(counts.affirmations), .init(unit.value?.code ?? "—", .init(code: unit.value?.code)),
          .init(unit.derivation),
          // Sorted by item id (EvidenceTrail): the order of items in the file changes no report.
          .init(locators["\(practice.practice)\u{0}\(unit.instantiation)"] ?? ""),
        ])
      }
    }
    return sheet
  }

  /// Per practice, the indicators counted over all its instantiations (``ReportDetail/summary``).
  func evidenceSummary(_ report: RateReport) -> XLSXSheet {
    var sheet = XLSXSheet(
      "Evidence",
      header: [
        "Process area", "Practice", "Instantiations", "Direct artifacts", "Indirect artifacts", "Untyped artifacts",
        "Affirmations", "Without evidence", "OU",
      ])
    for practice in report.result.practiceCharacterizations {
      var total = EvidenceCounts()
      var empty = 0
      for unit in practice.instantiations {
        total.directArtifacts += unit.evidence.directArtifacts
        total.indirectArtifacts += unit.evidence.indirectArtifacts
        total.untypedArtifacts += unit.evidence.untypedArtifacts
        total.affirmations += unit.evidence.affirmations
        if unit.evidence.isEmpty { empty += 1 }
      }
      sheet.row([
        .init(practice.practice.processArea), .init(practice.practice.practice), .init(practice.instantiations.count),
        .init(total.directArtifacts), .init(total.indirectArtifacts), .init(total.untypedArtifacts),
        .init(total.affirmations), .init(empty, empty == 0 ? .plain : .bad),
        .init(practice.value?.code ?? "—", .init(code: practice.value?.code)),
      ])
    }
    return sheet
  }

  /// The team's decisions the rating used and the judgments still needed.
  func judgments(_ report: RateReport) -> XLSXSheet {
    var sheet = XLSXSheet(
      "Judgments", header: ["Kind", "Subject", "Instantiation", "Value", "Allowed or derived", "Justification"],
      wrapped: [5])
    let result = report.result
    for practice in result.appliedAggregationDecisions {
      guard case .teamDecision(let allowed, let justification) = practice.basis else { continue }
      sheet.row([
        .init("aggregation decision"), .init(practice.practice.description), .init(""),
        .init(practice.value?.code ?? "", .init(code: practice.value?.code)),
        .init(allowed.map(\.code).joined(separator: "/")), .init(justification),
      ])
    }
    for goal in result.appliedSignificanceDecisions {
      guard let decision = goal.significance else { continue }
      sheet.row([
        .init("significance decision"), .init("\(goal.processArea) \(goal.goal)"), .init(""),
        .init(decision.significant ? "significant" : "not significant"), .init(""), .init(decision.justification),
      ])
    }
    if report.detail == .summary {
      for practice in result.practiceCharacterizations {
        let count = practice.instantiations.lazy.filter(\.isOverride).count
        guard count > 0 else { continue }
        sheet.row([
          .init("team characterization"), .init(practice.practice.description), .init("\(count) instantiations"),
          .init(""), .init(""), .init("the team's value overrides the derived one (--detail full lists them)"),
        ])
      }
    }
    for unit in result.practiceCharacterizations.flatMap(\.instantiations)
    where unit.isOverride && report.detail == .full {
      sheet.row([
        .init("team characterization"), .init(unit.practice.description), .init(unit.instantiation),
        .init(unit.team?.code ?? "", .init(code: unit.team?.code)), .init("derived \(unit.derived?.code ?? "")"),
        .init("the team's value overrides the derived one"),
      ])
    }
    for practice in result.practiceCharacterizations {
      guard case .judgmentNeeded(let allowed) = practice.basis else { continue }
      sheet.row([
        .init("judgment needed", .warning), .init(practice.practice.description), .init(""),
        .init(practice.value?.code ?? "PI", .init(code: practice.value?.code ?? "PI")),
        .init("allowed " + RateReport.choices(allowed)), .init("used until the team decides"),
      ])
    }
    return sheet
  }
}

extension XLSXRenderer {
  /// `rate --view itil`: one row per link of each ITIL process or practice (a process without links has one
  /// row), after the statement that the view rates nothing; then the sources of the links.
  func crossModelView(_ view: CrossModelView) -> XLSXSheet {
    // A sheet name has no `[]:*?/\` ("ITIL V3/2011" → "ITIL V3-2011 view").
    let name = String("\(view.framework) view".map { "[]:*?/\\".contains($0) ? "-" : $0 }.prefix(31))
    var sheet = XLSXSheet(
      name,
      header: [
        "\(view.framework) \(RateReport.unitName(view))", "Book", "Support", "CMMI-SVC element", "Relation", "Strength",
        "Source", "Authoritative", "Rating", "Supports",
      ], wrapped: [0, 8])
    sheet.row(
      [.init("Statement"), .init(""), .init(RateReport.viewStatement(view), .warning)]
        + Array(repeating: XLSXSheet.Cell(""), count: 7))
    for row in view.rows {
      let tone: XLSXSheet.Style =
        switch row.summary {
        case "supported": .good
        case "partly supported", "not supported": .bad
        default: .muted
        }
      let support = XLSXSheet.Cell(row.summary, tone)
      let lead: [XLSXSheet.Cell] = [.init(row.process.name), .init(row.process.book ?? ""), support]
      if row.entries.isEmpty { sheet.row(lead + Array(repeating: XLSXSheet.Cell(""), count: 7)) }
      for entry in row.entries {
        sheet.row(
          lead + [
            .init(entry.link.target), .init(entry.link.relation.rawValue), .init(entry.link.strength.rawValue),
            .init(entry.link.source), .init(entry.isAuthoritative ? "authoritative" : "derived"),
            .init(
              entry.status,
              ["FI", "LI", "PI", "NI", "NY"].contains(entry.status)
                ? .init(code: entry.status) : .init(ReportDocument.Tone(entry.status))),
            .init(entry.supports ? "supports" : "does not support"),
          ])
      }
    }
    for source in view.sources {
      sheet.row(
        [.init("Source"), .init(""), .init(""), .init(""), .init(""), .init(""), .init(source.id)]
          + [
            .init(source.isAuthoritative ? "authoritative" : "not authoritative"),
            .init(source.title + (source.reference.map { " — \($0)" } ?? "")), .init(""),
          ])
    }
    return sheet
  }
}
