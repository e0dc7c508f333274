import AppraisalModel

/// A CMMI-SVC V1.3 result beside a CMMI V3.0 result through the crosswalk (``CrossVersionComparison``), as
/// a report in text, Markdown, HTML, JSON (schema: docs/schemas/cross-version.schema.json) or CSV. Every
/// format opens by saying the comparison is approximate (derived crosswalk, unverified), and every row
/// carries that label.
public struct CrossVersionReport: Sendable {
  /// The formats this report has.
  public static let formats: [ReportFormat] = [.text, .markdown, .html, .json, .csv]

  /// The opening statement of every format.
  public static let notice =
    "Approximate comparison: the CMMI-SVC V1.3 → CMMI V3.0 crosswalk is derived by the appraise maintainers "
    + "and unverified, so every row is approximate. Ratings of the two models are shown side by side and never "
    + "averaged; the verdicts follow the rules at the end. A V1.3 result today is a gap analysis against a "
    + "retired model."

  public var comparison: CrossVersionComparison

  public init(comparison: CrossVersionComparison) { self.comparison = comparison }

  /// The report in `format`; `nil` for xlsx and pdf, which have no cross-version layout. `colour` applies to
  /// text only. Pure: the same comparison gives the same bytes.
  public func render(format: ReportFormat, colour: Bool = false) -> RenderedReport? {
    switch format {
    case .text: .text(TextRenderer(colour: colour).render(document()))
    case .markdown: .text(MarkdownRenderer().render(document()))
    case .html: .text(HTMLRenderer().render(document()))
    case .json: .text(CrossVersionJSONRenderer().render(self))
    case .csv: .text(CrossVersionCSVRenderer().render(self))
    case .xlsx, .pdf: nil
    }
  }

  /// `CL 1 (target 2)`, `level 1 (rated up to 3)`, `not rated`: the V3.0 side of a row.
  static func v3LevelText(_ row: CrossVersionComparison.V3Row) -> String {
    if let capability = row.capabilityLevel {
      return "CL \(capability.level) (target \(capability.target))"
        + (capability.nextLevelNotRated ? ", next level not rated" : "")
    }
    guard let level = row.v3Level else { return "not rated" }
    return "level \(level.level) (rated up to \(level.ratedUpTo))"
      + (level.nextLevelNotRated ? ", next level not rated" : "")
  }

  /// `L1 Satisfied, L2 Unsatisfied`, or `—`.
  static func groupsText(_ row: CrossVersionComparison.V3Row) -> String {
    row.practiceGroups.isEmpty
      ? "—" : row.practiceGroups.map { "L\($0.level) \($0.value.rawValue)" }.joined(separator: ", ")
  }

  /// `SD Satisfied, CL 1`, `IWM (for level 3) Out of Scope`, `GG 2 Satisfied in 3 of 7 areas`.
  static func sourceText(_ source: CrossVersionComparison.Source) -> String {
    source.id + (source.linkLevel.map { " (for level \($0))" } ?? "") + " " + source.rating
      + (source.capabilityLevel.map { ", CL \($0)" } ?? "")
  }

  /// `SDM (CL 1)`, `PLAN level 3 (not rated in V3)`.
  static func targetText(_ target: CrossVersionComparison.Target) -> String {
    target.practiceArea + (target.linkLevel.map { " level \($0)" } ?? "") + " ("
      + (target.isRated ? "level \(target.level ?? 0) in V3" : "not rated in V3") + ")"
  }

  /// The verdict rules, for the end of the text formats.
  static let rules = [
    "Each side's level per V3.0 practice area: V3.0 — the capability level, or in a maturity appraisal the "
      + "highest level whose practice group and every lower group are Satisfied; V1.3 — the lowest capability "
      + "level over the process areas that map to the area as a whole, capped below level ℓ when an area "
      + "mapped to level ℓ only has its specific goals unsatisfied; for GOV and II, the highest generic goal "
      + "GG k such that every linked GG up to k is Satisfied in every rated area.",
    "Both sides are compared up to the lower of the levels they were rated for, at most 3.",
    "Equal levels: both satisfied at that level (neither satisfied at level 1 when both are 0).",
    "Different levels: the side with the higher level is satisfied there and the other is not — undetermined "
      + "when the lower side's next level is Not Rated rather than failed.",
    "Not comparable: the area is not rated in the V3.0 appraisal, or no V1.3 counterpart is rated.",
  ]
}
