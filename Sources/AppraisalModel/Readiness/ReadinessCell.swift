/// One rated practice in one sampled unit that examines its area, as the evidence file records it today:
/// what is there, and so what the rules can make of it.
public struct ReadinessCell: Hashable, Sendable {
  /// What is recorded for the pair. A team characterization comes first because it wins over the indicators.
  public enum State: Hashable, Sendable {
    /// No artifact and no affirmation, and no team characterization: not characterized, or NI when
    /// weaknesses are recorded (``ReadinessCell/derived`` tells which).
    case noEvidence
    /// Artifacts but no affirmation: at best PI until an affirmation corroborates them.
    case artifactsOnly
    /// Affirmations but no artifact: at best PI until an artifact supports them.
    case affirmationsOnly
    /// Both kinds of indicator: FI, LI or PI depending on the weaknesses.
    case artifactsAndAffirmations
    /// The team recorded this value; it stands whatever the indicators say.
    case team(Characterization)

    /// Whether the pair still lacks an indicator the rules need for FI: no team value, and not both kinds of
    /// evidence.
    public var isMissingEvidence: Bool {
      switch self {
      case .noEvidence, .artifactsOnly, .affirmationsOnly: true
      case .artifactsAndAffirmations, .team: false
      }
    }
  }

  public var practice: PracticeReference
  /// The goal the practice belongs to in its area (`SG 1`, `GG 2`).
  public var goal: String
  public var instantiation: String
  public var state: State
  /// The value ``PracticeCharacterizationRule`` derives from what is recorded (`nil`: not characterized).
  public var derived: Characterization?

  public init(
    practice: PracticeReference, goal: String, instantiation: String, state: State, derived: Characterization?
  ) {
    self.practice = practice
    self.goal = goal
    self.instantiation = instantiation
    self.state = state
    self.derived = derived
  }
}
