import AppraisalModel
import EvidenceParsers

extension PIIDTemplate {
  /// What the appraisal records for each practice × instantiation pair, in file order.
  struct Records {
    struct Key: Hashable {
      var practice: PracticeReference
      var instantiation: String
    }
    struct Pair {
      var evidence: [EvidenceItem] = []
      var weaknesses: [Observation] = []
      var strengths: [Observation] = []
      var characterization: TeamCharacterization?
    }
    private(set) var pairs: [Key: Pair] = [:]

    init(_ appraisal: Appraisal) {
      for item in appraisal.evidence {
        pairs[Key(practice: item.practice, instantiation: item.instantiation), default: Pair()].evidence.append(item)
      }
      for observation in appraisal.observations {
        let key = Key(practice: observation.practice, instantiation: observation.instantiation)
        switch observation.kind {
        case .weakness: pairs[key, default: Pair()].weaknesses.append(observation)
        case .strength: pairs[key, default: Pair()].strengths.append(observation)
        }
      }
      // At most one per pair (validation); the first wins as in the rating.
      for characterization in appraisal.characterizations {
        let key = Key(practice: characterization.practice, instantiation: characterization.instantiation)
        if pairs[key]?.characterization == nil { pairs[key, default: Pair()].characterization = characterization }
      }
    }

    subscript(practice: PracticeReference, unit: String) -> Pair {
      pairs[Key(practice: practice, instantiation: unit)] ?? Pair()
    }
  }

  /// Column widths of the PIID sheets by CSV column (`nil`: the title); other columns get 16.
  private static let widths: [String?: Double] = [
    "practice": 13, nil: 40, "instantiation": 15, "evidenceId": 12, "indicator": 18, "document": 36, "section": 14,
    "version": 9, "date": 12, "url": 30, "note": 40, "imported": 10, "characterization": 11,
    "characterizationNote": 32, "weakness": 40, "weaknessImpact": 11, "strength": 36, "weaknessId": 12,
    "strengthId": 12,
  ]
  /// Columns whose text wraps.
  private static let wrapped: Set<String?> = [nil, "document", "note", "characterizationNote", "weakness", "strength"]
  /// Columns a person types dates, versions or ids into: text format, so a spreadsheet keeps them as typed.
  private static let textColumns: Set<String?> = [
    "evidenceId", "section", "version", "date", "weaknessId", "strengthId",
  ]

  /// One process area's sheet: for each practice rated and each instantiation that examines the area, the
  /// pair's evidence items one per row (the team's characterization and its note on the first row, its
  /// weaknesses and strengths one per row beside them), or, for a pair without evidence, two rows to fill:
  /// a direct artifact and an affirmation.
  static func processAreaSheet(
    _ area: ProcessArea, practices: [Practice], appraisal: Appraisal, records: Records
  ) -> XLSXSheet {
    let columns = PIIDTemplateLayout.piidColumns
    var sheet = XLSXSheet(area.id, header: columns.map(\.label))
    var number: [String?: Int] = [:]
    for (index, column) in columns.enumerated() { number[column.field] = index }
    sheet.fixedWidths = columns.map { widths[$0.field] ?? 16 }
    sheet.wrappedColumns = Set(columns.indices.filter { wrapped.contains(columns[$0].field) })
    for (index, column) in columns.enumerated() {
      if PIIDTemplateLayout.prefilledFields.contains(column.field) && column.field != "indicator" {
        sheet.columnStyles[index] = .prefilled
      } else if textColumns.contains(column.field) {
        sheet.columnStyles[index] = .text
      }
    }
    sheet.frozenColumns = 1

    // The evidence item's columns: its own fields and its locator's, by CSV name, from the field table.
    var itemValues: [Int: (EvidenceItem) -> String] = [:]
    for field in EvidenceFormat.evidenceItem where field.name != "practice" && field.name != "instantiation" {
      if let index = number[field.csvName] { itemValues[index] = { text(field.value($0)) } }
    }
    for field in EvidenceFormat.locator {
      if let index = number[field.csvName] { itemValues[index] = { text(field.value($0.locator)) } }
    }

    let units = appraisal.instantiations.filter { $0.examines(area.id) }
    for practice in practices {
      let reference = PracticeReference(area.id, practice.id)
      for unit in units {
        let pair = records[reference, unit.id]
        let count = max(
          pair.evidence.isEmpty ? 2 : pair.evidence.count, pair.weaknesses.count, pair.strengths.count)
        for line in 0..<count {
          var row = [XLSXSheet.Cell](repeating: XLSXSheet.Cell(""), count: columns.count)
          func set(_ field: String?, _ value: String) {
            if let index = number[field] { row[index] = XLSXSheet.Cell(value) }
          }
          set("practice", reference.description)
          set(nil, practice.title)
          set("instantiation", unit.id)
          if line < pair.evidence.count {
            for (index, value) in itemValues { row[index] = XLSXSheet.Cell(value(pair.evidence[line])) }
          } else if pair.evidence.isEmpty && line < 2 {
            // The indicator is only a suggestion: a row with nothing else filled in is ignored.
            set("indicator", (line == 0 ? EvidenceItem.Indicator.directArtifact : .affirmation).rawValue)
          }
          if line == 0, let characterization = pair.characterization {
            set("characterization", characterization.value.code)
            set("characterizationNote", characterization.note ?? "")
          }
          if line < pair.weaknesses.count {
            set("weakness", pair.weaknesses[line].text)
            set("weaknessImpact", pair.weaknesses[line].impact.rawValue)
            if let id = pair.weaknesses[line].id { set("weaknessId", id) }
          }
          if line < pair.strengths.count {
            set("strength", pair.strengths[line].text)
            if let id = pair.strengths[line].id { set("strengthId", id) }
          }
          sheet.row(row)
        }
      }
    }

    let rows = 0...(sheet.rows.count + spareRows - 1)
    let lastUnitRow = appraisal.instantiations.count + spareInstantiations + 1
    let lists: [(String, XLSXSheet.Validation.Source)] = [
      ("instantiation", .range("=\(PIIDTemplateLayout.instantiationsSheet)!$A$2:$A$\(lastUnitRow)")),
      ("indicator", .values(Choices.indicators)),
      ("imported", .values(Choices.flags)),
      ("characterization", .values(Choices.characterizations)),
      ("weaknessImpact", .values(Choices.impacts)),
    ]
    for (field, source) in lists {
      guard let index = number[field] else { continue }
      sheet.validations.append(XLSXSheet.Validation(column: index, rows: rows, source: source, name: field))
    }
    return sheet
  }
}
