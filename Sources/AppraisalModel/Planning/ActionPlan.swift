/// The smallest set of practice improvements that reaches a target by the rating rules
/// (``ActionPlanner``), with the scope changes, coverage shortfalls and team judgments that bear on it, and
/// the check that carrying it out reaches the target.
public struct ActionPlan: Hashable, Sendable {
  /// The target, its areas resolved for a capability level.
  public var target: PlanTarget
  /// The process areas the target needs, in catalog order.
  public var areas: [String]
  /// The required goals that are not Satisfied today, `AREA GOAL`, in catalog order.
  public var blockedGoals: [String]
  /// Whether the appraisal reaches the target as it stands (then the plan has no items).
  public var reachedToday: Bool
  public var scopeChanges: [ScopeChange]
  public var coverageShortfalls: [CoverageShortfall]
  /// The improvements, ordered by what they unblock: areas in catalog order, goals and practices in catalog
  /// order, an area's coverage items last.
  public var items: [ActionItem]
  public var judgments: [OutstandingJudgment]
  public var check: PlanCheck

  public init(
    target: PlanTarget, areas: [String], blockedGoals: [String], reachedToday: Bool, scopeChanges: [ScopeChange],
    coverageShortfalls: [CoverageShortfall], items: [ActionItem], judgments: [OutstandingJudgment], check: PlanCheck
  ) {
    self.target = target
    self.areas = areas
    self.blockedGoals = blockedGoals
    self.reachedToday = reachedToday
    self.scopeChanges = scopeChanges
    self.coverageShortfalls = coverageShortfalls
    self.items = items
    self.judgments = judgments
    self.check = check
  }

  /// How many practice × instantiation cells the items lift.
  public var cellCount: Int { items.reduce(0) { $0 + $1.cells.count } }
}
