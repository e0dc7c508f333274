import AppraisalModel

extension RateReport {
  /// The evidence behind the characterizations (``EvidenceTrail``); `nil` when the items were not kept.
  public var evidenceTrail: EvidenceTrail? { EvidenceTrail(result) }

  /// The evidence-trail appendix: per process area, one row per item of every practice × instantiation,
  /// the practice and instantiation named on the first row of their items. A summary (many instantiations)
  /// says how many items there are and that `--detail full` lists them.
  func evidenceTrailAppendix(_ doc: inout ReportDocument, heading: String, trail: EvidenceTrail?) {
    doc.heading(heading)
    guard detail == .full else {
      doc.paragraph(
        "\(appraisal.evidenceCount) evidence items in \(appraisal.instantiations.count) instantiations; "
          + "--detail full lists each with its document, section, version, date and URL.")
      return
    }
    guard let trail else {
      doc.paragraph(
        "The \(appraisal.evidenceCount) evidence items were counted as the file was read, not kept; "
          + "rate with --detail full to list them.")
      return
    }
    doc.paragraph(
      "Every item behind a characterization: artifacts with their document, section, version, date and URL; "
        + "affirmations by their record only, never by person.")
    guard !trail.cells.isEmpty else {
      doc.paragraph("No evidence recorded.")
      return
    }
    var areas: [String] = []
    var rowsByArea: [String: [[ReportDocument.Cell]]] = [:]
    for cell in trail.cells {
      let area = cell.practice.processArea
      if rowsByArea[area] == nil { areas.append(area) }
      for (index, entry) in cell.entries.enumerated() {
        rowsByArea[area, default: []].append([
          .init(index == 0 ? cell.practice.practice : ""), .init(index == 0 ? cell.instantiation : ""),
          .init(Self.indicatorText(entry)), .init(entry.document), .init(entry.place),
        ])
      }
    }
    for area in areas {
      let name = catalog.processArea(area)?.name ?? ""
      doc.heading("\(area) \(name)", level: 3)
      doc.table(
        ["Practice", "Instantiation", "Indicator", "Document", "Section, version, date, URL"], rowsByArea[area]!)
    }
  }

  /// `direct artifact`, `affirmation`, and `(imported)` for an item an importer generated.
  static func indicatorText(_ entry: EvidenceTrail.Entry) -> String {
    entry.indicator.rawValue.replacingOccurrences(of: "-", with: " ") + (entry.imported ? " (imported)" : "")
  }
}
