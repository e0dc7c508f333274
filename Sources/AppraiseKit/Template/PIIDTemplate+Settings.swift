import AppraisalModel
import EvidenceParsers

extension PIIDTemplate {
  /// The Settings sheet: the CSV syntax's settings rows (``CSVAppraisalDecoder/settingKeys``), the disclosure
  /// facts' among them (``disclosureRows(_:_:)``), but the instantiations, which have a sheet of their own — the key in column A, its values in B, C, …. Every
  /// value is a text cell in a text-formatted column, so a date or the share `1/2` is never turned into a
  /// spreadsheet date; no column holds comments (they would be read as values: the Instructions explain).
  static func settings(_ appraisal: Appraisal, catalog: Catalog) -> XLSXSheet {
    var sheet = XLSXSheet(PIIDTemplateLayout.settingsSheet, header: PIIDTemplateLayout.settingsHeader)
    var rows: [[String]] = []
    /// Drop-downs on the value cell (column B) of a row.
    var lists: [(row: Int, name: String, values: [String])] = []
    let (representation, level) = appraisal.target.representation
    for key in CSVAppraisalDecoder.settingKeys {
      switch key {
      case "formatVersion": rows.append([key, "\(EvidenceVocabulary.formatVersion)"])
      case "representation":
        lists.append((rows.count, key, Choices.representations))
        rows.append([key, representation])
      case "targetLevel":
        lists.append((rows.count, key, Choices.levels))
        rows.append([key, "\(level)"])
      case "includeAdditions":
        lists.append((rows.count, key, Choices.flags))
        rows.append([key, appraisal.scope.includesAdditions ? "true" : "false"])
      case "processAreas": rows.append([key] + appraisal.scope.processAreas)
      case "notApplicable":
        for exclusion in appraisal.scope.notApplicable { rows.append([key, exclusion.processArea, exclusion.reason]) }
      case "outOfScope":
        for exclusion in appraisal.scope.outOfScope { rows.append([key, exclusion.processArea, exclusion.reason]) }
      case "areaTarget":
        for target in appraisal.scope.areaTargets { rows.append([key, target.processArea, "\(target.level)"]) }
      case "specificGoalsOnly":
        if appraisal.scope.specificGoalsOnly { rows.append([key, "true"]) }
      case "coverage":
        lists.append((rows.count, "coverage enabled", Choices.flags))
        let coverage = appraisal.coverage
        rows.append(
          [key, coverage.isEnabled ? "true" : "false", coverage.minimumShare.description]
            + (coverage.rule == .scampi13 ? [] : [coverage.rule.rawValue]))
      case "instantiation": continue  // the Instantiations sheet
      case "aggregationDecision":
        for decision in appraisal.aggregationDecisions {
          rows.append([key, decision.practice.description, decision.value.code, decision.justification])
        }
      case "significanceDecision":
        for decision in appraisal.significanceDecisions {
          rows.append([
            key, decision.processArea, decision.goal, decision.significant ? "true" : "false", decision.justification,
          ])
        }
      case _ where CSVAppraisalDecoder.disclosureKeys[key] != nil:
        if key == "reportStatus" { lists.append((rows.count, key, Choices.reportStatuses)) }
        rows += disclosureRows(key, appraisal.disclosure)
      default:
        // The header's fields, from the field table.
        if let field = EvidenceFormat.header.first(where: { $0.name == key }) {
          rows.append([key, text(field.value(appraisal.header))])
        }
      }
    }
    for row in rows { sheet.row(row.map { XLSXSheet.Cell($0) }) }
    let width = min(max(rows.map(\.count).max() ?? 0, 3), 100)
    sheet.fixedWidths = [22, 44] + Array(repeating: 16, count: width - 2)
    sheet.columnStyles[0] = .prefilled
    for column in 1..<width { sheet.columnStyles[column] = .text }
    sheet.wrappedColumns = [1]
    sheet.isTable = false
    for list in lists {
      sheet.validations.append(
        XLSXSheet.Validation(column: 1, rows: list.row...list.row, source: .values(list.values), name: list.name))
    }
    return sheet
  }

  /// The disclosure facts' rows for the settings key `key`: one per value, and a row holding only the key for
  /// the team leader, sponsor, dates and report status when the appraisal gives none (read back as not given).
  static func disclosureRows(_ key: String, _ disclosure: Disclosure) -> [[String]] {
    func person(_ person: Disclosure.Person) -> [String] {
      [key] + EvidenceFormat.person.map { text($0.value(person)) }
    }
    func record<Record>(_ record: Record, _ fields: [EvidenceField<Record>]) -> [String] {
      [key] + fields.map { text($0.value(record)) }
    }
    let rows: [[String]]
    switch key {
    case "teamLeader": rows = disclosure.teamLeader.map { [person($0)] } ?? []
    case "teamMember": rows = disclosure.teamMembers.map(person)
    case "sponsor": rows = disclosure.sponsor.map { [person($0)] } ?? []
    case "startDate": rows = disclosure.startDate.map { [[key, $0]] } ?? []
    case "endDate": rows = disclosure.endDate.map { [[key, $0]] } ?? []
    case "reportStatus": rows = disclosure.reportStatus.map { [[key, $0.rawValue]] } ?? []
    case "organizationalUnitDescription": rows = disclosure.organizationalUnitDescription.map { [[key, $0]] } ?? []
    case "location": rows = disclosure.locations.map { [key, $0] }
    case "population": rows = disclosure.population.map { [record($0, EvidenceFormat.population)] } ?? []
    case "samplingFactor": rows = disclosure.samplingFactors.map { record($0, EvidenceFormat.samplingFactor) }
    case "subgroup": rows = disclosure.subgroups.map { record($0, EvidenceFormat.subgroup) }
    case "finding": rows = disclosure.findings.map { record($0, EvidenceFormat.finding) }
    case "globalFinding": rows = disclosure.globalFindings.map { [key, $0] }
    default: rows = []
    }
    let fillIn: Set<String> = ["teamLeader", "sponsor", "startDate", "endDate", "reportStatus"]
    return rows.isEmpty && fillIn.contains(key) ? [[key]] : rows
  }

  /// The Instantiations sheet: one row per instantiation in the declared order (the CSV syntax's
  /// `instantiation` row's cells), and spare rows with the kind drop-down for units the team adds.
  static func instantiations(_ appraisal: Appraisal) -> XLSXSheet {
    var sheet = XLSXSheet(PIIDTemplateLayout.instantiationsSheet, header: PIIDTemplateLayout.instantiationColumns)
    for unit in appraisal.instantiations {
      sheet.row(EvidenceFormat.instantiation.map { XLSXSheet.Cell(text($0.value(unit))) })
    }
    sheet.fixedWidths = [16, 36, 18, 20, 40]
    sheet.wrappedColumns = [1, 4]
    sheet.columnStyles[0] = .text
    sheet.columnStyles[3] = .text
    sheet.columnStyles[4] = .text
    let kind = EvidenceFormat.instantiation.firstIndex { $0.name == "kind" } ?? 2
    sheet.validations.append(
      XLSXSheet.Validation(
        column: kind, rows: 0...(appraisal.instantiations.count + spareInstantiations - 1),
        source: .values(Choices.kinds), name: "instantiation kind"))
    return sheet
  }
}
