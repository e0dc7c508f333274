import AppraisalModel

extension RateReport {
  /// What every rendering of a cross-model view says first.
  static func viewStatement(_ view: CrossModelView) -> String {
    let derived = view.sources.allSatisfy { !$0.isAuthoritative }
    let unit = unitName(view)
    return "The \(view.framework) view restates the CMMI-SVC rating above through links between "
      + "\(view.framework) \(unit == "process" ? "processes" : unit + "s") and CMMI-SVC process areas and practices. "
      + "It is not a rating of any "
      + "\(view.framework) \(unit)."
      + (derived
        ? " Every link is derived (see Sources): none is authoritative, and none was published by the model owners."
        : " Links marked authoritative come from the sources listed.")
  }

  /// ITIL 4 has practices; the earlier editions have processes.
  static func unitName(_ view: CrossModelView) -> String { view.framework == "ITIL 4" ? "practice" : "process" }

  /// "IRP (superset, strong, derived): Satisfied".
  static func linkText(_ entry: CrossModelView.Entry) -> String {
    "\(entry.link.target) (\(entry.link.relation.rawValue), \(entry.link.strength.rawValue)"
      + (entry.isAuthoritative ? "" : ", derived") + "): \(entry.status)"
  }

  /// The view as a section: one row per process with its links and how many support it, then the sources.
  func crossModelView(_ view: CrossModelView, _ doc: inout ReportDocument) {
    doc.heading("\(view.framework) view")
    doc.paragraph(Self.viewStatement(view), tone: .warning)
    doc.table(
      ["\(view.framework) \(Self.unitName(view))", "Linked CMMI-SVC elements and their rating", "Support"],
      view.rows.map { row in
        let tone: ReportDocument.Tone =
          switch row.summary {
          case "supported": .good
          case "partly supported", "not supported": .bad
          default: .muted
          }
        return [
          .init(row.process.name + (row.process.book.map { " (\($0))" } ?? "")),
          .init(row.entries.isEmpty ? "—" : row.entries.map(Self.linkText).joined(separator: "; ")),
          .init(
            row.summary
              + (row.rated.isEmpty || row.isImportedNotRated
                ? "" : " (\(row.supporting.count) of \(row.rated.count) rated)"),
            tone),
        ]
      })
    doc.list(
      view.sources.map {
        .init(
          "\($0.id): \($0.title)" + ($0.reference.map { " — \($0)" } ?? "")
            + ($0.isAuthoritative ? " (authoritative)" : " (not authoritative)"), .muted)
      })
  }
}
