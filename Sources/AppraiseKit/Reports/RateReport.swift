import AppraisalModel

/// Everything a `rate` report shows: the engine's result, the catalog it used and the input files.
public struct RateReport: Sendable {
  /// The rating engine's result.
  public var result: AppraisalResult
  /// The catalog the appraisal was rated against.
  public var catalog: Catalog
  /// The input files, each with the SHA-256 of the bytes read.
  public var inputs: [InputDigest]
  /// Validation warnings of the input (not errors: those stop before rating).
  public var warnings: [String]
  /// The rating seen through another framework's processes (`--view itil`), if asked for.
  public var view: CrossModelView? = nil
  /// Whether per-instantiation values are listed one by one or counted per practice.
  public var detail: ReportDetail = .full

  public init(
    result: AppraisalResult, catalog: Catalog, inputs: [InputDigest], warnings: [String] = [],
    view: CrossModelView? = nil, detail: ReportDetail = .full
  ) {
    self.result = result
    self.catalog = catalog
    self.inputs = inputs
    self.warnings = warnings
    self.view = view
    self.detail = detail
  }

  /// The appraisal that was rated.
  public var appraisal: Appraisal { result.appraisal }

  /// The rated process areas, in catalog order.
  var ratedAreas: [ProcessAreaRating] { result.ratedProcessAreas }

  /// "continuous, capability level 1" or "staged, maturity level 3".
  var targetDescription: String {
    switch appraisal.target {
    case .maturityLevel(let level):
      "staged representation, target maturity level \(level)"
        + (appraisal.scope.specificGoalsOnly
          ? ", specific goals only (no generic goal rated, no maturity level determined)" : "")
    case .capabilityLevel(let level):
      "continuous representation, target capability level \(level)"
        + (appraisal.scope.areaTargets.isEmpty
          ? ""
          : " (target profile: "
            + appraisal.scope.areaTargets.map { "\($0.processArea) CL \($0.level)" }.joined(separator: ", ") + ")")
    }
  }

  /// The data-coverage policy in a few words (the rules applied give it in full).
  var coveragePolicyDescription: String {
    let coverage = appraisal.coverage
    guard coverage.isEnabled else { return "not checked (disabled in the scope)" }
    return coverage.rule == .perArea
      ? "per-area policy, share \(coverage.minimumShare)"
      : "SCAMPI v1.3 rules per subgroup (i, ii with share \(coverage.minimumShare), iii; support functions)"
  }

  /// What a staged scope of specific goals only says instead of a maturity level.
  static let specificGoalsOnlyNote =
    "Maturity level not determined: the scope rates specific goals only (a gap analysis); no generic goal is rated."

  /// "Target capability level 1" or, with a target profile, "Target capability levels (profile)".
  var targetLevelPhrase: String {
    guard case .capabilityLevel(let level) = appraisal.target else { return "" }
    return appraisal.scope.areaTargets.isEmpty
      ? "Target capability level \(level)" : "Target capability levels (the target profile)"
  }

  /// The practice's title from the catalog (`Provide and Evaluate Service Continuity Training`).
  func title(of practice: PracticeReference) -> String {
    guard let area = catalog.processArea(practice.processArea) else { return "" }
    if let found = area.goals.lazy.flatMap(\.practices).first(where: { $0.id == practice.practice }) {
      return found.title
    }
    return catalog.genericGoals.lazy.flatMap(\.practices).first { $0.id == practice.practice }?.title ?? ""
  }

  /// The instantiation's display name.
  func name(ofInstantiation id: String) -> String {
    appraisal.instantiations.first { $0.id == id }?.name ?? id
  }

  /// The goals that are Unsatisfied, the gaps a process engineer acts on.
  var unsatisfiedGoals: [GoalRating] { ratedAreas.flatMap(\.goals).filter { $0.value == .unsatisfied } }
}

/// Everything a `compare` report shows.
public struct CompareReport: Sendable {
  /// What moved between the two ratings.
  public var comparison: AppraisalComparison
  public var before: RateReport
  public var after: RateReport

  public init(comparison: AppraisalComparison, before: RateReport, after: RateReport) {
    self.comparison = comparison
    self.before = before
    self.after = after
  }

  /// The input files of both appraisals, each once.
  public var inputs: [InputDigest] { before.inputs + after.inputs.filter { !before.inputs.contains($0) } }
}
