/// A practice's characterization for the organizational unit, aggregated from its instantiations.
public struct OUCharacterization: Hashable, Sendable {
  /// Which row of the aggregation table decided the value.
  public enum Basis: Hashable, Sendable {
    /// No sampled unit examines the practice's process area.
    case noInstantiations
    /// Some instantiations are not characterized; the OU value cannot be determined yet.
    case incomplete(missing: [String])
    /// Every instantiation is NY.
    case allNotYet
    /// Every (non-NY) instantiation has the same value.
    case uniform
    /// All FI or LI, at least one LI.
    case fullyOrLargely
    /// A mixed row decided by the team's recorded judgment.
    case teamDecision(allowed: [Characterization], justification: String)
    /// A mixed row with no recorded judgment: the conservative default was used.
    case judgmentNeeded(allowed: [Characterization])
  }

  public var practice: PracticeReference
  public var value: Characterization?
  public var basis: Basis
  /// The per-instantiation values that were aggregated, in sample order.
  public var instantiations: InstantiationValues
  /// A recorded team decision that could not be applied, with the reason (the rule's value stands).
  public var rejectedDecision: (decision: AggregationDecision, reason: String)?

  public init(
    practice: PracticeReference, value: Characterization?, basis: Basis,
    instantiations: [InstantiationCharacterization],
    rejectedDecision: (decision: AggregationDecision, reason: String)? = nil
  ) {
    self.init(
      practice: practice, value: value, basis: basis, instantiations: InstantiationValues(instantiations),
      rejectedDecision: rejectedDecision)
  }

  public init(
    practice: PracticeReference, value: Characterization?, basis: Basis, instantiations: InstantiationValues,
    rejectedDecision: (decision: AggregationDecision, reason: String)? = nil
  ) {
    self.practice = practice
    self.value = value
    self.basis = basis
    self.instantiations = instantiations
    self.rejectedDecision = rejectedDecision
  }

  /// Whether the value is a default standing in for a team judgment that has not been made.
  public var judgmentNeeded: Bool {
    if case .judgmentNeeded = basis { return true }
    return false
  }

  /// Every weakness recorded against the practice in any instantiation.
  public var weaknesses: [Observation] { instantiations.weaknesses }

  public static func == (lhs: OUCharacterization, rhs: OUCharacterization) -> Bool {
    lhs.practice == rhs.practice && lhs.value == rhs.value && lhs.basis == rhs.basis
      && lhs.instantiations == rhs.instantiations && lhs.rejectedDecision?.decision == rhs.rejectedDecision?.decision
      && lhs.rejectedDecision?.reason == rhs.rejectedDecision?.reason
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(practice)
    hasher.combine(value)
    hasher.combine(basis)
  }
}
