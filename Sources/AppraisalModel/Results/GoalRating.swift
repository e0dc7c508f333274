/// A goal's rating with the practices and weaknesses that decided it.
public struct GoalRating: Hashable, Sendable {
  public enum Value: String, Hashable, Sendable, Codable, CaseIterable {
    case satisfied = "Satisfied"
    case unsatisfied = "Unsatisfied"
    case notRated = "Not Rated"
  }

  public var processArea: String
  /// `SG 1` or `GG 2`.
  public var goal: String
  public var title: String
  public var isGeneric: Bool
  public var value: Value
  /// Satisfied with weaknesses whose significance the team has not judged yet.
  public var isProvisional: Bool
  /// Why the goal has its value, in words; never empty for Unsatisfied or Not Rated.
  public var reasons: [String]
  /// The OU characterization of each practice of the goal.
  public var practices: [OUCharacterization]
  /// Every weakness recorded against the goal's practices: by default gathered from ``practices`` when
  /// asked for (a goal of a thousand units carries hundreds; most readers only count them).
  public var weaknesses: [Observation] {
    get { givenWeaknesses ?? practices.flatMap(\.weaknesses) }
    set { givenWeaknesses = newValue }
  }
  /// Weaknesses set explicitly instead of the practices' own.
  private var givenWeaknesses: [Observation]?
  /// The team's significance decision, when one was recorded and applied.
  public var significance: SignificanceDecision?

  /// `weaknesses` `nil` leaves ``weaknesses`` to the practices.
  public init(
    processArea: String, goal: String, title: String, isGeneric: Bool, value: Value, isProvisional: Bool = false,
    reasons: [String] = [], practices: [OUCharacterization], weaknesses: [Observation]?,
    significance: SignificanceDecision? = nil
  ) {
    self.processArea = processArea
    self.goal = goal
    self.title = title
    self.isGeneric = isGeneric
    self.value = value
    self.isProvisional = isProvisional
    self.reasons = reasons
    self.practices = practices
    givenWeaknesses = weaknesses
    self.significance = significance
  }

  /// A goal rating whose ``weaknesses`` are its practices'.
  public init(
    processArea: String, goal: String, title: String, isGeneric: Bool, value: Value, isProvisional: Bool = false,
    reasons: [String] = [], practices: [OUCharacterization], significance: SignificanceDecision? = nil
  ) {
    self.init(
      processArea: processArea, goal: goal, title: title, isGeneric: isGeneric, value: value,
      isProvisional: isProvisional, reasons: reasons, practices: practices, weaknesses: nil,
      significance: significance)
  }

  public static func == (lhs: GoalRating, rhs: GoalRating) -> Bool {
    lhs.processArea == rhs.processArea && lhs.goal == rhs.goal && lhs.title == rhs.title
      && lhs.isGeneric == rhs.isGeneric && lhs.value == rhs.value && lhs.isProvisional == rhs.isProvisional
      && lhs.reasons == rhs.reasons && lhs.practices == rhs.practices && lhs.weaknesses == rhs.weaknesses
      && lhs.significance == rhs.significance
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(processArea)
    hasher.combine(goal)
    hasher.combine(value)
    hasher.combine(practices)
  }
}
