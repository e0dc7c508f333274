/// One practice × instantiation cell the plan lifts to FI, as it stands today: its value, what is recorded,
/// and so what closing it takes.
public struct PlanCell: Hashable, Sendable {
  public var instantiation: String
  /// The cell's value today (`nil`: not characterized).
  public var value: Characterization?
  /// The team's recorded value, which wins over the indicators: the team must characterize the cell again.
  public var team: Characterization?
  /// Why the derived value is what it is (``PracticeCharacterizationRule``).
  public var derivation: String
  public var evidence: EvidenceCounts
  /// The weaknesses to close.
  public var weaknesses: [Observation]

  public init(
    instantiation: String, value: Characterization?, team: Characterization?, derivation: String,
    evidence: EvidenceCounts, weaknesses: [Observation]
  ) {
    self.instantiation = instantiation
    self.value = value
    self.team = team
    self.derivation = derivation
    self.evidence = evidence
    self.weaknesses = weaknesses
  }

  init(_ cell: InstantiationCharacterization) {
    self.init(
      instantiation: cell.instantiation, value: cell.value, team: cell.team, derivation: cell.derivation,
      evidence: cell.evidence, weaknesses: cell.weaknesses)
  }

  /// Whether an artifact must be added (none recorded).
  public var needsArtifact: Bool { evidence.artifacts == 0 }
  /// Whether an affirmation must be added (none recorded).
  public var needsAffirmation: Bool { evidence.affirmations == 0 }
}
