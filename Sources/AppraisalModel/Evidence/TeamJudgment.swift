/// The team's decision for a practice whose instantiation values leave the organizational-unit value to
/// judgment (a mix with PI or NI). The value must lie in the set the aggregation rule allows.
public struct AggregationDecision: Hashable, Sendable, Codable {
  public var practice: PracticeReference
  public var value: Characterization
  /// Mandatory: why the team chose this value.
  public var justification: String

  public init(practice: PracticeReference, value: Characterization, justification: String) {
    self.practice = practice
    self.value = value
    self.justification = justification
  }
}

/// The team's decision whether the weaknesses of a goal whose practices are all FI or LI have a
/// significant negative impact on achieving it.
public struct SignificanceDecision: Hashable, Sendable, Codable {
  public var processArea: String
  /// The goal id, `SG 2` or `GG 2`.
  public var goal: String
  /// `true`: the weaknesses are significant and the goal is Unsatisfied.
  public var significant: Bool
  /// Mandatory: why.
  public var justification: String

  public init(processArea: String, goal: String, significant: Bool, justification: String) {
    self.processArea = processArea
    self.goal = goal
    self.significant = significant
    self.justification = justification
  }
}
