/// The four V3 appraisal types and the facts a report states about each (docs/cmmi-3.md, "Appraisal types").
///
/// - Benchmark: a maturity or capability rating, valid 3 years.
/// - Sustainment: reduced scope; keeps an existing rating and extends its validity by 2 years; at most three
///   in a row; cannot raise the rating.
/// - Evaluation: no ratings (it replaces SCAMPI B and C); practices get weakness-risk values.
/// - Action Plan Reappraisal: after a narrow miss, re-rates only the failed or not-rated items.
public enum AppraisalType: String, Hashable, Sendable, CaseIterable {
  case benchmark
  case sustainment
  case evaluation
  case actionPlanReappraisal = "action-plan-reappraisal"

  /// The name reports use.
  public var title: String {
    switch self {
    case .benchmark: "Benchmark"
    case .sustainment: "Sustainment"
    case .evaluation: "Evaluation"
    case .actionPlanReappraisal: "Action Plan Reappraisal"
    }
  }

  /// Whether the appraisal produces practice group, capability or maturity ratings (all but Evaluation).
  public var producesRatings: Bool { self != .evaluation }

  /// Whether practices get weakness-risk values instead of characterizations (Evaluation only).
  public var producesRiskValues: Bool { self == .evaluation }

  /// Years a rating from this appraisal is valid: 3 for a Benchmark; `nil` for the others (a Sustainment
  /// extends an existing rating, see ``validityExtensionYears``).
  public var validityYears: Int? { self == .benchmark ? 3 : nil }

  /// Years a Sustainment adds to the validity of the rating it keeps.
  public var validityExtensionYears: Int? { self == .sustainment ? 2 : nil }

  /// How many Sustainment appraisals may follow one another: 3.
  public var maximumConsecutive: Int? { self == .sustainment ? 3 : nil }

  /// Whether the appraisal can raise the organization's rating (not a Sustainment, and an Evaluation rates
  /// nothing).
  public var canRaiseRating: Bool { self == .benchmark || self == .actionPlanReappraisal }

  /// The report's one-sentence statement of the type's facts.
  public var summary: String {
    switch self {
    case .benchmark: "Benchmark: a maturity or capability rating, valid 3 years."
    case .sustainment:
      "Sustainment: reduced scope; keeps an existing rating and extends its validity by 2 years (at most three in a "
        + "row); it cannot raise the rating."
    case .evaluation: "Evaluation: weakness-risk values per practice; no ratings."
    case .actionPlanReappraisal:
      "Action Plan Reappraisal: after a narrow miss, re-rates only the failed or not-rated items."
    }
  }
}
