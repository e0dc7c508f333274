/// Everything the rating engine concluded about one appraisal, ready for reports.
public struct AppraisalResult: Hashable, Sendable {
  public var appraisal: Appraisal
  public var model: Catalog.Model
  /// Every process area of the catalog in catalog order, rated or with the reason it was not.
  public var processAreas: [ProcessAreaRating]
  /// The maturity level for a staged appraisal; `nil` for a continuous one.
  public var maturityLevel: MaturityLevelResult?
  /// The maturity level the capability profile corresponds to (equivalent staging).
  public var equivalentStaging: MaturityLevelResult
  /// Things the team should know that are not ratings: ignored decisions, evidence outside the scope, …
  public var notes: [String]

  public init(
    appraisal: Appraisal, model: Catalog.Model, processAreas: [ProcessAreaRating],
    maturityLevel: MaturityLevelResult?, equivalentStaging: MaturityLevelResult, notes: [String]
  ) {
    self.appraisal = appraisal
    self.model = model
    self.processAreas = processAreas
    self.maturityLevel = maturityLevel
    self.equivalentStaging = equivalentStaging
    self.notes = notes
  }

  /// The rating of process area `id`.
  public func processArea(_ id: String) -> ProcessAreaRating? { processAreas.first { $0.processArea == id } }

  /// The rating of goal `goal` of area `processArea`.
  public func goal(_ processArea: String, _ goal: String) -> GoalRating? { self.processArea(processArea)?.goal(goal) }

  /// The OU characterization of one practice, if its goal was rated.
  public func practice(_ reference: PracticeReference) -> OUCharacterization? {
    processArea(reference.processArea)?.goals.lazy.flatMap(\.practices).first { $0.practice == reference }
  }

  /// The areas that were rated (in scope, not N/A).
  public var ratedProcessAreas: [ProcessAreaRating] { processAreas.filter(\.isRated) }

  /// Every OU-level practice characterization of the rated areas, in catalog order.
  public var practiceCharacterizations: [OUCharacterization] {
    ratedProcessAreas.flatMap { $0.goals.flatMap(\.practices) }
  }

  /// The OU aggregations decided by a recorded team judgment.
  public var appliedAggregationDecisions: [OUCharacterization] {
    practiceCharacterizations.filter {
      if case .teamDecision = $0.basis { return true }
      return false
    }
  }

  /// The goals whose significance the team decided.
  public var appliedSignificanceDecisions: [GoalRating] {
    ratedProcessAreas.flatMap(\.goals).filter { $0.significance != nil }
  }
}
