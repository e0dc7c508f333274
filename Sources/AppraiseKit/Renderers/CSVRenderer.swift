import AppraisalModel

/// CSV reports, one row per practice × instantiation, that open cleanly in Excel: UTF-8 with a BOM,
/// CRLF line ends, RFC 4180 quoting, and cells that would start a formula (`= + - @`) prefixed with an
/// apostrophe so a spreadsheet never executes report text. After the table and one empty row, a footer of
/// `key,value…` rows states what every report states: method, model, appraisal, scope, sample, team
/// judgments, rules and input hashes.
public struct CSVRenderer: ReportRenderer {
  public init() {}

  static let rateColumns = [
    "processArea", "goal", "goalRating", "practice", "practiceTitle", "instantiation", "value", "team", "derived",
    "derivation", "directArtifacts", "indirectArtifacts", "untypedArtifacts", "affirmations", "weaknesses", "strengths",
    "ouValue", "ouBasis", "areaRating", "capabilityLevel",
  ]

  /// The columns of a summary (``ReportDetail/summary``): one row per practice with its counts.
  static let summaryColumns = [
    "processArea", "goal", "goalRating", "practice", "practiceTitle", "instantiations", "FI", "LI", "PI", "NI", "NY",
    "notCharacterized", "ouValue", "ouBasis", "areaRating", "capabilityLevel",
  ]

  public func render(_ report: RateReport) -> String {
    var rows = [report.detail == .summary ? Self.summaryColumns : Self.rateColumns]
    rows += report.detail == .summary ? summaryRows(report) : rateRows(report)
    rows.append([])
    rows += footer(report, inputs: report.inputs, trail: report.detail == .full ? report.evidenceTrail : nil)
    return Self.csv(rows)
  }

  /// The statements every report makes, as `key,value…` rows.
  private func footer(
    _ report: RateReport, inputs: [InputDigest], appraisalKey: String = "appraisal", trail: EvidenceTrail?
  ) -> [[String]] {
    let header = report.appraisal.header
    var rows: [[String]] = [
      ["method", RatingRules.methodStatement],
      ["model", report.catalog.model.id, report.catalog.model.version, report.catalog.model.title],
      [appraisalKey, header.id, header.name, header.organizationalUnit, header.date, header.methodClass],
      ["target", report.targetDescription],
      ["inScope"] + report.ratedAreas.map(\.processArea),
      ["outOfScope"] + report.result.processAreas.filter { $0.value == .outOfScope }.map(\.processArea),
    ]
    rows += report.appraisal.scope.notApplicable.map { ["notApplicable", $0.processArea, $0.reason] }
    rows += report.appraisal.scope.outOfScope.map { ["outOfScopeReason", $0.processArea, $0.reason] }
    rows += report.appraisal.scope.areaTargets.map { ["areaTarget", $0.processArea, "\($0.level)"] }
    rows.append(["coverage", report.coveragePolicyDescription])
    rows += report.appraisal.instantiations.map {
      ["instantiation", $0.id, $0.name, $0.kind.rawValue, $0.subgroup ?? ""]
    }
    rows += Self.disclosureRows(report.appraisal.disclosure)
    for cell in trail?.cells ?? [] {
      rows += cell.entries.map {
        [
          "evidenceItem", cell.practice.description, cell.instantiation, $0.id, $0.indicator.rawValue, $0.document,
          $0.section ?? "", $0.version ?? "", $0.date ?? "", $0.url ?? "", $0.imported ? "imported" : "",
        ]
      }
    }
    for practice in report.result.appliedAggregationDecisions {
      if case .teamDecision(_, let justification) = practice.basis {
        rows.append(["aggregationDecision", practice.practice.description, practice.value?.code ?? "", justification])
      }
    }
    for practice in report.result.practiceCharacterizations {
      if case .judgmentNeeded(let allowed) = practice.basis {
        rows.append([
          "judgmentNeeded", practice.practice.description, practice.value?.code ?? "",
          "allowed " + RateReport.choices(allowed),
        ])
      }
    }
    for goal in report.result.appliedSignificanceDecisions {
      rows.append([
        "significanceDecision", "\(goal.processArea) \(goal.goal)",
        goal.significance!.significant ? "significant" : "not significant",
        goal.significance!.justification,
      ])
    }
    for area in report.ratedAreas {
      rows += report.gapList(area).map { ["gap", area.processArea, $0] }
    }
    rows += report.outstandingJudgments().map { ["judgmentOutstanding", $0] }
    if let maturity = report.result.maturityLevel { rows.append(["maturityLevel", "\(maturity.level)"]) }
    rows.append(["equivalentStaging", "\(report.result.equivalentStaging.level)"])
    if report.detail == .summary {
      rows.append([
        "detail", "summary", "per practice, the number of instantiations with each value; --detail full lists them",
      ])
    }
    rows += RatingRules.summary(coverage: report.appraisal.coverage).map { ["rule", $0.rule, $0.statement] }
    if let view = report.view {
      rows.append(["view", view.framework, RateReport.viewStatement(view)])
      for row in view.rows {
        rows.append(["viewProcess", row.process.name, row.process.book ?? "", row.summary])
        rows += row.entries.map {
          [
            "viewLink", row.process.name, $0.link.target, $0.link.relation.rawValue, $0.link.strength.rawValue,
            $0.link.source, $0.isAuthoritative ? "authoritative" : "derived", $0.status,
            $0.supports ? "supports" : "does not support",
          ]
        }
      }
      rows += view.sources.map {
        ["viewSource", $0.id, $0.title, $0.isAuthoritative ? "authoritative" : "not authoritative"]
      }
    }
    rows += inputs.map { ["input", $0.role, $0.path, $0.sha256] }
    rows.append(["tool", ToolIdentity.name, ToolIdentity.version])
    return rows
  }

  public func render(_ report: CompareReport) -> String {
    var rows = [["processArea", "goal", "title", "before", "after", "changed"]]
    for area in report.comparison.areas {
      rows.append([
        area.processArea, "", area.name, area.before.rawValue, area.after.rawValue,
        area.before != area.after ? "yes" : "",
      ])
      for goal in area.goals {
        rows.append([
          area.processArea, goal.goal, goal.title, goal.beforeLabel, goal.afterLabel, goal.changed ? "yes" : "",
        ])
      }
    }
    rows.append([])
    rows.append(["practice", "title", "before", "after"])
    for transition in report.comparison.transitions {
      rows.append([
        transition.practice.description, report.after.title(of: transition.practice), transition.before?.code ?? "",
        transition.after?.code ?? "",
      ])
    }
    rows.append([])
    rows.append(["weaknessChange", "practice", "instantiations", "impact", "text", "textBefore", "matchedBy"])
    for (change, list) in [("closed", report.comparison.closedWeaknesses), ("new", report.comparison.newWeaknesses)] {
      rows += list.map {
        [
          change, $0.practice.description, $0.instantiations.joined(separator: " "), $0.impact.rawValue, $0.text, "",
          "",
        ]
      }
    }
    rows += report.comparison.rewordedWeaknesses.map {
      [
        "reworded", $0.after.practice.description, $0.after.instantiations.joined(separator: " "),
        $0.after.impact.rawValue, $0.after.text, $0.before.text, $0.match.rawValue,
      ]
    }
    rows.append([])
    rows += report.comparison.warnings.map { ["warning", $0] }
    let moved = Set(report.comparison.transitions.map(\.practice))
    rows += footer(
      report.after, inputs: report.inputs, appraisalKey: "after",
      trail: report.after.detail == .full ? report.after.evidenceTrail?.restricted(to: moved) : nil)
    let before = report.before.appraisal.header
    rows.append(["before", before.id, before.name, before.organizationalUnit, before.date, before.methodClass])
    return Self.csv(rows)
  }

  /// The disclosure facts recorded, one `key,value…` row each (none for a file without them).
  static func disclosureRows(_ disclosure: Disclosure) -> [[String]] {
    func person(_ key: String, _ person: Disclosure.Person) -> [String] {
      [key, person.name, person.organization ?? "", person.role ?? ""]
    }
    var rows: [[String]] = []
    if let status = disclosure.reportStatus { rows.append(["reportStatus", status.rawValue]) }
    if disclosure.startDate != nil || disclosure.endDate != nil {
      rows.append(["period", disclosure.startDate ?? "", disclosure.endDate ?? ""])
    }
    if let leader = disclosure.teamLeader { rows.append(person("teamLeader", leader)) }
    rows += disclosure.teamMembers.map { person("teamMember", $0) }
    if let sponsor = disclosure.sponsor { rows.append(person("sponsor", sponsor)) }
    if let description = disclosure.organizationalUnitDescription {
      rows.append(["organizationalUnitDescription", description])
    }
    rows += disclosure.locations.map { ["location", $0] }
    if let population = disclosure.population {
      rows.append([
        "population", population.people.map(String.init) ?? "", population.basicUnits.map(String.init) ?? "",
      ])
    }
    rows += disclosure.samplingFactors.map { ["samplingFactor", $0.name, $0.values ?? "", $0.rationale] }
    rows += disclosure.subgroups.map { ["subgroup", $0.id, $0.description ?? "", $0.rationale ?? ""] }
    rows += disclosure.findings.map { ["teamFinding", $0.processArea, $0.goal ?? "", $0.text] }
    rows += disclosure.globalFindings.map { ["globalFinding", $0] }
    return rows
  }

  private func summaryRows(_ report: RateReport) -> [[String]] {
    var rows: [[String]] = []
    for area in report.ratedAreas {
      let capability = area.capability.map { "\($0.level)" } ?? ""
      for goal in area.goals {
        let goalRating = goal.value.rawValue + (goal.isProvisional ? " (provisional)" : "")
        for practice in goal.practices {
          var row = [
            area.processArea, goal.goal, goalRating, practice.practice.description,
            report.title(of: practice.practice), String(practice.instantiations.count),
          ]
          row += ReportDetail.distribution(practice).map(String.init)
          row += [practice.value?.code ?? "", practice.judgmentNeeded ? "judgment needed" : ""]
          row += [area.value.rawValue, capability]
          rows.append(row)
        }
      }
    }
    return rows
  }

  private func rateRows(_ report: RateReport) -> [[String]] {
    var rows: [[String]] = []
    for area in report.ratedAreas {
      for goal in area.goals {
        for practice in goal.practices {
          for unit in practice.instantiations {
            rows.append([
              area.processArea, goal.goal, goal.value.rawValue + (goal.isProvisional ? " (provisional)" : ""),
              practice.practice.description, report.title(of: practice.practice), unit.instantiation,
              unit.value?.code ?? "", unit.team?.code ?? "", unit.derived?.code ?? "", unit.derivation,
              "\(unit.evidence.directArtifacts)", "\(unit.evidence.indirectArtifacts)",
              "\(unit.evidence.untypedArtifacts)",
              "\(unit.evidence.affirmations)", unit.weaknesses.map(\.text).joined(separator: " | "),
              unit.strengths.map(\.text).joined(separator: " | "), practice.value?.code ?? "",
              practice.judgmentNeeded ? "judgment needed" : "", area.value.rawValue,
              area.capability.map { "\($0.level)" } ?? "",
            ])
          }
        }
      }
    }
    return rows
  }

  static func csv(_ rows: [[String]]) -> String {
    var out = "\u{FEFF}"
    for row in rows {
      for (index, value) in row.enumerated() {
        if index > 0 { out += "," }
        out += cell(value)
      }
      out += "\r\n"
    }
    return out
  }

  /// One cell, quoted when needed. A cell that a spreadsheet could read as a formula — starting with
  /// `=`, `+`, `-`, `@`, TAB or CR (OWASP's CSV-injection list) — is defused with a leading `'`.
  static func cell(_ value: String) -> String {
    var text = value
    // Checked on bytes: reports for large appraisals have millions of cells.
    if let first = text.utf8.first,
      first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-")
        || first == UInt8(ascii: "@") || first == UInt8(ascii: "\t") || first == UInt8(ascii: "\r")
    {
      text = "'" + text
    }
    let needsQuotes = text.utf8.contains {
      $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r")
    }
    guard needsQuotes else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
