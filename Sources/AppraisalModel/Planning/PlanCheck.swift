/// What rating the appraisal again with the plan carried out gave (``ActionPlanner/check(_:appraisal:catalog:)``):
/// the claim that the plan reaches the target, checked rather than asserted.
public struct PlanCheck: Hashable, Sendable {
  /// Whether the target is reached once the plan is carried out.
  public var reached: Bool
  /// Whether that holds only once the team judges the weaknesses of some required goals not significant
  /// (those goals are Satisfied provisionally; ``ActionPlan/judgments``).
  public var pendingSignificance: Bool
  /// The required goals that would still not be Satisfied, `AREA GOAL value`; empty when reached.
  public var remaining: [String]
  /// The level reached per area (`SCON CL 1`) or the maturity level (`ML 2`) after the plan.
  public var levels: [String]

  public init(reached: Bool, pendingSignificance: Bool, remaining: [String], levels: [String]) {
    self.reached = reached
    self.pendingSignificance = pendingSignificance
    self.remaining = remaining
    self.levels = levels
  }
}
