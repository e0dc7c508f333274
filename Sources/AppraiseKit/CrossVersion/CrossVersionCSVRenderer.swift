import AppraisalModel

/// The cross-version report as one tidy CSV table (UTF-8 with BOM, CRLF, cells guarded against formula
/// injection like every CSV report). The first column, `basis`, says on every row that the comparison is
/// approximate; the first row after the header is the notice.
///
/// Columns: `basis`, `kind` (`notice`; `v3Area`: one row per V3.0 area × V1.3 counterpart, or one row for an
/// area without any; `v13Area`: one row per V1.3 area or generic goal × V3.0 area it maps to; `unmappedV13`,
/// `unmappedV3`), `v3Area`, `v3Level`, `v3PracticeGroups`, `v13Area`, `v13Rating`, `v13CapabilityLevel`,
/// `linkLevel`, `verdict` (for the notice row, its text).
struct CrossVersionCSVRenderer {
  static let header = [
    "basis", "kind", "v3Area", "v3Level", "v3PracticeGroups", "v13Area", "v13Rating", "v13CapabilityLevel",
    "linkLevel", "verdict",
  ]

  func render(_ report: CrossVersionReport) -> String {
    let comparison = report.comparison
    let label = comparison.label
    var rows = [Self.header, [label, "notice", "", "", "", "", "", "", "", CrossVersionReport.notice]]
    for row in comparison.v3Rows {
      let v3 = [row.practiceArea, CrossVersionReport.v3LevelText(row), CrossVersionReport.groupsText(row)]
      if row.sources.isEmpty { rows.append([row.label, "v3Area"] + v3 + ["", "", "", "", row.verdict.text]) }
      for source in row.sources {
        rows.append(
          [row.label, "v3Area"] + v3 + [
            source.id, source.rating, source.capabilityLevel.map(String.init) ?? "",
            source.linkLevel.map(String.init) ?? "", row.verdict.text,
          ])
      }
    }
    for row in comparison.v13Rows {
      for target in row.targets {
        rows.append([
          row.label, "v13Area", target.practiceArea, target.isRated ? "\(target.level ?? 0)" : "not rated", "",
          row.id, row.rating, row.capabilityLevel.map(String.init) ?? "", target.linkLevel.map(String.init) ?? "", "",
        ])
      }
    }
    for id in comparison.unmappedV13 { rows.append([label, "unmappedV13", "", "", "", id, "", "", "", ""]) }
    for id in comparison.unmappedV3 { rows.append([label, "unmappedV3", id, "", "", "", "", "", "", ""]) }
    return CSVRenderer.csv(rows)
  }
}
