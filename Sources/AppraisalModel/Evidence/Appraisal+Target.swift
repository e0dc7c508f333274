extension Appraisal {
  /// The capability level sought for `processArea` in a continuous appraisal: its own target from the
  /// scope's target profile, else the appraisal's; `nil` for a staged appraisal.
  public func capabilityTarget(of processArea: String) -> Int? {
    guard case .capabilityLevel(let level) = target else { return nil }
    return scope.areaTargets.first { $0.processArea == processArea }?.level ?? level
  }

  /// The generic-goal capability levels rated for `processArea`: up to its own target in a continuous
  /// appraisal; GG 2 (and GG 3 from ML 3) in a staged one, none when it rates specific goals only.
  public func ratedGenericLevels(of processArea: String) -> [Int] {
    switch target {
    case .maturityLevel: scope.specificGoalsOnly ? [] : target.ratedGenericLevels
    case .capabilityLevel:
      capabilityTarget(of: processArea).map { $0 >= 2 ? Array(2...$0) : [] } ?? []
    }
  }

  /// The generic-goal levels rated for any area (the union over the target profile).
  public var ratedGenericLevelsOfAnyArea: [Int] { scope.ratedGenericLevelsOfAnyArea(target: target) }
}

extension AppraisalScope {
  /// The generic-goal levels `target` rates for any area of this scope (the union over the target profile).
  public func ratedGenericLevelsOfAnyArea(target: RatingTarget) -> [Int] {
    switch target {
    case .maturityLevel: return specificGoalsOnly ? [] : target.ratedGenericLevels
    case .capabilityLevel(let level):
      let highest = ([level] + areaTargets.map(\.level)).max() ?? level
      return highest >= 2 ? Array(2...highest) : []
    }
  }
}
