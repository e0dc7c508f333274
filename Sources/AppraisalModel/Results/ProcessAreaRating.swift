/// A process area's rating at the appraisal's target, with its goals and capability level.
public struct ProcessAreaRating: Hashable, Sendable {
  public enum Value: String, Hashable, Sendable, Codable, CaseIterable {
    case satisfied = "Satisfied"
    case unsatisfied = "Unsatisfied"
    case notRated = "Not Rated"
    case notApplicable = "Not Applicable"
    case outOfScope = "Out of Scope"
  }

  public var processArea: String
  public var name: String
  public var maturityLevel: Int
  public var value: Value
  /// For Not Applicable and Out of Scope: why; for rated areas: which goals decided.
  public var reasons: [String]
  /// Specific goals, then the rated generic goals.
  public var goals: [GoalRating]
  /// Only for areas that were rated.
  public var capability: CapabilityLevel?
  public var coverage: CoverageResult?
  /// Continuous appraisals: the capability level sought for this area (its own target or the appraisal's).
  public var targetCapabilityLevel: Int?

  public init(
    processArea: String, name: String, maturityLevel: Int, value: Value, reasons: [String] = [],
    goals: [GoalRating] = [], capability: CapabilityLevel? = nil, coverage: CoverageResult? = nil,
    targetCapabilityLevel: Int? = nil
  ) {
    self.targetCapabilityLevel = targetCapabilityLevel
    self.processArea = processArea
    self.name = name
    self.maturityLevel = maturityLevel
    self.value = value
    self.reasons = reasons
    self.goals = goals
    self.capability = capability
    self.coverage = coverage
  }

  /// Whether the area was rated (not N/A or out of scope).
  public var isRated: Bool { value != .notApplicable && value != .outOfScope }

  /// The rating of goal `id`, if it was rated.
  public func goal(_ id: String) -> GoalRating? { goals.first { $0.goal == id } }
}

/// A process area's capability level (continuous representation): an integer 0–3, never a fraction.
public struct CapabilityLevel: Hashable, Sendable {
  public var level: Int
  /// Set when the next level could not be decided because one of its goals is Not Rated (or not rated at
  /// all), rather than Unsatisfied.
  public var nextLevelNotRated: Bool
  /// Why the next level is not reached.
  public var limitation: String?

  public init(level: Int, nextLevelNotRated: Bool = false, limitation: String? = nil) {
    self.level = level
    self.nextLevelNotRated = nextLevelNotRated
    self.limitation = limitation
  }
}
