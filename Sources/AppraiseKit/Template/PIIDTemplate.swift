import AppraisalModel
import EvidenceParsers

/// The PIID workbook `appraise template` writes for a team to fill in (docs/xlsx.md, "The PIID template"),
/// in the layout of ``PIIDTemplateLayout``, which the evidence readers take back: an Instructions sheet, the
/// Settings sheet (header and scope as the CSV syntax's settings rows), the Instantiations sheet, and one
/// sheet per process area rated with its practices × the instantiations that examine it.
///
/// Everything `appraisal` records goes into the workbook — header, scope, disclosure facts, instantiations, evidence items,
/// observations, team characterizations and decisions — so a filled-in appraisal can be handed on as a
/// workbook. Pass an appraisal read with its evidence items (not streamed: ``Appraisal/evidenceTally``
/// holds counts, not items, and counted items cannot be written).
///
/// Deterministic: the same appraisal and catalog give the same bytes (the workbook's creation time is the
/// appraisal's date, as for the XLSX reports).
public enum PIIDTemplate {
  /// Spare rows below the PIID rows of a process area sheet that get the drop-down lists too.
  static let spareRows = 200
  /// Spare rows on the Instantiations sheet with the kind drop-down.
  static let spareInstantiations = 50

  /// The workbook's bytes.
  public static func workbook(for appraisal: Appraisal, catalog: Catalog) throws(XLSXFailure) -> [UInt8] {
    let header = appraisal.header
    let name = header.name.isEmpty ? catalog.model.title : header.name
    // libxlsxwriter writes document properties without escaping control characters.
    let properties = XLSXWorkbook.Properties(
      title: "PIID template: \(name)".terminalSafe,
      subject: "\(header.organizationalUnit) — \(catalog.model.title)".terminalSafe,
      comments: RatingRules.methodStatement, date: header.date)
    return try XLSXWorkbook.bytes(sheets(for: appraisal, catalog: catalog), properties: properties)
  }

  /// The sheets in tab order.
  static func sheets(for appraisal: Appraisal, catalog: Catalog) -> [XLSXSheet] {
    let records = Records(appraisal)
    let levels = AppraisalRater.ratedGenericLevels(of: appraisal, catalog: catalog)
    let areas = AppraisalRater.ratedAreas(of: appraisal, catalog: catalog)
    return [
      instructions(appraisal, catalog: catalog), settings(appraisal, catalog: catalog), instantiations(appraisal),
    ]
      + areas.map { area in
        processAreaSheet(
          area, practices: AppraisalRater.practices(of: area, catalog: catalog, levels: levels), appraisal: appraisal,
          records: records)
      }
  }

  /// A field table value as cell text: lists space-separated, flags `true`/`false`.
  static func text<Record>(_ value: EvidenceField<Record>.Value?) -> String {
    switch value {
    case .text(let text): text
    case .flag(let flag): flag ? "true" : "false"
    case .number(let number): "\(number)"
    case .list(let items): items.joined(separator: " ")
    case nil: ""
    }
  }

  /// The choices of the drop-down lists, from the vocabularies the readers accept.
  enum Choices {
    static let indicators = EvidenceItem.Indicator.allCases.map(\.rawValue)
    static let characterizations = Characterization.allCases.map(\.code)
    static let impacts = Observation.Impact.allCases.map(\.rawValue)
    static let kinds = Instantiation.Kind.allCases.map(\.rawValue)
    static let flags = ["true", "false"]
    static let representations = EvidenceVocabulary.representations
    static let reportStatuses = Disclosure.ReportStatus.allCases.map(\.rawValue)
    static let levels = (1...5).map(String.init)
  }
}
