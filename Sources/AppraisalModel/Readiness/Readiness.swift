/// How ready an appraisal file is to be rated: the state of every rated practice × instantiation cell and
/// the goals that would be Not Rated, with why (``ReadinessCheck``).
public struct Readiness: Hashable, Sendable {
  /// Every rated practice in every sampled unit that examines its area: areas and practices in catalog
  /// order, units in the order the file declares them. Empty when the check counted without listing
  /// (``ReadinessCheck/check(_:catalog:listingCells:)``).
  public var cells: [ReadinessCell]
  /// The cells per state.
  public var counts: ReadinessCounts
  /// The goals that would be Not Rated, in catalog order.
  public var notRatedGoals: [NotRatedGoal]
  /// How many goals are rated in all (the "M" of "N of M goals would be Not Rated").
  public var ratedGoalCount: Int

  public init(cells: [ReadinessCell], counts: ReadinessCounts, notRatedGoals: [NotRatedGoal], ratedGoalCount: Int) {
    self.cells = cells
    self.counts = counts
    self.notRatedGoals = notRatedGoals
    self.ratedGoalCount = ratedGoalCount
  }

  /// The cells that still lack an artifact, an affirmation or both: the evidence to-do list.
  public var missingEvidence: [ReadinessCell] { cells.filter(\.state.isMissingEvidence) }
}
