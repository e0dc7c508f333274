import AppraisalModel

/// Everything a CMMI V3.0 report shows: the appraisal, what ``CMMI3Rater`` derived from it, the structure
/// catalog it was rated against, the input files and the warnings of validation.
///
/// Built once and rendered in every format of ``ReportFormat`` by ``AppraisalPipeline``'s
/// `render(_ report: CMMI3Report, format:colour:paper:printer:)` (docs/cmmi-3-report.md).
/// The practice-area acronym is an area's name; a title appears only when a licensed local catalog carries
/// one. Every value the tool proposed where the method leaves the decision to the team is labelled a default
/// in every format.
public struct CMMI3Report: Sendable {
  /// What the team recorded.
  public var appraisal: CMMI3Appraisal
  /// What the rater derived from it.
  public var result: CMMI3Result
  /// The structure catalog it was rated against.
  public var catalog: PracticeAreaCatalog
  /// The input files, each with the SHA-256 of the bytes read.
  public var inputs: [InputDigest]
  /// Validation warnings of the input (errors stop before rating).
  public var warnings: [String]

  /// A report of `result`, which ``CMMI3Rater`` derived from `appraisal` against `catalog`.
  public init(
    appraisal: CMMI3Appraisal, result: CMMI3Result, catalog: PracticeAreaCatalog, inputs: [InputDigest],
    warnings: [String] = []
  ) {
    self.appraisal = appraisal
    self.result = result
    self.catalog = catalog
    self.inputs = inputs
    self.warnings = warnings
  }

  /// The report of `appraisal` rated against `catalog` by ``CMMI3Rater`` (validate it first).
  public init(
    rating appraisal: CMMI3Appraisal, catalog: PracticeAreaCatalog, inputs: [InputDigest], warnings: [String] = []
  ) {
    self.init(
      appraisal: appraisal, result: CMMI3Rater.rate(appraisal, catalog: catalog), catalog: catalog, inputs: inputs,
      warnings: warnings)
  }

  /// The report's method statement: what kind of result this is, and what it is not.
  public static let methodStatement =
    "CMMI V3.0 gap analysis under appraise's profile: project values by the published workbook formula, every "
    + "decision the method leaves to the team proposed as a flagged default; not an ISACA benchmark rating."

  /// What an Evaluation gives instead of ratings.
  static let evaluationStatement =
    "No ratings; weakness-risk values (L, M, H, NY) per practice and project. An Evaluation gives no practice "
    + "group ratings, capability levels or maturity level."

  /// The label of a value the tool proposed where the team decides.
  static let defaultLabel = "default (team decides)"
  /// The label of a value the team entered.
  static let teamLabel = "team decision"

  /// The label of an OU value left undetermined (a project not characterized): neither proposed nor decided.
  static let undeterminedLabel = "undetermined"

  /// The label of a value: ``defaultLabel`` or ``teamLabel``.
  static func label(isDefault: Bool) -> String { isDefault ? defaultLabel : teamLabel }

  /// The label of an OU value: ``defaultLabel``, ``teamLabel`` or, with no value, ``undeterminedLabel``.
  static func label(_ value: CMMI3OUValue) -> String {
    value.value == nil ? undeterminedLabel : label(isDefault: value.isProposedDefault)
  }

  /// The areas rated, in catalog order.
  var areas: [PracticeArea] { result.practiceAreas.compactMap { catalog.practiceArea($0) } }

  /// An area's name: its acronym, with the title when a licensed local catalog carries one.
  func name(ofArea id: String) -> String {
    guard let title = catalog.practiceArea(id)?.title, !title.isEmpty else { return id }
    return "\(id) \(title)"
  }

  /// The area a practice id belongs to (`IRP` for `IRP 2.3`).
  func area(ofPractice practice: String) -> String {
    catalog.location(ofPractice: practice)?.practiceArea ?? String(practice.prefix { $0 != " " })
  }

  /// The practices rated, in catalog order, each once.
  var practices: [String] {
    var seen: Set<String> = []
    return result.projectValues.map(\.practice).filter { seen.insert($0).inserted }
  }

  /// "maturity level 2" or "capability level 2 (per area: CONT CL 1)".
  var targetDescription: String {
    let target = appraisal.target
    switch appraisal.representation {
    case .maturity:
      return "maturity level \(target.level)"
    case .capability:
      let perArea = target.practiceAreas.map { "\($0.practiceArea) CL \($0.level)" }
      return "capability level \(target.level)"
        + (perArea.isEmpty ? "" : " (per area: " + perArea.joined(separator: ", ") + ")")
    }
  }

  /// "Services" or "Services with SAM".
  var viewDescription: String {
    appraisal.view
      + (appraisal.optionalAreas.isEmpty ? "" : " with " + appraisal.optionalAreas.joined(separator: ", "))
  }

  /// The selected areas, or that the whole view is rated.
  var selectionDescription: String {
    guard let selected = appraisal.selectedAreas else { return "the whole view" }
    return selected.joined(separator: ", ") + " (a gap analysis over some areas of the view)"
  }

  /// The cell text of a project value: the code (`—` not characterized), the risk first in an Evaluation
  /// (`H (PM)`), ` (default)` after a flagged GOV/II value.
  func cellText(_ value: CMMI3ProjectValue) -> String {
    var text = value.value?.code ?? "—"
    if let risk = value.risk { text = "\(risk.code) (\(text))" }
    if value.isFlaggedDefault { text += " (default)" }
    return text
  }

  /// The heat-map code of a project value: the risk in an Evaluation, else the characterization; `""` out
  /// of scope.
  func heatCode(_ value: CMMI3ProjectValue?) -> String? {
    guard let value else { return "" }
    if value.value == .outOfScope { return "" }
    if result.type.producesRiskValues { return value.risk?.code }
    return value.value?.code
  }

  /// The rules that apply to this appraisal, each as published or a flagged default by analogy.
  var rules: [CMMI3RuleStatement] { CMMI3RuleStatement.applying(to: result) }

  /// The weaknesses recorded, per practice with the projects they were recorded in.
  var weaknesses: [(practice: String, text: String, id: String?, projects: [String])] {
    var order: [String] = []
    var groups: [String: (practice: String, text: String, id: String?, projects: [String])] = [:]
    for value in result.projectValues {
      for weakness in value.weaknesses {
        let key = "\(value.practice)\u{0}\(weakness.text)"
        if groups[key] == nil {
          order.append(key)
          groups[key] = (value.practice, weakness.text, weakness.id, [])
        }
        if !groups[key]!.projects.contains(value.project) { groups[key]!.projects.append(value.project) }
      }
    }
    return order.map { groups[$0]! }
  }

  /// The OU values waiting for the team's choice among several allowed values.
  var judgmentsNeeded: [CMMI3OUValue] { result.ouValues.filter { $0.judgmentNeeded && $0.isDefault } }
}

extension CMMI3OUValue {
  /// Whether the value is a default the tool proposed (not the team's, and not undetermined).
  var isProposedDefault: Bool { isDefault && proposed != nil }
}

extension CMMI3ProjectValue {
  /// Whether the value is a default the tool proposed (GOV/II: the lowest over the organizational processes).
  var isFlaggedDefault: Bool {
    if case .organizationalProcesses = basis { return true }
    return false
  }

  /// The basis as a short code: `formula`, `organizational-processes`, `team`, `out-of-scope`,
  /// `nothing-recorded`.
  var basisCode: String {
    switch basis {
    case .formula: "formula"
    case .organizationalProcesses: "organizational-processes"
    case .team: "team"
    case .outOfScope: "out-of-scope"
    case .nothingRecorded: "nothing-recorded"
    }
  }
}
