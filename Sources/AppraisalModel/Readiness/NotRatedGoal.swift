/// A goal the rules would rate Not Rated, with everything that keeps it from being rated.
public struct NotRatedGoal: Hashable, Sendable {
  /// One thing that keeps the goal Not Rated.
  public enum Reason: Hashable, Sendable {
    /// A data-coverage count falls short: its rule, subgroup (or support function), counts and the units
    /// that do not provide what the rule asks for, in sample order.
    case coverage(CoverageResult.Subgroup)
    /// A practice of the goal is not characterized in these units (nothing recorded there), in sample order.
    case notCharacterized(practice: PracticeReference, units: [String])
    /// A practice of the goal is examined in no sampled unit.
    case notExamined(practice: PracticeReference)
    /// A practice is NY (not yet) for the whole organizational unit: only the team can change that.
    case notYet(practice: PracticeReference)
    /// Anything else the goal rating rule gave, in its words.
    case other(String)
  }

  public var processArea: String
  /// `SG 1` or `GG 2`.
  public var goal: String
  public var title: String
  /// In order: coverage shortfalls by subgroup, then the practices in catalog order.
  public var reasons: [Reason]

  public init(processArea: String, goal: String, title: String, reasons: [Reason]) {
    self.processArea = processArea
    self.goal = goal
    self.title = title
    self.reasons = reasons
  }
}
