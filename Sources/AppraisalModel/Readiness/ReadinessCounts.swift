/// How many practice × instantiation cells are in each ``ReadinessCell/State``: counts only, never a score.
public struct ReadinessCounts: Hashable, Sendable {
  public var noEvidence = 0
  public var artifactsOnly = 0
  public var affirmationsOnly = 0
  public var artifactsAndAffirmations = 0
  /// Cells characterized by the team, per value.
  public var team: [Characterization: Int] = [:]

  public init() {}

  /// Counts one cell.
  public mutating func add(_ state: ReadinessCell.State) {
    switch state {
    case .noEvidence: noEvidence += 1
    case .artifactsOnly: artifactsOnly += 1
    case .affirmationsOnly: affirmationsOnly += 1
    case .artifactsAndAffirmations: artifactsAndAffirmations += 1
    case .team(let value): team[value, default: 0] += 1
    }
  }

  /// Every cell counted.
  public var total: Int { noEvidence + artifactsOnly + affirmationsOnly + artifactsAndAffirmations + teamTotal }

  /// Cells characterized by the team, whatever the value.
  public var teamTotal: Int { team.values.reduce(0, +) }

  /// Cells that still lack an artifact, an affirmation or both (``ReadinessCell/State/isMissingEvidence``).
  public var missingEvidence: Int { noEvidence + artifactsOnly + affirmationsOnly }
}
