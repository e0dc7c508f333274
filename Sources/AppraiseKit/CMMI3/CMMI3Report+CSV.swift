import AppraisalModel

extension CMMI3Report {
  /// The columns of the CSV report's table: one tidy row per fact, `record` saying which.
  public static let csvColumns = [
    "record", "practiceArea", "level", "practice", "project", "value", "risk", "proposed", "allowed", "default",
    "judgmentNeeded", "basis", "reason",
  ]

  /// The table rows: `projectValue` (practice × project), `ouValue`, `practiceGroup`, `capabilityLevel`,
  /// `maturityLevel`, `maturityBlocker`, `maturityInference`, `weakness`, `flag` — `default` is `yes` on
  /// every value the tool proposed where the team decides.
  func csvRows() -> [[String]] {
    func yes(_ flag: Bool) -> String { flag ? "yes" : "no" }
    var rows: [[String]] = []
    for value in result.projectValues {
      let location = catalog.location(ofPractice: value.practice)
      rows.append([
        "projectValue", area(ofPractice: value.practice), location.map { "\($0.level)" } ?? "", value.practice,
        value.project, value.value?.code ?? "", value.risk?.code ?? "", "", "", yes(value.isFlaggedDefault), "",
        value.basisCode, value.reason,
      ])
    }
    for value in result.ouValues {
      let location = catalog.location(ofPractice: value.practice)
      rows.append([
        "ouValue", area(ofPractice: value.practice), location.map { "\($0.level)" } ?? "", value.practice, "",
        value.value?.code ?? "", "", value.proposed?.code ?? "", value.allowed.map(\.code).joined(separator: " "),
        yes(value.isProposedDefault), yes(value.judgmentNeeded),
        value.value == nil ? "undetermined" : value.isDefault ? "proposed" : "team",
        (value.teamJustification.map { "team: \($0); " } ?? "") + value.reason,
      ])
    }
    for group in result.practiceGroups {
      rows.append([
        "practiceGroup", group.practiceArea, "\(group.level)", "", "", group.value.rawValue, "",
        group.defaultValue.rawValue, group.allowed.map(\.rawValue).joined(separator: " "), yes(group.isDefault), "",
        group.isDefault ? "proposed" : "team",
        (group.teamJustification.map { "team: \($0); " } ?? "") + group.reasons.joined(separator: "; "),
      ])
    }
    for level in result.capabilityLevels {
      rows.append([
        "capabilityLevel", level.practiceArea, "\(level.target)", "", "", "\(level.level)", "", "", "", "no", "",
        level.nextLevelNotRated ? "next-level-not-rated" : "", level.limitation ?? "",
      ])
    }
    if let maturity = result.maturityLevel {
      rows.append([
        "maturityLevel", "", "\(maturity.target)", "", "", "\(maturity.level)", "", "", "", "no", "", "", "",
      ])
      rows += maturity.blockers.map {
        ["maturityBlocker", $0.practiceArea, "\(maturity.level + 1)", "", "", "", "", "", "", "no", "", "", $0.reason]
      }
      rows += maturity.inferences.map {
        [
          "maturityInference", $0.practiceArea, "\($0.maturityLevel)", "", "", "\($0.throughLevel)", "", "", "", "yes",
          "", "inference", "counted through its highest practice group",
        ]
      }
    }
    for weakness in weaknesses {
      rows.append([
        "weakness", area(ofPractice: weakness.practice), "", weakness.practice,
        weakness.projects.joined(separator: " "), "", "", "", "", "no", "", weakness.id ?? "", weakness.text,
      ])
    }
    for flag in result.flags {
      rows.append([
        "flag", area(ofPractice: flag.subject), "", flag.subject, "", "", "", "", "", "yes", "", flag.kind.rawValue,
        flag.reason,
      ])
    }
    return rows
  }

  /// The statements every report makes, as `key,value…` rows after the table.
  func csvFooter() -> [[String]] {
    let header = appraisal.header
    var rows: [[String]] = [
      ["method", Self.methodStatement],
      ["model", catalog.model.id, catalog.model.version, catalog.model.title ?? ""],
      ["appraisal", header.id, header.name, header.organizationalUnit, header.date],
      ["type", result.type.rawValue, result.type.summary],
      ["representation", appraisal.representation.rawValue],
      ["view", appraisal.view] + appraisal.optionalAreas,
      ["selectedAreas"] + (appraisal.selectedAreas ?? ["the whole view"]),
      ["target", result.producesRatings ? targetDescription : "none"],
    ]
    if !result.producesRatings { rows.append(["ratings", Self.evaluationStatement]) }
    rows += appraisal.target.practiceAreas.map { ["areaTarget", $0.practiceArea, "\($0.level)"] }
    rows += areas.map { ["practiceArea", $0.id, $0.domain, $0.title ?? ""] }
    rows += appraisal.projects.map {
      [
        "project", $0.id, $0.name, $0.outOfScope.joined(separator: " "),
        $0.organizationalProcesses.joined(separator: " "),
      ]
    }
    rows += appraisal.organizationalProcesses.map { ["organizationalProcess", $0.id, $0.name] }
    rows += rules.map { ["rule", $0.rule, $0.status.rawValue, $0.statement] }
    rows += warnings.map { ["warning", $0] }
    rows += inputs.map { ["input", $0.role, $0.path, $0.sha256] }
    rows.append(["tool", ToolIdentity.name, ToolIdentity.version])
    return rows
  }
}

extension CSVRenderer {
  /// The CMMI V3.0 report as CSV: the tidy table (``CMMI3Report/csvColumns``), an empty row, then the
  /// footer — quoted and made formula-safe like every CSV report.
  public func render(_ report: CMMI3Report) -> String {
    Self.csv([CMMI3Report.csvColumns] + report.csvRows() + [[]] + report.csvFooter())
  }
}
