import AppraisalModel

extension CrossVersionReport {
  /// The report as a document for the text, Markdown and HTML renderers: the approximate-comparison notice
  /// first, both appraisals, the crosswalk, the verdict counts, the table by V3.0 practice area, the table by
  /// V1.3 process area, the unmapped areas and the verdict rules.
  func document() -> ReportDocument {
    let comparison = comparison
    let old = comparison.v13Appraisal
    let new = comparison.v3Appraisal
    var doc = ReportDocument(title: "Cross-version comparison (approximate): \(new.organizationalUnit)")
    doc.paragraph(Self.notice, tone: .warning)
    doc.heading("Appraisals")
    doc.table(
      ["", "V1.3", "V3.0"],
      [
        [.init("Appraisal"), .init("\(old.name) (\(old.id))"), .init("\(new.name) (\(new.id))")],
        [.init("Organizational unit"), .init(old.organizationalUnit), .init(new.organizationalUnit)],
        [.init("Date"), .init(old.date), .init(new.date)],
        [.init("Model"), .init(old.model), .init(new.model)],
        [.init("Scope"), .init(old.scope), .init(new.scope)],
      ])
    doc.heading("Crosswalk")
    var crosswalk = [("Title", comparison.crosswalkTitle), ("Basis", comparison.label)]
    if let note = comparison.crosswalkNote { crosswalk.append(("Note", note)) }
    doc.keyValues(crosswalk)

    doc.heading("Verdicts")
    doc.list(comparison.verdictCounts.map { .init("\($0.kind.rawValue): \($0.count)", Self.tone($0.kind)) })
    if comparison.v3Rows.isEmpty { doc.paragraph("No V3.0 practice area to compare.") }

    doc.heading("By V3.0 practice area")
    doc.table(
      ["V3.0 area", "V3.0 level", "V3.0 practice groups", "V1.3 counterparts", "Verdict", "Basis"],
      comparison.v3Rows.map { row in
        [
          .init(row.practiceArea), .init(Self.v3LevelText(row)), .init(Self.groupsText(row)),
          .init(row.sources.isEmpty ? "—" : row.sources.map(Self.sourceText).joined(separator: "; ")),
          .init(row.verdict.text, Self.tone(row.verdict.kind)), .init(row.label, .muted),
        ]
      })

    doc.heading("By V1.3 process area")
    doc.table(
      ["V1.3 area", "Rating", "CL", "V3.0 areas", "Basis"],
      comparison.v13Rows.map { row in
        [
          .init("\(row.id) \(row.name)"), .init(row.rating, .init(row.rating)),
          .init(row.capabilityLevel.map { "CL \($0)" } ?? "—"),
          .init(row.targets.isEmpty ? "—" : row.targets.map(Self.targetText).joined(separator: "; ")),
          .init(row.label, .muted),
        ]
      })

    doc.heading("Unmapped areas")
    doc.keyValues([
      (
        "V1.3 areas rated, mapped to nothing",
        comparison.unmappedV13.isEmpty ? "none" : comparison.unmappedV13.joined(separator: ", ")
      ),
      (
        "V3.0 areas rated, mapped from nothing",
        comparison.unmappedV3.isEmpty ? "none" : comparison.unmappedV3.joined(separator: ", ")
      ),
    ])

    doc.heading("How the verdicts are decided")
    doc.list(Self.rules.map { .init($0) })
    return doc
  }

  static func tone(_ kind: CrossVersionVerdict.Kind) -> ReportDocument.Tone {
    switch kind {
    case .bothSatisfied: .good
    case .onlyV13Satisfied, .onlyV3Satisfied, .neitherSatisfied: .bad
    case .undetermined: .unknown
    case .notComparable: .muted
    }
  }
}
