import AppraisalModel

/// Everything a `rate` report shows: the engine's result, the catalog it used and the input files.
struct RateReport: Sendable {
  var result: AppraisalResult
  var catalog: Catalog
  var inputs: [InputDigest]
  /// Validation warnings of the input (not errors: those stop before rating).
  var warnings: [String]
  /// The rating seen through another framework's processes (`--view itil`), if asked for.
  var view: CrossModelView? = nil
  /// Whether per-instantiation values are listed one by one or counted per practice.
  var detail: ReportDetail = .full

  var appraisal: Appraisal { result.appraisal }

  /// The rated process areas, in catalog order.
  var ratedAreas: [ProcessAreaRating] { result.ratedProcessAreas }

  /// "continuous, capability level 1" or "staged, maturity level 3".
  var targetDescription: String {
    switch appraisal.target {
    case .maturityLevel(let level): "staged representation, target maturity level \(level)"
    case .capabilityLevel(let level): "continuous representation, target capability level \(level)"
    }
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
struct CompareReport: Sendable {
  var comparison: AppraisalComparison
  var before: RateReport
  var after: RateReport

  var inputs: [InputDigest] { before.inputs + after.inputs.filter { !before.inputs.contains($0) } }
}
